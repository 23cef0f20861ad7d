package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/status"
)

func TestListShowsArticlesWithSummaryLines(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.expect("brief", "5 articles", "Alpha Council Opens Night Trams", "Epsilon Has No Links",
		"The council met on Tuesday.", // first summary sentence, computed in a Cmd
		"a.txt · 1 min")
	if tm.m.screen != screenList {
		t.Fatal("does not start on the list")
	}
}

func TestOpenMarksReadAndShowsFullText(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.expect("• Alpha")
	tm.keys("enter")
	tm.expect("Alpha Council Opens Night Trams", "FULL", "1 min read", "Costs are shared by the city",
		"← Harbour Timetable Published (not here)", "Beta Glacier Riverbed Mapped →")
	if !tm.m.read.IsRead("news/a.txt") {
		t.Fatal("opening did not mark the article read")
	}
	tm.keys("q")
	tm.expect("✓ Alpha", "• Beta")
}

// TestKeysActInOrder: keys that arrive before the program runs any Cmd
// (pasted, scripted or a busy terminal) act in the order typed: "q"
// leaves the article and enter then opens the selected one.
func TestKeysActInOrder(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter")
	tm.expect("FULL")
	for _, k := range []string{"q", "j", "enter"} {
		next, _ := tm.m.Update(keyMsg(k))
		tm.m = next.(Model)
	}
	tm.expect("Beta Glacier Riverbed Mapped", "← Alpha Council", "FULL")
}

func TestToggleSummaryShowsAtOnce(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter")
	// Deliver the key alone, without running any Cmd: the summary was
	// prepared in the background, so it must be on screen at once.
	next, _ := tm.m.Update(keyMsg("s"))
	tm.m = next.(Model)
	tm.expect("SUMMARY", "Key points", "The council met on Tuesday.", "Press s for the full article.")
	tm.expectNot("Costs are shared", "Loading")
	tm.keys("tab")
	tm.expect("FULL", "Costs are shared")
}

func TestNextPreviousFollowLinksAndBackRetraces(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "n")
	tm.expect("Beta Glacier Riverbed Mapped", "← Alpha Council", "Gamma Inflation Eases →")
	// the neighbour was prepared: n shows its text with no Cmd run
	next, _ := tm.m.Update(keyMsg("n"))
	tm.m = next.(Model)
	tm.expect("Gamma Inflation Eases", "Inflation slowed to 3 percent")
	tm.keys("p")
	tm.expect("Beta Glacier Riverbed Mapped")
	tm.keys("backspace")
	tm.expect("Gamma Inflation Eases")
	tm.keys("h", "h")
	tm.expect("Alpha Council Opens Night Trams")
	tm.keys("backspace")
	if tm.m.screen != screenList {
		t.Fatal("back from the first article does not return to the list")
	}
}

func TestUnresolvedLinkSaysWhy(t *testing.T) {
	tm := newTestModel(t, 100, 24)
	tm.keys("enter", "p")
	tm.expect("Alpha Council Opens Night Trams", "previous article not in this collection: “Harbour Timetable Published”")
}

func TestNoLinkTakesListNeighbour(t *testing.T) {
	tm := newTestModel(t, 100, 24)
	tm.keys("G", "enter")
	tm.expect("Epsilon Has No Links", "← Delta Web Linked Story (list)")
	tm.keys("n")
	tm.expect("no next article: this is the last of the list")
	tm.keys("p")
	tm.expect("Delta Web Linked Story", "showing the list's previous")
}

func TestWebLinkLoadsWithSpinnerAndEscCancels(t *testing.T) {
	tm := newTestModel(t, 100, 24, func(s *fakeSource) {
		s.fetch = func(ctx context.Context, url string) (*reader.Article, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}
	})
	tm.keys("G", "k", "enter")
	tm.expect("Delta Web Linked Story", "Web Story (web) →")
	tm.patience = 100 * time.Millisecond // the fetch blocks until cancelled
	tm.keys("n")
	tm.expect("loading example.com/web-story (esc cancels)")
	tm.keys("esc")
	tm.wait()
	tm.expect("Delta Web Linked Story", "loading cancelled")
	tm.expectNot("esc cancels")
	if tm.m.screen != screenArticle {
		t.Fatal("esc while loading left the article")
	}
}

