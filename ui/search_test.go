package ui

import (
	"strings"
	"testing"
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
