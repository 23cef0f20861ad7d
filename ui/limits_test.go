package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// hugeArticle parses a text article whose body is body.
func hugeArticle(t *testing.T, loc, body string) *reader.Article {
	t.Helper()
	a, err := reader.ParseText(loc, []byte("Huge Harbour Report\n\n"+body), true)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

const prose = "The council voted on the harbour barrier after a long debate about the tides. "

// TestHugeArticleIsTruncatedWithNotice: a document beyond the safety
// bounds (no article is: a log, a generated file) shows its start and,
// at its end, a notice saying what was cut.
func TestHugeArticleIsTruncatedWithNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 2 MB of text four times")
	}
	shapes := map[string]string{ // the notices: 250,000 of 300,000 words; 250,000 of 564,000 words; 125,000 of 500,000 words; 2,048 KB of 3,072 KB
		"300,000 words":              strings.Repeat(prose+"\n\n", 300_000/14),
		"3 MB single-line paragraph": strings.Repeat(prose, (3<<20)/len(prose)),
		"100,000 paragraphs":         strings.Repeat("A short paragraph of news.\n\n", 100_000),
		"3 MB word":                  strings.Repeat("a", 3<<20) + ".",
	}
	for name, body := range shapes {
		t.Run(name, func(t *testing.T) {
			a := hugeArticle(t, "news/huge.txt", body)
			tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
			tm.keys("enter", "G")
			tm.expect("Article truncated: showing the first", "brief read", "news/huge.txt", "prints it all.")
			for _, l := range strings.Split(tm.view(), "\n") {
				if w := ansi.StringWidth(l); w > 100 {
					t.Fatalf("a line of %d columns: %.60q", w, l)
				}
			}
		})
	}
}

// TestShortArticleHasNoNotice: an article inside the limits is shown whole.
func TestShortArticleHasNoNotice(t *testing.T) {
	a := hugeArticle(t, "news/long.txt", strings.Repeat(prose+"\n\n", 500))
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	tm.keys("enter", "G")
	tm.expectNot("Article truncated")
}

// TestKeysWhileRendering: the render is a Cmd, so keys are handled while
// it runs: the reader leaves the article before its text arrives, and
// the late rendering does not pull it back.
func TestKeysWhileRendering(t *testing.T) {
	a := hugeArticle(t, "news/huge.txt", strings.Repeat(prose, (1<<20)/len(prose))+"Finis.")
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	tm.patience = 0 // every Cmd is left running
	tm.keys("enter")
	if tm.m.screen != screenArticle {
		t.Fatal("enter did not open the article")
	}
	tm.keys("?")
	tm.expect("next match") // the article's help, while it still loads
	tm.keys("?", "q")
	if tm.m.screen != screenList {
		t.Fatal("q was not handled while the article loaded")
	}
	deadline := time.Now().Add(time.Minute)
	for len(tm.pending) > 0 && time.Now().Before(deadline) {
		tm.wait()
	}
	if tm.m.screen != screenList {
		t.Fatal("a late result reopened the article")
	}
	tm.patience = 10 * time.Second
	tm.keys("enter", "G")
	tm.expect("Finis.") // the last of its 188,000 words
	tm.expectNot("Article truncated")
}

// TestSummaryOfHugeArticleSaysSo: a summary chosen from the start of a
// long body says so.
func TestSummaryOfHugeArticleSaysSo(t *testing.T) {
	d := &doc{art: &reader.Article{Body: "x"}, sum: summarizer.Summary{Sentences: []string{"One."}, Truncated: true}}
	if md := documentMarkdown(d, modeSummary); !strings.Contains(md, "this summary is of its first 50,000 words") {
		t.Errorf("summary markdown %q", md)
	}
	d.sum.Truncated = false
	if md := documentMarkdown(d, modeSummary); strings.Contains(md, "first 50,000") {
		t.Errorf("summary markdown %q", md)
	}
}
