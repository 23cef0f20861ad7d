package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/llmtest"
)

// TestEndToEndModelSummaryInTmux presses S in the real reader against a
// model on this machine that streams its answer: the summary view shows
// it under the model's badge; after a restart it comes from the library
// with the server stopped, and for another article the stopped server
// is a one-line status while the offline summary stays.
func TestEndToEndModelSummaryInTmux(t *testing.T) {
	needTmux(t)
	srv := llmtest.New(t, llmtest.Paced(150*time.Millisecond, "- Volunteers relit ", "the village lighthouse", " after forty years.\n", "- Donations paid for it."))
	dir := t.TempDir()
	modelHome(t, srv.BaseURL())
	edition := e2eEdition(t)

	tx := startReader(t, dir, edition)
	tx.waitFor("4 articles")
	tx.keys("Enter")
	tx.waitFor("Volunteers Relight the Old Lighthouse at Corran Point", "FULL")
	tx.keys("S")
	tx.waitFor("SUMMARY · llama3.2", "Key points")
	tx.waitFor("Volunteers relit the village lighthouse after forty years.", "Donations paid for it.")
	tx.waitForNot("Key points", "is writing")
	tx.keys("s")
	tx.waitFor("FULL", "The society spent six winters")
	tx.keys("C-c")
	tx.waitExit()
	if n := len(srv.Requests()); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}

	srv.Close()
	os.Remove(filepath.Join(dir, "tmux.sock"))
	tx = startReader(t, dir, edition)
	tx.waitFor("4 articles")
	tx.keys("Enter")
	tx.waitFor("Volunteers Relight the Old Lighthouse", "FULL")
	tx.keys("S")
	tx.waitFor("SUMMARY · llama3.2", "Volunteers relit the village lighthouse after forty years.")
	tx.keys("n")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch")
	tx.keys("S")
	tx.waitFor("cannot connect: connection refused", "Short article: shown in full") // the offline summary stays
	tx.waitForNot("SUMMARY · llama3.2")
	tx.keys("C-c")
	tx.waitExit()
}
