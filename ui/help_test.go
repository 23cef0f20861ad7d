package ui

import "testing"

// The help screens name every key the README documents: l opens from the
// list; tab toggles the summary; esc goes back to the list (and clears a
// search when there is one).
func TestHelpNamesEveryKey(t *testing.T) {
	tm := newTestModel(t, 100, 30)
	tm.keys("?")
	tm.expect("Keys: list", "enter/→/l")
	tm.keys("esc", "enter", "?")
	tm.expect("Keys: article", "s/tab", "q/esc")
	tm.keys("?", "/")
	tm.typeText("council")
	tm.keys("enter", "?")
	tm.expect("esc", "clear search")
	tm.keys("?", "esc")
	tm.expectNot("match ")
	tm.expect("Alpha Council") // the first esc clears the search
	tm.keys("esc")
	tm.expect("5 articles")
}
