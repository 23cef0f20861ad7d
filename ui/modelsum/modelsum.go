// Package modelsum is the state of the reader's model summaries (S): a
// language model's summary of the open article, streamed into the
// summary view under a badge naming the model, while the offline
// summary stays until the answer is complete. One request at a time,
// for the open article only: leaving it cancels the request, and the
// articles prepared around it are never sent (a model costs money and
// time). With summary = "model" the open article is asked for by
// itself.
//
// The root (package ui) dispatches: it sends the request in a Cmd and
// hands the answers' messages (its message catalogue) to State, which
// keeps the request id, the text so far and the cancel func, so that
// stale answers are recognised and dropped here.
package modelsum

import (
	"context"
	"errors"

	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/present"
)

// Summarizer asks a language model for summaries; *llm.Client is one (a
// cached answer comes back at once), tests fake it.
type Summarizer interface {
	Model() string
	Summarize(ctx context.Context, a llm.Article, o llm.Options) (llm.Result, error)
}

// NotConfigured is the status when S is pressed without a [model]
// section: how to set one up.
const NotConfigured = `model summaries are off: add [model] with url and name to config.toml (README: Model summaries)`

// State is the reader's model summaries.
type State struct {
	client Summarizer // nil: no [model] section, nothing is sent
	first  bool       // summary = "model": the open article is asked for by itself

	seq   int               // request ids and versions
	live  *request          // the request under way, nil when none
	byLoc map[string]*entry // streaming or complete answers
	// failed holds the articles whose last request failed, so that
	// summary = "model" does not ask again by itself (S does).
	failed map[string]bool
	// want is the article S was pressed on before its text was ready.
	want string
}

// request is the request under way.
type request struct {
	id     int
	loc    string
	cancel context.CancelFunc
}

// entry is an article's model summary: Result nil while it streams.
// version changes with every piece, so that each is rendered anew.
type entry struct {
	version int
	sum     present.ModelSummary
}

// New is the state over client (nil without a [model] section); first
// is summary = "model".
func New(client Summarizer, first bool) State {
	return State{client: client, first: first && client != nil,
		byLoc: map[string]*entry{}, failed: map[string]bool{}}
}

// Client is the model asked, nil when none is configured.
func (s *State) Client() Summarizer { return s.client }

// Variant is the render key's Variant for loc in mode md: the model
// summary's version in the summary view, 0 for none.
func (s *State) Variant(loc string, md common.Mode) int {
	if md != common.ModeSummary {
		return 0
	}
	if e := s.byLoc[loc]; e != nil {
		return e.version
	}
	return 0
}

// Stale reports a rendering of an older version of loc's model summary.
func (s *State) Stale(loc string, md common.Mode, variant int) bool {
	return variant != 0 && variant != s.Variant(loc, md)
}

// Summary is loc's model summary for the summary view, nil for none.
func (s *State) Summary(loc string) *present.ModelSummary {
	e := s.byLoc[loc]
	if e == nil {
		return nil
	}
	sum := e.sum
	return &sum
}

// Badge is the summary view's badge while loc's model summary is shown,
// "" for the plain one.
func (s *State) Badge(loc string) string {
	if s.byLoc[loc] == nil || s.client == nil {
		return ""
	}
	return common.ModeSummary.String() + " · " + s.client.Model()
}

// Live reports whether a request is under way.
func (s *State) Live() bool { return s.live != nil }

// LiveFor reports whether a request for loc is under way (esc cancels).
func (s *State) LiveFor(loc string) bool { return s.live != nil && s.live.loc == loc }

// stopLive cancels the request under way and forgets its partial
// answer.
func (s *State) stopLive() {
	s.live.cancel()
	delete(s.byLoc, s.live.loc)
	s.live = nil
}

// Cancel is esc on loc: it cancels loc's request, if one is under way,
// and remembers it as failed so that summary = "model" asks no more. It
// reports whether there was one.
func (s *State) Cancel(loc string) bool {
	if !s.LiveFor(loc) {
		return false
	}
	s.stopLive()
	s.failed[loc] = true
	return true
}

// Want is S on loc: it reports whether loc's summary is to be asked for
// (false when it is there or on its way: the view shows it).
func (s *State) Want(loc string) bool {
	if s.byLoc[loc] != nil {
		return false
	}
	delete(s.failed, loc)
	s.want = loc
	return true
}

// Due reports whether loc, the open article, is to be asked for once
// its text is ready: S was pressed on it, or summary = "model" and it
// has not failed. It first cancels a request for an article no longer
// open, and forgets S pressed on one.
func (s *State) Due(loc string) bool {
	if s.live != nil && s.live.loc != loc {
		s.stopLive()
	}
	if s.want != "" && s.want != loc {
		s.want = ""
	}
	if s.client == nil || loc == "" || s.live != nil || s.byLoc[loc] != nil {
		return false
	}
	return s.want == loc || (s.first && !s.failed[loc])
}

// Begin is called once loc's text is read (readable false: it could
// not be): S pressed on it is answered. With readable it records a new
// request under parent and returns its context and id, for the Cmd that
// sends it; id is 0 when there is nothing to send.
func (s *State) Begin(parent context.Context, loc string, readable bool) (ctx context.Context, id int) {
	s.want = ""
	if !readable {
		return nil, 0
	}
	s.seq++
	ctx, cancel := context.WithCancel(parent)
	s.live = &request{id: s.seq, loc: loc, cancel: cancel}
	s.byLoc[loc] = &entry{version: s.seq, sum: present.ModelSummary{Model: s.client.Model()}}
	return ctx, s.seq
}

// Progress takes a piece of request id's answer for loc. It reports
// false for a request cancelled or superseded: then stop listening.
func (s *State) Progress(id int, loc string, p llm.Progress) bool {
	if s.live == nil || id != s.live.id {
		return false
	}
	if e := s.byLoc[loc]; e != nil {
		s.seq++
		e.version, e.sum.Progress = s.seq, p
	}
	return true
}

// Done ends request id for loc with its answer or why there is none. A
// failure is forgotten (the offline summary stays) and returned as the
// status text saying why; "" otherwise.
func (s *State) Done(id int, loc string, r llm.Result, err error) (status string) {
	if s.live == nil || id != s.live.id {
		return ""
	}
	s.live.cancel()
	s.live = nil
	e := s.byLoc[loc]
	switch {
	case errors.Is(err, context.Canceled):
		delete(s.byLoc, loc)
	case err != nil:
		delete(s.byLoc, loc)
		s.failed[loc] = true
		if errors.Is(err, summarizer.ErrEmpty) {
			return "nothing to summarise"
		}
		return err.Error()
	case e != nil:
		s.seq++
		e.version, e.sum.Result = s.seq, &r
	}
	return ""
}
