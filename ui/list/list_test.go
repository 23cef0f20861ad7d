package list

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// noMarks shows every row unread and unsaved.
type noMarks struct{}

func (noMarks) IsRead(string) bool  { return false }
func (noMarks) IsSaved(string) bool { return false }

func press(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func newTestList(library bool) *Model {
	arts := []*reader.Article{
		{Title: "Harbour opens", Site: "Coast Times", Location: "news/a.txt"},
		{Title: "Council votes", Site: "Harbour Post", Location: "news/b.txt"},
		{Title: "Tram line", Site: "City Desk", Location: "news/c.txt"},
	}
	st := common.DefaultStyles()
	k := common.NewKeyMaps(library)
	m := New(arts, &st, k.List, k.Filter, noMarks{})
	m.SetSize(80, 20)
	return &m
}

func titles(m *Model) []string {
	var out []string
	for _, a := range m.Listed() {
		out = append(out, a.Title)
	}
	return out
}

// Enter asks the root to open the selected article, and the intent is
// taken once.
func TestEnterAsksToOpenTheSelected(t *testing.T) {
	m := newTestList(false)
	m.Update(press("j"))
	if cmd := m.Update(press("enter")); cmd != nil {
		t.Error("enter returned a Cmd; the root is to open the article")
	}
	if in := m.TakeIntent(); in != (common.OpenMsg{Loc: "news/b.txt"}) {
		t.Fatalf("intent %#v, want OpenMsg for news/b.txt", in)
	}
	if in := m.TakeIntent(); in != nil {
		t.Fatalf("the intent was taken twice: %#v", in)
	}
}

// The filter lists title matches first, then source matches, and esc
// brings every row back with the cursor kept on its article.
func TestFilterOrdersTitleMatchesFirst(t *testing.T) {
	m := newTestList(false)
	m.Update(press("/"))
	for _, r := range "harbour" {
		m.Update(press(string(r)))
	}
	if got, want := titles(m), []string{"Harbour opens", "Council votes"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("filtered: %q, want %q", got, want)
	}
	m.Update(press("enter"))
	if m.Editing() || m.FilterText() != "filter “harbour”" {
		t.Fatalf("enter did not keep the filter: editing %v, %q", m.Editing(), m.FilterText())
	}
	m.Update(press("j"))
	m.Update(press("esc"))
	if m.Shown() != 3 || m.Selected().Title != "Council votes" {
		t.Fatalf("after esc: %d shown, cursor on %q", m.Shown(), m.Selected().Title)
	}
}

// In library mode enter in the prompt asks the root to search the whole
// library; the plain reader keeps the filter without asking anything.
func TestFilterEnterSearchesTheLibrary(t *testing.T) {
	for _, library := range []bool{false, true} {
		m := newTestList(library)
		m.Update(press("/"))
		m.Update(press("tram"))
		m.Update(press("enter"))
		in := m.TakeIntent()
		var want tea.Msg
		if library {
			want = common.ListRequestMsg{Op: common.ListSearch, Query: "tram"}
		}
		if in != want {
			t.Errorf("library %v: intent %#v, want %#v", library, in, want)
		}
	}
}

// A reload keeps the article the cursor moved to; a fresh list starts
// at the top, unfiltered.
func TestReplaceKeepsOrResetsTheCursor(t *testing.T) {
	m := newTestList(false)
	m.Update(press("G"))
	arts := append([]*reader.Article{{Title: "New first", Location: "news/n.txt"}}, m.Items()...)
	m.Replace(arts, "all", "", nil, false)
	if got := m.Selected().Title; got != "Tram line" {
		t.Fatalf("a reload moved the cursor to %q", got)
	}
	m.Replace(arts, "unread", "", nil, true)
	if cursor, offset := m.Position(); cursor != 0 || offset != 0 || m.Title() != "unread" {
		t.Fatalf("a fresh list: cursor %d, offset %d, title %q", cursor, offset, m.Title())
	}
}
