package help

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/ui/common"
)

func press(h *Model, k string) tea.Cmd {
	return h.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
}

// In a window too short for every key, j scrolls no further than the
// last line, so that k after scrolling past the end scrolls back at
// once; the help's close key asks the root to close it.
func TestHelpScrollStopsAtTheEnd(t *testing.T) {
	st := common.NewStyles(config.Colors{})
	km := common.NewKeyMaps(false, config.Keys{})
	h := New(&st, km.Help)
	h.SetSize(40, 8) // a 40×10 window less the status bar and help line
	h.Show("article", km.Article.FullHelp())
	if !strings.Contains(h.View(), "Keys: article") {
		t.Fatalf("help does not start at the top:\n%s", h.View())
	}
	if h.maxTop() == 0 {
		t.Fatal("the article's keys fit in 8 lines: nothing to scroll")
	}
	for i := 0; i < 40; i++ {
		press(&h, "j")
	}
	if !strings.Contains(h.View(), "cancel loading") || strings.Contains(h.View(), "Keys: article") {
		t.Fatalf("help did not scroll to its end:\n%s", h.View())
	}
	press(&h, "k")
	if h.top != h.maxTop()-1 {
		t.Fatal("k after scrolling past the end does not scroll back at once")
	}
	h.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if _, ok := h.TakeIntent().(common.CloseHelpMsg); !ok {
		t.Error("esc does not ask to close the help")
	}
}

// The help line leaves keys out whole from the end when they do not
// fit, keeping help and quit, and never runs past the width.
func TestLineLeavesKeysOutWhole(t *testing.T) {
	st := common.NewStyles(config.Colors{})
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	keys := []key.Binding{b("j", "down"), b("?", "help"), b("enter", "open the article"), b("q", "quit")}
	l := NewLine(&st)
	wide := l.View(keys, 200)
	for _, w := range []string{"down", "open the article", "help", "quit"} {
		if !strings.Contains(wide, w) {
			t.Errorf("wide help line lacks %q: %q", w, wide)
		}
	}
	narrow := l.View(keys, 20)
	if strings.Contains(narrow, "open") || strings.Contains(narrow, "down") || !strings.Contains(narrow, "help") || !strings.Contains(narrow, "quit") {
		t.Errorf("narrow help line %q: want help and quit only", narrow)
	}
	if got := l.View(keys, 5); ansi.StringWidth(got) > 5 {
		t.Errorf("help line %q is wider than 5", got)
	}
}
