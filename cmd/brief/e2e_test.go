package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// TestEndToEndInTmux runs the real binary in a tmux pane of 100×30 and
// reads the screen after each key, as a person would: open a folder with
// two bad files, filter, open an article, toggle the summary, follow the
// next link twice, go back, press previous where the link leaves the
// collection, and quit.
func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	edition := e2eEdition(t)

	tx := startReader(t, dir, edition)

	tx.waitFor("4 articles", "Volunteers Relight the Old Lighthouse",
		"1 file skipped:", "empty.txt is empty")
	tx.waitForNot("image.jpg") // a picture is passed over quietly (issue 14)

	tx.keys("/")
	tx.typeText("mackerel")
	tx.waitFor("/ mackerel", "1 of 4", "Fishing Fleet Reports Best Mackerel")
	tx.waitForNot("Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("1 of 4 · filter “mackerel”", "esc clear filter")

	tx.keys("Enter")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade", "FULL",
		"Prices at the morning auction", "← Volunteers Relight", "School Roof Repairs")

	tx.keys("s")
	// 110 words: the whole text is the summary, and the view says so.
	tx.waitFor("SUMMARY", "Short article: shown in full", "Press s for the full article.")

	tx.keys("n")
	tx.waitFor("School Roof Repairs to Finish Before the Spring Term", "SUMMARY")
	tx.keys("n")
	tx.waitFor("Ferry Company Orders a Quieter Electric Boat", "SUMMARY")

	tx.keys("s")
	tx.waitFor("FULL", "The old ferry will be kept as a reserve")

	tx.keys("BSpace")
	tx.waitFor("School Roof Repairs to Finish Before the Spring Term")
	tx.keys("BSpace")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade")

	tx.keys("p")
	tx.waitFor("Volunteers Relight the Old Lighthouse at Corran Point", "(not here)")
	tx.keys("p")
	tx.waitFor("previous article not in this collection", "Volunteers Relight the Old Lighthouse")

	tx.keys("q")
	tx.waitFor("1 of 4 · filter “mackerel”", "✓ Fishing Fleet")
	tx.keys("Escape")
	tx.waitFor("4 articles", "✓ Volunteers", "✓ Ferry Company", "✓ School Roof")
	tx.keys("q")
	tx.waitExit()
}

// TestEndToEndWebLinkInTmux follows a page's next link to a web server
// on this machine: the first load hangs until esc cancels it, the second
// answers, and backspace returns to the page.
func TestEndToEndWebLinkInTmux(t *testing.T) {
	needTmux(t)
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done() // hang until the reader gives up
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>The Slow Story</title></head><body><article>
<h1>The Slow Story</h1><p>This story arrived from a web server on this machine on the second try.
It has enough words to be read as an article by the extractor.</p>
<p>Another paragraph of the slow story follows here, with more words in it.</p></article></body></html>`)
	}))
	defer srv.Close()

	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	html := `<!doctype html><html><head><title>A Page With a Web Next Link</title>
<link rel="next" href="` + srv.URL + `/slow-story"></head><body><article>
<h1>A Page With a Web Next Link</h1><p>This page is on disk. Its next article is on a web server,
so the reader loads it in the background with a spinner.</p>
<p>A second paragraph gives the extractor enough text to take this for an article.</p></article></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}

	tx := startReader(t, dir, page)

	tx.waitFor("1 article", "A Page With a Web Next Link")
	tx.keys("Enter")
	tx.waitFor("FULL", "This page is on disk.", "slow-story (web) →")
	tx.keys("n")
	tx.waitFor("(esc cancels)")
	tx.keys("Escape")
	tx.waitFor("loading cancelled", "This page is on disk.")
	tx.waitForNot("(esc cancels)")
	tx.keys("n")
	tx.waitFor("The Slow Story", "on the second try")
	tx.keys("BSpace")
	tx.waitFor("A Page With a Web Next Link", "This page is on disk.")
	tx.keys("C-c")
	tx.waitExit()
}