func TestWebLinkOpensLoadedArticle(t *testing.T) {
	tm := newTestModel(t, 100, 24, func(s *fakeSource) {
		s.fetch = func(ctx context.Context, url string) (*reader.Article, error) {
			return &reader.Article{Title: "Web Story", Location: url, URL: url,
				Body: "Fetched from the web. Second sentence.", Words: 6}, nil
		}
	})
	tm.keys("G", "k", "enter", "n")
	tm.wait()
	tm.expect("Web Story", "Fetched from the web.")
	tm.keys("backspace")
	tm.expect("Delta Web Linked Story")
}

func TestWebLinkFailureShowsErrorView(t *testing.T) {
	tm := newTestModel(t, 100, 24) // the fake fetch fails
	tm.keys("G", "k", "enter", "n")
	tm.wait()
	tm.expect("Web Story", "example.com", "This article cannot be shown.", "no network in tests")
	// Honest: nothing was read, so no reading time and no badge, and
	// the keys named are those that lead somewhere (p has no link).
	tm.expect("example.com · not loaded", "⌫ back · q list")
	tm.expectNot("min read", "SUMMARY", "FULL", "n/p move on", "previous ·")
	tm.keys("backspace")
	tm.expect("Delta Web Linked Story")
	// The link is still a page to fetch: its (web) marker survives.
	tm.expect("Web Story (web) →")
}

func TestFailedArticleShowsErrorView(t *testing.T) {
	tm := newTestModel(t, 80, 24, func(s *fakeSource) {
		s.fail["news/b.txt"] = &reader.FileError{Path: "news/b.txt", Reason: "cannot be read (permission denied)"}
	})
	tm.keys("j", "enter")
	tm.expect("This article cannot be shown.", "news/b.txt cannot be read (permission denied)")
	tm.keys("n")
	tm.expect("Gamma Inflation Eases", "Inflation slowed")
}

func TestFilterKeepsAndClears(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("/")
	tm.typeText("glacier")
	tm.expect("Beta Glacier Riverbed Mapped", "/ glacier", "1 of 5")
	tm.expectNot("Alpha Council")
	tm.keys("enter")
	tm.expect("1 of 5 · filter “glacier”", "esc clear filter")
	tm.keys("enter")
	tm.expect("Researchers mapped a riverbed")
	tm.keys("q", "esc")
	tm.expect("5 articles", "Alpha Council")
	tm.expectNot("filter “")
}

func TestFilterMatchesSource(t *testing.T) {
	c := testCollection(t)
	c.Articles[2].Site = "Kessler Tribune"
	tm := newTestModelOn(t, c, 80, 24)
	tm.keys("/")
	tm.typeText("tribune")
	tm.expect("Gamma Inflation Eases", "1 of 5")
}

func TestSearchWithinArticle(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "/")
	tm.typeText("the")
	tm.keys("enter")
	tm.expect("match 1/")
	tm.keys("]")
	tm.expect("match 2/")
	tm.keys("[", "[")
	tm.expect("Alpha Council") // still on the article: [ and ] are not p/n
	tm.keys("esc")
	tm.expectNot("match ")
	tm.keys("n")
	tm.expect("Beta Glacier Riverbed Mapped")
}

func TestHelpIsGeneratedPerView(t *testing.T) {
	tm := newTestModel(t, 100, 30)
	tm.keys("?")
	tm.expect("Keys: list", "filter", "quit")
	tm.keys("esc", "enter", "?")
	tm.expect("Keys: article", "summary ⇄ full", "next match", "copy link", "back")
	tm.keys("?")
	tm.expect("Alpha Council Opens Night Trams", "FULL")
}

func TestResizeKeepsPlace(t *testing.T) {
	long := strings.Repeat("A long paragraph of words that goes on to fill the screen many times over. ", 12)
	var paras []string
	for i := 0; i < 12; i++ {
		paras = append(paras, long)
	}
	a := textArticle(t, "long.txt", "A Long Read", "", "", paras...)
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 80, 24)
	tm.keys("enter")
	for i := 0; i < 60; i++ {
		tm.keys("j")
	}
	off, total := tm.m.article.Scroll()
	before := float64(off) / float64(total)
	tm.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	off, total = tm.m.article.Scroll()
	after := float64(off) / float64(total)
	if tm.m.shown.Width != 120 {
		t.Fatal("the article was not re-rendered for the new width")
	}
	if d := after - before; d < -0.02 || d > 0.02 {
		t.Fatalf("place moved from %.3f to %.3f of the text", before, after)
	}
	if before < 0.1 {
		t.Fatalf("did not scroll (%.3f)", before)
	}
}

