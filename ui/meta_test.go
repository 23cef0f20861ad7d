package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/reader"
)

// TestHeaderShowsWhatReadingFound: a folder is only scanned, and a saved
// page's byline is found when the page is read; the header shows it.
func TestHeaderShowsWhatReadingFound(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><title>A Saved Page</title></head><body><article><h1>A Saved Page</h1>` +
		`<p class="byline">By Jane Writer</p><p>` +
		strings.Repeat("The saved article goes on for a while with its words. ", 30) +
		`</p></article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := reader.Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles[0].Byline != "" {
		t.Fatalf("the scan already has the byline %q: the test proves nothing", c.Articles[0].Byline)
	}
	tm := newTestModelOn(t, c, 100, 30)
	tm.keys("enter")
	// The meta line says "By" itself (present.Meta): the byline found
	// is the name, without the page's own "By".
	tm.expect("A Saved Page", "By Jane Writer · ", "The saved article goes on")
	tm.expectNot("By By Jane Writer")
}
