package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/reader"
)

// savedPages writes three saved .html pages that link each other by
// absolute http addresses (no canonical URL, so the collection cannot
// match them by address) and loads the folder.
func savedPages(t *testing.T) *reader.Collection {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "news")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"a", "b", "c"}
	for i, n := range names {
		nav := ""
		if i > 0 {
			nav += fmt.Sprintf(`<a rel="prev" href="http://127.0.0.1:8799/news/%s.html">Previous</a> `, names[i-1])
		}
		if i < len(names)-1 {
			nav += fmt.Sprintf(`<a rel="next" href="http://127.0.0.1:8799/news/%s.html">Next</a>`, names[i+1])
		}
		page := fmt.Sprintf(`<!doctype html><html><head><title>Harbour story %[1]s</title></head><body><article><h1>Harbour story %[1]s</h1>
<p>This is the body of story %[1]s. It has several sentences about the harbour. The council met to discuss it.</p>
<p>More text follows here so the extractor has something to keep. Residents were pleased with the news.</p>
</article><nav>%[2]s</nav></body></html>`, n, nav)
		if err := os.WriteFile(filepath.Join(dir, n+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := reader.Load(context.Background(), []string{filepath.Dir(dir) + "/"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A saved page's link to an address outside the collection is a web
// link: the footer offers it as (web) and n loads it.
func TestSavedPageLinksByAddressAreWebLinks(t *testing.T) {
	c := savedPages(t)
	fetched := ""
	tm := newTestModelOn(t, c, 100, 30, func(s *fakeSource) {
		s.fetch = func(_ context.Context, url string) (*reader.Article, error) {
			fetched = url
			return &reader.Article{Title: "Fetched From The Web", Location: url, URL: url, Body: "Fetched text."}, nil
		}
	})
	tm.keys("enter")
	tm.expect("Harbour story a", "(web) →")
	tm.expectNot("(not here)")
	tm.keys("n")
	tm.wait()
	if fetched != "http://127.0.0.1:8799/news/b.html" {
		t.Fatalf("fetched %q", fetched)
	}
	tm.expect("Fetched From The Web")
}

// A link whose collection target cannot be found (the source no longer
// lists it) but which has a web address is still followable on the web.
func TestLinkWithMissingTargetFallsBackToWeb(t *testing.T) {
	c := testCollection(t)
	c.Articles[4].Next = &reader.Link{Title: "Gone Story", URL: "https://example.com/gone", Kind: reader.KindRel,
		Resolved: true, Target: "news/gone.txt"}
	tm := newTestModelOn(t, c, 100, 30)
	tm.keys("G", "enter")
	tm.expect("Epsilon Has No Links", "Gone Story (web) →")
	tm.expectNot("(not here)")
}