func TestTooSmallWindow(t *testing.T) {
	tm := newTestModel(t, 39, 10)
	tm.expect("window too small")
	tm.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	tm.expect("Alpha Council")
	tm.keys("enter")
	tm.expect("FULL")
	for _, l := range strings.Split(tm.view(), "\n") {
		if w := len([]rune(l)); w > 40 {
			t.Fatalf("line wider than the window (%d): %q", w, l)
		}
	}
	if n := strings.Count(tm.view(), "\n") + 1; n > 10 {
		t.Fatalf("%d lines in a 10-line window", n)
	}
}

func TestSkippedFilesInStatusBar(t *testing.T) {
	tm := newTestModel(t, 120, 24, func(s *fakeSource) {
		s.skipped = []error{
			&reader.FileError{Path: "news/empty.txt", Reason: "is empty"},
			&reader.FileError{Path: "news/image.jpg", Reason: "is not text (image/jpeg)"},
		}
	})
	tm.expect("2 files skipped: empty.txt is empty, image.jpg is not text")
	tm.send(status.ClearMsg{ID: tm.m.status.Gen()})
	tm.expectNot("empty.txt is empty")
	tm.expect("5 articles · 2 skipped")
}

func TestStaleFetchIsDropped(t *testing.T) {
	tm := newTestModel(t, 100, 24)
	tm.keys("enter")
	tm.send(fetchedMsg{ID: 42, URL: "https://example.com/x", Err: errors.New("late")})
	tm.expect("Alpha Council Opens Night Trams")
	tm.expectNot("cannot be shown")
}

func TestRenderCachedByWidth(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "s", "s")
	k := renderKey{Loc: "news/a.txt", Mode: modeFull, Width: 80, Style: "dark"}
	if _, ok := tm.m.cache.renders[k]; !ok {
		t.Fatal("full text not cached")
	}
	if tm.src.opened["news/a.txt"] != 1 {
		t.Fatalf("article opened %d times, want 1", tm.src.opened["news/a.txt"])
	}
	if _, ok := tm.m.cache.renders[renderKey{Loc: "news/b.txt", Mode: modeSummary, Width: 80, Style: "dark"}]; !ok {
		t.Fatal("the next article's summary was not prepared")
	}
}

func TestOpenAndCopyLink(t *testing.T) {
	var opened, copied string
	tm := newTestModel(t, 100, 24)
	tm.m.openURL = func(u string) error { opened = u; return nil }
	tm.m.copy = func(u string) error { copied = u; return nil }
	tm.keys("enter", "o")
	tm.expect("this article has no web address")
	tm.m.lookup("news/a.txt").URL = "https://example.com/a"
	tm.keys("o", "y")
	if opened != "https://example.com/a" || copied != "https://example.com/a" {
		t.Fatalf("opened %q, copied %q", opened, copied)
	}
	tm.expect("link copied")
}

func TestFastTypingArrivesWhole(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/glacier")})
	tm.expect("/ glacier", "1 of 5")
}

func TestFastKeysWaitForTheirIntents(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nn")}) // on the list: nothing
	tm.keys("enter")
	tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nn")})
	tm.expect("Gamma Inflation Eases")
	tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("qq")})
	if !tm.quit {
		t.Fatal("qq from an article did not leave it and quit")
	}
}

