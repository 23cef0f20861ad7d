package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A second / opens an empty prompt: typing starts a new query rather than
// appending to the last one, which ↑ brings back.
func TestSearchPromptStartsEmpty(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "/")
	tm.typeText("council")
	tm.keys("enter")
	tm.expect("match 1/")
	tm.keys("/")
	tm.typeText("voted")
	tm.expectNot("councilvoted")
	tm.keys("enter")
	tm.expect("match 1/1")
	tm.keys("/", "up")
	tm.expect("/ voted")
	tm.keys("esc")
	tm.expect("match 1/1")
}

// Esc on the prompt keeps the search from before it opened.
func TestSearchCancelKeepsLastQuery(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "/")
	tm.typeText("council")
	tm.keys("enter", "/")
	tm.typeText("zzz")
	tm.expect("no match")
	tm.keys("esc")
	tm.expect("match 1/")
	tm.expectNot("no match")
}

// With no colours (the Ascii profile the tests use, as under NO_COLOR)
// the current match is still shown, in reverse video.
func TestSearchHighlightWithoutColour(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "/")
	tm.typeText("voted")
	tm.keys("enter")
	if v := tm.m.View(); !strings.Contains(v, "\x1b[7m") {
		t.Fatalf("no reverse video for the match:\n%q", v)
	}
}

// While a search is active, n and N move between its matches (the
// footer and the help line say so) and esc ends it, after which n is
// the next article again; the matched words are marked, every one of
// them, not their whole lines.
func TestSearchNAndNBetweenMatches(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "/")
	tm.typeText("the")
	tm.keys("enter")
	tm.expect("match 1/", "(n/N, esc ends)", "n/] next match", "N/[ previous match")
	total := len(tm.m.article.SearchMatches())
	if total < 3 {
		t.Fatalf("%d matches of “the”", total)
	}
	tm.keys("n")
	tm.expect("match 2/")
	if tm.m.current != "news/a.txt" {
		t.Fatalf("n left the article for %s during a search", tm.m.current)
	}
	tm.keys("N", "N")
	tm.expect("match " + strconv.Itoa(total) + "/")
	v := tm.m.View()
	if n := strings.Count(v, "\x1b[7m"); n != 1 {
		t.Errorf("%d current matches in reverse video, want 1:\n%q", n, v)
	}
	if strings.Count(v, "\x1b[4m") < 2 {
		t.Errorf("the other matches are not underlined:\n%q", v)
	}
	// The reverse video covers the word alone.
	at := strings.Index(v, "\x1b[7m")
	if end := strings.Index(v[at:], "\x1b[m"); end < 0 || ansi.Strip(v[at:at+end]) != "the" && ansi.Strip(v[at:at+end]) != "The" {
		t.Errorf("the current match is not the word alone: %q", v[at:min(at+60, len(v))])
	}
	tm.keys("esc")
	tm.expectNot("match ")
	tm.keys("n")
	if tm.m.current != "news/b.txt" {
		t.Errorf("n after esc did not move to the next article: %s", tm.m.current)
	}
}
