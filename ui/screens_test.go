package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// At 40×10 the headline takes one line, and the help line leaves keys
// out whole, keeping "? help" and a way out.
func TestSmallScreen(t *testing.T) {
	tm := newTestModel(t, 40, 10)
	lines := strings.Split(tm.view(), "\n")
	help := strings.TrimRight(lines[len(lines)-1], " ")
	if !strings.HasSuffix(help, "? help") || !strings.Contains(help, "q quit") || strings.HasSuffix(help, "•") {
		t.Errorf("list help line at 40 columns: %q", help)
	}
	tm.keys("enter")
	lines = strings.Split(tm.view(), "\n")
	if !strings.Contains(lines[0], "Alpha Council") || strings.Contains(lines[1], "Trams") {
		t.Errorf("the headline takes more than one line at 40×10:\n%s", tm.view())
	}
	help = strings.TrimRight(lines[len(lines)-1], " ")
	if !strings.HasSuffix(help, "? help") || strings.HasSuffix(help, "•") {
		t.Errorf("article help line at 40 columns: %q", help)
	}
}

// Below 40×10 the note says what fits, in whole words.
func TestTooSmallNote(t *testing.T) {
	for _, size := range [][2]int{{39, 9}, {15, 5}, {9, 3}, {5, 1}} {
		tm := newTestModel(t, size[0], size[1])
		v := tm.view()
		words := strings.Fields(v)
		for _, w := range words {
			switch w {
			case "window", "too", "small", "40×10", "at", "least", "…":
			default:
				t.Errorf("%dx%d: a cut word %q in\n%s", size[0], size[1], w, v)
			}
		}
		if len(words) == 0 {
			t.Errorf("%dx%d: no note", size[0], size[1])
		}
		// Wider than the window, the terminal would cut it mid-word.
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > size[0] {
				t.Errorf("%dx%d: a line of %d columns: %q", size[0], size[1], ansi.StringWidth(l), l)
			}
		}
	}
}

// On a wide screen the footer's targets sit under the text column (it
// widens only as far as long headlines need), and they do not move as
// the percentage goes from 0% to 100%.
func TestWideFooter(t *testing.T) {
	c := testCollection(t)
	long := strings.Repeat("The harbour board met on Tuesday and agreed the winter timetable for the ferries. ", 12)
	a := textArticle(t, "news/long.txt", "A Long Story", "Alpha Council Opens Night Trams", "Gamma Inflation Eases",
		long, long, long, long)
	c = reader.NewCollection(append(c.Articles, a))
	tm := newTestModelOn(t, c, 180, 30)
	tm.keys("G", "enter")
	footer := func() string {
		lines := strings.Split(tm.view(), "\n")
		return lines[len(lines)-3]
	}
	top := footer()
	textCol := -1
	for _, l := range strings.Split(tm.view(), "\n")[4:10] {
		if s := strings.TrimLeft(l, " "); s != "" {
			textCol = len(l) - len(s)
			break
		}
	}
	left := strings.Index(top, "←")
	if left < 20 || textCol < 0 || left != textCol {
		t.Errorf("the ← target at column %d, the text at %d:\n%q", left, textCol, top)
	}
	if right := ansi.StringWidth(strings.TrimRight(top, " ")); right > 180-20 {
		t.Errorf("the → target ends at column %d of 180", right)
	}
	tm.send(tea.KeyMsg{Type: tea.KeyEnd})
	bottom := footer()
	if !strings.Contains(bottom, "100%") || !strings.Contains(top, "  0%") {
		t.Fatalf("footers:\n%q\n%q", top, bottom)
	}
	if strings.Index(top, "→") != strings.Index(bottom, "→") || strings.Index(top, "←") != strings.Index(bottom, "←") {
		t.Errorf("the targets moved between 0%% and 100%%:\n%q\n%q", top, bottom)
	}
}