func TestQuit(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("q")
	if !tm.quit {
		t.Fatal("q on the list does not quit")
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	wheel := func(b tea.MouseButton) {
		tm.send(tea.MouseMsg{Button: b, Action: tea.MouseActionPress})
	}
	wheel(tea.MouseButtonWheelDown)
	if got := tm.m.list.Selected().Title; got != "Beta Glacier Riverbed Mapped" {
		t.Fatalf("wheel down on the list selected %q", got)
	}
	wheel(tea.MouseButtonWheelUp)
	c := testCollection(t)
	long := strings.Repeat("Words to scroll through on a small screen. ", 200)
	c = reader.NewCollection(append(c.Articles, textArticle(t, "news/z.txt", "Zeta Long", "", "", long)))
	tm = newTestModelOn(t, c, 80, 24)
	tm.keys("G", "enter")
	tm.expect("Zeta Long")
	wheel(tea.MouseButtonWheelDown)
	if off, _ := tm.m.article.Scroll(); off != 3 {
		t.Fatalf("wheel down scrolled the article to %d, want 3", off)
	}
}

func TestBackReturnsToThePlace(t *testing.T) {
	c := testCollection(t)
	long := strings.Repeat("Words to scroll through on a small screen. ", 200)
	x := textArticle(t, "long/x.txt", "Xi Long Read", "", "Omicron Follows", long)
	y := textArticle(t, "long/y.txt", "Omicron Follows", "Xi Long Read", "", "Short.")
	c = reader.NewCollection(append(c.Articles, x, y))
	tm := newTestModelOn(t, c, 80, 24)
	tm.m.list.Select("long/x.txt")
	tm.keys("enter", " ", " ")
	at, _ := tm.m.article.Scroll()
	if at == 0 {
		t.Fatal("space did not page down")
	}
	tm.keys("n")
	tm.expect("Omicron Follows")
	tm.keys("backspace")
	tm.expect("Xi Long Read")
	if got, _ := tm.m.article.Scroll(); got != at {
		t.Fatalf("back returned to line %d, want %d", got, at)
	}
}

func TestNothingToSummarise(t *testing.T) {
	a := &reader.Article{Title: "Only a Headline", Location: "x/only.txt", Body: " "}
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 80, 24)
	tm.keys("enter", "s")
	tm.expect("SUMMARY", "Nothing to summarise.", "Press s for the full article.")
}

func TestRenderForOldWidthIsDropped(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter")
	k := renderKey{Loc: "news/a.txt", Mode: modeFull, Width: 100, Style: "dark"}
	tm.send(renderedMsg{Key: k, Content: "stale"})
	if _, ok := tm.m.cache.renders[k]; ok {
		t.Fatal("a rendering for a width the window does not have was kept")
	}
	tm.expectNot("stale")
}

// failingReadState stands for a store that cannot write.
type failingReadState struct{ marked []string }

func (f *failingReadState) IsRead(string) bool { return false }
func (f *failingReadState) QueueRead(loc string, _ bool) func() error {
	f.marked = append(f.marked, loc)
	return func() error { return errors.New("disk full") }
}
func (f *failingReadState) Flush() error { return nil }

func TestReadStateIsSavedInACmd(t *testing.T) {
	tm := newTestModel(t, 100, 24)
	rs := &failingReadState{}
	tm.m.read, tm.m.marks.store = rs, rs
	tm.keys("enter", "n", "p")
	if len(rs.marked) != 2 {
		t.Fatalf("marked %v, want a and b once each", rs.marked)
	}
	tm.expect("could not save the read mark: disk full")
	tm.keys("q")
	tm.expect("✓ Alpha", "✓ Beta") // shown read all the same
}

func TestHelpScrollsInASmallWindow(t *testing.T) {
	tm := newTestModel(t, 40, 10)
	tm.keys("enter", "?")
	tm.expect("Keys: article")
	tm.expectNot("ctrl+c quit\n")
	for i := 0; i < 40; i++ {
		tm.keys("j")
	}
	tm.expect("cancel loading")
	tm.expectNot("Keys: article")
	tm.keys("k") // scrolls back at once: asserted in ui/help (TestHelpScrollStopsAtTheEnd)
	tm.expect("cancel loading")
	tm.keys("esc")
	tm.expect("FULL")
}

func TestToggleBeforeTheSummaryIsReadySaysLoading(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter")
	// Forget the prepared summary, then toggle without running Cmds.
	delete(tm.m.cache.renders, renderKey{Loc: "news/a.txt", Mode: modeSummary, Width: 80, Style: "dark"})
	next, _ := tm.m.Update(keyMsg("s"))
	tm.m = next.(Model)
	tm.expect("SUMMARY", "Loading…")
	tm.expectNot("Costs are shared")
}
