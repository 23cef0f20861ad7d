package ui

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/internal/llmtest"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/ui/modelsum"
)

// modelTest is the reader over the test collection with a model at a
// loopback server; cache is the library database the answers go to.
func modelTest(t *testing.T, srv *llmtest.Server, cache string, first bool) *testModel {
	t.Helper()
	m := config.DefaultModel()
	m.URL, m.Name, m.Timeout = srv.BaseURL(), "llama3.2", config.Duration{Duration: 5 * time.Second}
	c := library.NewModelCache(cache)
	t.Cleanup(func() { c.Close() })
	client, err := llm.New(&m, nil, c)
	if err != nil {
		t.Fatal(err)
	}
	tm := newTestModel(t, 80, 24)
	tm.patience = 100 * time.Millisecond
	tm.m.models = modelsum.New(client, first)
	return tm
}

// waitFor delivers the background work's messages until the screen
// shows every string.
func (tm *testModel) waitFor(want ...string) {
	tm.t.Helper()
	tm.waitUntil(func(v string) bool {
		for _, w := range want {
			if !strings.Contains(v, w) {
				return false
			}
		}
		return true
	}, fmt.Sprintf("show %q", want))
}

// waitGone delivers the background work's messages until the screen
// shows none of the strings.
func (tm *testModel) waitGone(gone ...string) {
	tm.t.Helper()
	tm.waitUntil(func(v string) bool {
		for _, g := range gone {
			if strings.Contains(v, g) {
				return false
			}
		}
		return true
	}, fmt.Sprintf("stop showing %q", gone))
}

func (tm *testModel) waitUntil(ok func(view string) bool, what string) {
	tm.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if ok(tm.view()) {
			return
		}
		if !tm.deliver() {
			time.Sleep(5 * time.Millisecond)
		}
	}
	tm.t.Fatalf("screen did not %s:\n%s", what, tm.view())
}

// S streams the model's summary into the summary view under a badge
// naming the model; the offline summary shows below it until the answer
// is complete; s toggles at once; the answer is kept for the next start.
func TestModelSummaryStreams(t *testing.T) {
	step := make(chan string)
	srv := llmtest.New(t, llmtest.Gated(step))
	cache := filepath.Join(t.TempDir(), "brief.db")
	tm := modelTest(t, srv, cache, false)
	tm.keys("enter")
	tm.waitFor("Alpha Council Opens Night Trams", "FULL")
	tm.keys("S")
	tm.waitFor("SUMMARY · llama3.2", "Asking llama3.2… (esc cancels)", "Key points")
	golden(t, "model_asking", tm.view())
	step <- "- The council voted for night trams"
	tm.waitFor("The council voted for night trams", "llama3.2 is writing…", "Key points")
	golden(t, "model_streaming", tm.view())
	step <- ".\n- Service starts in \x1b[31mMarch\x1b]0;pwned\x07."
	close(step)
	// The last words may show before the answer is complete: wait for
	// the end of the stream, then the offline summary is gone.
	tm.waitFor("Service starts in March.")
	tm.waitGone("is writing")
	tm.expectNot("Key points")
	golden(t, "model_done", tm.view())
	if err := hostiletest.Check([]byte(tm.m.View())); err != nil {
		t.Error(err)
	}
	tm.keys("s")
	tm.expect("FULL", "The council met on Tuesday.")
	tm.keys("s")
	tm.waitFor("SUMMARY · llama3.2", "Service starts in March.")

	// A new start: the answer comes from the library, nothing is sent.
	tm = modelTest(t, srv, cache, false)
	tm.keys("enter", "S")
	tm.waitFor("SUMMARY · llama3.2", "Service starts in March.")
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (the second start reads the library)", n)
	}
}

// esc cancels the request: the offline summary stays, the badge is the
// plain one again.
func TestModelSummaryCancel(t *testing.T) {
	srv := llmtest.New(t, llmtest.Hang)
	tm := modelTest(t, srv, filepath.Join(t.TempDir(), "brief.db"), false)
	tm.keys("enter", "S")
	tm.waitFor("Asking llama3.2…")
	tm.keys("esc")
	tm.waitFor("summary cancelled", "Key points", "SUMMARY")
	tm.expectNot("llama3.2")
	if tm.m.models.Live() {
		t.Error("the request is still live")
	}
}

