package article

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

func press(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func newTestArticle() *Model {
	st := common.DefaultStyles()
	k := common.NewKeyMaps(false, config.Keys{})
	m := New(&st, k.Article, k.Search)
	m.SetSize(80, 20)
	m.SetArticle(&reader.Article{Title: "Harbour opens", Location: "news/a.txt", URL: "https://news.example/a"}, common.ModeFull)
	var lines []string
	for i := 0; i < 60; i++ {
		lines = append(lines, "line of the harbour story")
	}
	lines[40] = "the council voted at last"
	m.SetContent(strings.Join(lines, "\n"), false)
	return &m
}

// The article's keys ask the root for what it owns: the next or
// previous article, the list, the other mode; esc cancels a load under
// way instead of leaving.
func TestKeysAskTheRoot(t *testing.T) {
	m := newTestArticle()
	for _, tc := range []struct {
		key     string
		loading bool
		want    tea.Msg
	}{
		{"n", false, common.AdjacentMsg{Dir: 1}},
		{"p", false, common.AdjacentMsg{Dir: -1}},
		{"s", false, common.ToggleModeMsg{}},
		{"esc", false, common.ToListMsg{}},
		{"esc", true, common.CancelMsg{}},
		{"y", false, common.CopyMsg{URL: "https://news.example/a"}},
		{"m", false, nil}, // a library key, unbound outside library mode
	} {
		m.SetLoading(tc.loading)
		m.Update(press(tc.key))
		if in := m.TakeIntent(); in != tc.want {
			t.Errorf("%s (loading %v): intent %#v, want %#v", tc.key, tc.loading, in, tc.want)
		}
	}
}

// A search finds the line, scrolls it into view and says so in the
// footer; ] wraps round the matches.
func TestSearchScrollsToTheMatch(t *testing.T) {
	m := newTestArticle()
	m.Update(press("/"))
	if !m.Searching() {
		t.Fatal("/ did not open the prompt")
	}
	m.Update(press("council"))
	m.Update(press("enter"))
	if f := ansi.Strip(m.Footer()); !strings.Contains(f, "match 1/1") {
		t.Fatalf("footer %q", f)
	}
	off, _ := m.Scroll()
	if off > 40 || off+m.vp.Height <= 40 {
		t.Fatalf("the match on line 40 is not on screen (first line %d, %d lines)", off, m.vp.Height)
	}
	m.Update(press("]"))
	if f := ansi.Strip(m.Footer()); !strings.Contains(f, "match 1/1") {
		t.Fatalf("] with one match: footer %q", f)
	}
}

// Room is shared between the footer's targets: each whole when both
// fit, else what one leaves goes to the other.
func TestSplitRoom(t *testing.T) {
	for _, tc := range []struct{ room, a, b, wa, wb int }{
		{40, 10, 20, 10, 20},
		{40, 10, 50, 10, 30},
		{40, 50, 50, 20, 20},
		{2, 10, 10, 4, 4}, // never below 8 in all
	} {
		if a, b := splitRoom(tc.room, tc.a, tc.b); a != tc.wa || b != tc.wb {
			t.Errorf("splitRoom(%d, %d, %d) = %d, %d, want %d, %d", tc.room, tc.a, tc.b, a, b, tc.wa, tc.wb)
		}
	}
}

// numbered is n lines "line <i>", from first, each ending in "\n" but
// the last.
func numbered(first, n int) string {
	var b strings.Builder
	for i := first; i < first+n; i++ {
		if i > first {
			b.WriteString("\n")
		}
		b.WriteString("line " + strings.Repeat("x", i%7) + " " + string(rune('a'+i%26)))
	}
	return b.String()
}

// TestAppendContent: later pieces of a long article are appended where
// the reader is; a place to resume at beyond the first piece is reached
// when its piece comes; G while rendering follows the end; a search
// finds matches in the pieces that come after it.
func TestAppendContent(t *testing.T) {
	m := newTestArticle()
	m.SetArticle(m.art, common.ModeFull)
	m.ResumeAt(150) // back to where the reader was
	m.SetRendering(true)
	m.SetContent(numbered(0, 100), false)
	if off, _ := m.Scroll(); off >= 100 {
		t.Fatalf("line %d of the first 100", off)
	}
	if !strings.Contains(ansi.Strip(m.View()), "rendering the rest…") {
		t.Error("no note that the rest is rendering")
	}
	m.AppendContent("\n" + numbered(100, 100))
	if off, total := m.Scroll(); off != 150 || total != 200 {
		t.Fatalf("after the second piece: line %d of %d, want 150 of 200", off, total)
	}
	m.Update(press("j"))
	m.AppendContent("\n" + numbered(200, 100))
	if off, _ := m.Scroll(); off != 151 {
		t.Fatalf("the third piece moved the reader to line %d", off)
	}
	m.Update(press("G"))
	m.AppendContent("\n" + numbered(300, 100))
	if off, total := m.Scroll(); off+m.vp.Height != total {
		t.Errorf("G while rendering: line %d of %d, not at the end", off, total)
	}
	m.Update(press("/"))
	for _, r := range "council" {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	m.Update(press("enter"))
	m.AppendContent("\nthe council voted at last")
	m.SetRendering(false)
	if n := len(m.SearchMatches()); n != 1 {
		t.Errorf("%d matches of a word in the last piece", n)
	}
	if strings.Contains(ansi.Strip(m.View()), "rendering the rest") {
		t.Error("the note stays once the text is whole")
	}
}

// f numbers the links the root found when it read the article
// (SetBodyLinks), not the body parsed again on the keypress; a new
// article forgets the old one's.
func TestLinksAreTheOnesGiven(t *testing.T) {
	m := newTestArticle()
	m.art.Body = "The [timetable](https://harbour.example/timetable) is out."
	m.Update(press("f"))
	if in := m.TakeIntent(); in != (common.StatusMsg{Text: "this article has no links to follow"}) {
		t.Fatalf("f before the links were given: intent %#v", in)
	}
	m.SetBodyLinks([]reader.BodyLink{{Text: "the winter timetable", URL: "https://harbour.example/timetable"}})
	m.Update(press("f"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1  the winter timetable") {
		t.Fatalf("f did not list the link given:\n%s", v)
	}
	m.Update(press("esc"))
	m.SetArticle(&reader.Article{Title: "Tram line", Location: "news/b.txt"}, common.ModeFull)
	m.SetContent("text", false)
	m.Update(press("f"))
	if m.LinksOpen() {
		t.Error("the next article listed the last one's links")
	}
}
