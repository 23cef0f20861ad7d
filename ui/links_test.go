package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/brief-news/brief/reader"
)

// f numbers the article's links; a number follows one: an article page
// opens in brief (loaded like a web link, back returns), anything else
// (a site's home page) goes to the browser.
func TestLinkHints(t *testing.T) {
	c := testCollection(t)
	a := textArticle(t, "news/links.txt", "Zeta Links Everywhere", "", "",
		"The board published [the winter timetable](https://harbour.example/2026/timetable) on Monday.",
		"More on [the harbour site](https://harbour.example/) and in [a report](https://harbour.example/report.pdf).")
	c = reader.NewCollection(append(c.Articles, a))
	var browsed []string
	tm := newTestModelOn(t, c, 100, 30, func(s *fakeSource) {
		s.fetch = func(ctx context.Context, url string) (*reader.Article, error) {
			return &reader.Article{Title: "Winter Timetable Published", Location: url, URL: url,
				Body: "Ferries run every hour. The last leaves at ten.", Words: 9}, nil
		}
	})
	tm.m.deps.openURL = func(u string) error { browsed = append(browsed, u); return nil }
	tm.keys("G", "enter")
	tm.expect("Zeta Links Everywhere", "f links")
	tm.keys("f")
	tm.expect("Links", "type a number", "1  the winter timetable", "harbour.example/2026/timetable",
		"2  the harbour site", "3  a report", "1–3 follow")
	tm.keys("1")
	tm.wait()
	tm.expect("Winter Timetable Published", "Ferries run every hour.")
	tm.keys("backspace")
	tm.expect("Zeta Links Everywhere")
	tm.keys("f", "2")
	tm.wait()
	if len(browsed) != 1 || browsed[0] != "https://harbour.example/" {
		t.Errorf("the home page link went to %q, want the browser", browsed)
	}
	tm.expect("Zeta Links Everywhere", "opened in the browser")
	tm.keys("f", "esc")
	tm.expectNot("type a number")
	tm.expect("Zeta Links Everywhere")
	// An article without links says so.
	tm.keys("q", "g", "enter", "f")
	if !strings.Contains(tm.view(), "no links to follow") {
		t.Errorf("f on an article without links:\n%s", tm.view())
	}
}