// A failure is a status message naming the endpoint; the offline
// summary stays.
func TestModelSummaryFailure(t *testing.T) {
	srv := llmtest.New(t, llmtest.Status(http.StatusInternalServerError, "model failed to load"))
	tm := modelTest(t, srv, filepath.Join(t.TempDir(), "brief.db"), false)
	tm.keys("enter", "S")
	tm.waitFor("model at "+srv.BaseURL()+": HTTP 500 Internal Server Error", "Key points", "The council met on Tuesday.")
	tm.expectNot("SUMMARY · llama3.2", "Asking")
	if got, want := tm.m.status.Text(), "model at "+srv.BaseURL()+": HTTP 500 Internal Server Error: model failed to load"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// Without a [model] section S says how to set one up and sends nothing.
func TestModelSummaryNotConfigured(t *testing.T) {
	tm := newTestModel(t, 100, 24)
	tm.keys("enter", "S")
	tm.expect("model summaries are off: add [model]")
	tm.expectNot("SUMMARY")
}

// summary = "model": the open article is asked for by itself, and only
// it: the articles prepared around it are never sent; leaving it
// cancels its request.
func TestModelSummaryFirstAsksForTheOpenArticleOnly(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- A point."))
	cache := filepath.Join(t.TempDir(), "brief.db")
	tm := modelTest(t, srv, cache, true)
	tm.keys("enter")
	tm.waitFor("FULL")
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.Requests()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	tm.keys("s")
	tm.waitFor("SUMMARY · llama3.2", "A point.")
	reqs := srv.Requests()
	if len(reqs) != 1 || !strings.Contains(reqs[0].Messages[1].Content, "Alpha Council Opens Night Trams") {
		t.Fatalf("requests: %d %+v", len(reqs), reqs)
	}
	srv.SetReply(llmtest.Hang)
	tm.keys("n")
	tm.waitFor("Beta Glacier Riverbed Mapped")
	for len(srv.Requests()) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	tm.keys("q")
	if tm.m.models.Live() {
		t.Error("leaving the article left its request running")
	}
	for _, q := range srv.Requests() {
		for _, other := range []string{"Gamma Inflation Eases", "Delta Web Linked Story"} {
			if strings.Contains(q.Text(), other) {
				t.Errorf("a prepared neighbour was sent: %s", other)
			}
		}
	}

	// After a restart the answer shows from the library at once, with the
	// model unreachable.
	n := len(srv.Requests())
	tm = modelTest(t, srv, cache, true)
	tm.keys("enter", "s")
	tm.waitFor("SUMMARY · llama3.2", "A point.")
	if len(srv.Requests()) != n {
		t.Errorf("a stored answer was asked for again")
	}
}

// Each piece streamed in is a new rendering of the summary; the cache
// keeps only the newest, beside the offline summary's.
func TestModelSummaryKeepsOnlyTheNewestRendering(t *testing.T) {
	step := make(chan string)
	srv := llmtest.New(t, llmtest.Gated(step))
	tm := modelTest(t, srv, filepath.Join(t.TempDir(), "brief.db"), false)
	tm.keys("enter")
	tm.waitFor("Alpha Council Opens Night Trams", "FULL")
	tm.keys("S")
	tm.waitFor("SUMMARY · llama3.2", "Asking llama3.2…")
	for _, p := range []string{"- One point", ".\n- Two points", ".\n- Three points."} {
		step <- p
		tm.waitFor(strings.TrimPrefix(strings.TrimPrefix(p, ".\n"), "- "))
	}
	close(step)
	tm.waitGone("is writing")
	var variants []int
	for k := range tm.m.cache.renders {
		if k.Loc == tm.m.current && k.Mode == modeSummary && k.Variant != 0 {
			variants = append(variants, k.Variant)
		}
	}
	if len(variants) != 1 {
		t.Errorf("model summary renderings kept for variants %v, want the newest only", variants)
	}
}
