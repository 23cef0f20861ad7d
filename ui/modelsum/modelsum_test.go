package modelsum

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/common"
)

// fake is a model that is never called: State only records requests.
type fake struct{}

func (fake) Model() string { return "llama3.2" }
func (fake) Summarize(context.Context, llm.Article, llm.Options) (llm.Result, error) {
	return llm.Result{}, errors.New("not called")
}

// S on an article whose text is ready starts one request; its pieces
// and its answer each make a new version (a new rendering), under the
// model's badge; pieces of a superseded request are dropped.
func TestStreamVersionsAndStaleAnswers(t *testing.T) {
	s := New(fake{}, false)
	if s.Due("a") {
		t.Fatal("due without S or summary = model")
	}
	if !s.Want("a") || !s.Due("a") {
		t.Fatal("S does not make a due")
	}
	ctx, id := s.Begin(context.Background(), "a", true)
	if id == 0 || !s.LiveFor("a") || s.Want("a") {
		t.Fatalf("no request under way for a (id %d)", id)
	}
	v0 := s.Variant("a", common.ModeSummary)
	if !s.Progress(id, "a", llm.Progress{Text: "- one"}) {
		t.Fatal("the live request's piece was dropped")
	}
	v1 := s.Variant("a", common.ModeSummary)
	if v1 == v0 || !s.Stale("a", common.ModeSummary, v0) || s.Stale("a", common.ModeSummary, v1) {
		t.Errorf("versions %d then %d: the older is not stale", v0, v1)
	}
	if s.Variant("a", common.ModeFull) != 0 || s.Summary("a").Progress.Text != "- one" {
		t.Errorf("full view variant %d, summary %+v", s.Variant("a", common.ModeFull), s.Summary("a"))
	}
	if s.Progress(id+1, "a", llm.Progress{}) || s.Done(id+1, "a", llm.Result{}, errors.New("x")) != "" {
		t.Error("an answer to another request was taken")
	}
	if got := s.Badge("a"); got != "SUMMARY · llama3.2" {
		t.Errorf("badge %q", got)
	}
	if st := s.Done(id, "a", llm.Result{Text: "- one"}, nil); st != "" || s.Live() || ctx.Err() == nil {
		t.Errorf("done: status %q, live %v, ctx %v", st, s.Live(), ctx.Err())
	}
	if r := s.Summary("a").Result; r == nil || r.Text != "- one" {
		t.Errorf("result %+v", r)
	}
	if s.Want("a") || s.Due("a") {
		t.Error("a complete answer is asked for again")
	}
}

// A failure is the status text (ErrEmpty in words), forgets the partial
// answer and stops summary = "model" asking again by itself; S asks.
func TestFailureAndCancel(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("model at x: HTTP 500"), "model at x: HTTP 500"},
		{summarizer.ErrEmpty, "nothing to summarise"},
		{context.Canceled, ""},
	} {
		s := New(fake{}, true)
		if !s.Due("a") {
			t.Fatal("summary = model does not ask for the open article")
		}
		_, id := s.Begin(context.Background(), "a", true)
		if got := s.Done(id, "a", llm.Result{}, c.err); got != c.want {
			t.Errorf("%v: status %q, want %q", c.err, got, c.want)
		}
		if s.Summary("a") != nil || s.Badge("a") != "" {
			t.Errorf("%v: the partial answer stays", c.err)
		}
		if failed := c.err != context.Canceled; s.Due("a") == failed {
			t.Errorf("%v: due again %v", c.err, !failed)
		}
	}

	s := New(fake{}, true)
	s.Due("a")
	ctx, _ := s.Begin(context.Background(), "a", true)
	if s.Cancel("b") || !s.Cancel("a") || ctx.Err() == nil || s.Live() || s.Due("a") {
		t.Error("esc does not cancel a's request for good")
	}
	if !s.Want("a") || !s.Due("a") {
		t.Error("S does not ask again after esc")
	}
}

// Leaving the article cancels its request; an unreadable article
// answers S with nothing sent; without a model nothing is ever due.
func TestLeavingAndUnreadable(t *testing.T) {
	s := New(fake{}, false)
	s.Want("a")
	s.Due("a")
	ctx, _ := s.Begin(context.Background(), "a", true)
	if s.Due("b") || ctx.Err() == nil || s.Live() || s.Summary("a") != nil {
		t.Error("opening b left a's request running")
	}
	s.Want("b")
	if _, id := s.Begin(context.Background(), "b", false); id != 0 || s.Due("b") {
		t.Error("an unreadable article was asked for")
	}
	n := New(nil, true)
	if n.Client() != nil || n.Want("a") && n.Due("a") {
		t.Error("due without a model")
	}
}
