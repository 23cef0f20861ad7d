package ui

// Model summaries in the reader (S): a language model's summary of the
// open article, streamed into the summary view under a badge naming the
// model, while the offline summary stays until the answer is complete.
// One request at a time, for the open article only: leaving it cancels
// the request, and the articles prepared around it are never sent (a
// model costs money and time). With summary = "model" the open article
// is asked for by itself.

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/present"
)

// ModelSummarizer asks a language model for summaries; *llm.Client is
// one (a cached answer comes back at once), tests fake it.
type ModelSummarizer interface {
	Model() string
	Summarize(ctx context.Context, a llm.Article, o llm.Options) (llm.Result, error)
}

// notConfigured is the status when S is pressed without a [model]
// section: how to set one up.
const notConfigured = `model summaries are off: add [model] with url and name to config.toml (README: Model summaries)`

// modelSummaries is the root's state of model summaries.
type modelSummaries struct {
	client ModelSummarizer // nil: no [model] section, nothing is sent
	first  bool            // summary = "model": the open article is asked for by itself

	seq   int                    // request ids and versions
	live  *modelRequest          // the request under way, nil when none
	byLoc map[string]*modelState // streaming or complete answers
	// failed holds the articles whose last request failed, so that
	// summary = "model" does not ask again by itself (S does).
	failed map[string]bool
	// want is the article S was pressed on before its text was ready.
	want string
}

// modelRequest is the request under way.
type modelRequest struct {
	id     int
	loc    string
	cancel context.CancelFunc
}

// modelState is an article's model summary: Result nil while it streams.
// version changes with every piece, so that each is rendered anew.
type modelState struct {
	version int
	sum     present.ModelSummary
}

func newModelSummaries(client ModelSummarizer, first bool) modelSummaries {
	return modelSummaries{client: client, first: first && client != nil,
		byLoc: map[string]*modelState{}, failed: map[string]bool{}}
}

// variant is the render key's Variant for loc in mode md: the model
// summary's version in the summary view, 0 for none.
func (s *modelSummaries) variant(loc string, md mode) int {
	if md != modeSummary {
		return 0
	}
	if st := s.byLoc[loc]; st != nil {
		return st.version
	}
	return 0
}

// summary is loc's model summary for the summary view, nil for none.
func (s *modelSummaries) summary(loc string) *present.ModelSummary {
	st := s.byLoc[loc]
	if st == nil {
		return nil
	}
	sum := st.sum
	return &sum
}

// liveFor reports whether a request for loc is under way (esc cancels).
func (s *modelSummaries) liveFor(loc string) bool { return s.live != nil && s.live.loc == loc }

// stopLive cancels the request under way and forgets its partial
// answer; it reports whether there was one.
func (s *modelSummaries) stopLive() bool {
	if s.live == nil {
		return false
	}
	s.live.cancel()
	delete(s.byLoc, s.live.loc)
	s.live = nil
	return true
}

// staleRender reports a rendering of a model summary's older version.
func (s *modelSummaries) staleRender(k renderKey) bool {
	return k.Variant != 0 && k.Variant != s.variant(k.Loc, k.Mode)
}

// updateModelSummary handles S and the answers' messages.
func (m *Model) updateModelSummary(msg tea.Msg) tea.Cmd {
	s := &m.models
	switch msg := msg.(type) {
	case common.ModelSummaryMsg:
		return m.askModel()
	case modelProgressMsg:
		if s.live == nil || msg.ID != s.live.id {
			return nil // cancelled or superseded: stop listening
		}
		if st := s.byLoc[msg.Loc]; st != nil {
			s.seq++
			st.version, st.sum.Progress = s.seq, msg.Progress
		}
		return msg.next
	case modelDoneMsg:
		if s.live == nil || msg.ID != s.live.id {
			return nil
		}
		s.live.cancel()
		s.live = nil
		st := s.byLoc[msg.Loc]
		switch {
		case errors.Is(msg.Err, context.Canceled):
			delete(s.byLoc, msg.Loc)
		case msg.Err != nil:
			delete(s.byLoc, msg.Loc)
			s.failed[msg.Loc] = true
			text := msg.Err.Error()
			if errors.Is(msg.Err, summarizer.ErrEmpty) {
				text = "nothing to summarise"
			}
			// The offline summary stays; the status says why.
			return m.status.Set(text, msg.Loc, statusLongTTL)
		case st != nil:
			r := msg.Result
			s.seq++
			st.version, st.sum.Result = s.seq, &r
		}
	}
	return nil
}

// askModel is S: show the summary view with the model's summary, asking
// for it unless it is there or on its way.
func (m *Model) askModel() tea.Cmd {
	s := &m.models
	if m.current == "" {
		return nil
	}
	if s.client == nil {
		return m.setStatus(notConfigured)
	}
	m.mode = modeSummary
	m.article.SetMode(m.mode)
	if s.byLoc[m.current] != nil {
		return nil // streaming or done: the view shows it
	}
	delete(s.failed, m.current)
	s.want = m.current
	return m.startModel()
}

// startModel asks for the open article's summary when its text is
// ready: asked for with S (want), or by itself with summary = "model".
// It cancels a request for an article no longer open.
func (m *Model) startModel() tea.Cmd {
	s := &m.models
	if s.live != nil && s.live.loc != m.current {
		s.stopLive()
	}
	if s.want != "" && s.want != m.current {
		s.want = ""
	}
	loc := m.current
	if s.client == nil || loc == "" || s.live != nil || s.byLoc[loc] != nil {
		return nil
	}
	if s.want != loc && !(s.first && !s.failed[loc]) {
		return nil
	}
	d := m.cache.docs[loc]
	if d == nil || d.partial {
		return nil // not read yet: asked once it is
	}
	s.want = ""
	if d.err != nil || d.art == nil {
		return nil
	}
	s.seq++
	ctx, cancel := context.WithCancel(m.ctx)
	s.live = &modelRequest{id: s.seq, loc: loc, cancel: cancel}
	s.byLoc[loc] = &modelState{version: s.seq, sum: present.ModelSummary{Model: s.client.Model()}}
	return modelSummaryCmd(ctx, s.client, d.art, s.seq, loc)
}

// syncModel keeps the model summaries in step with the open article:
// a request for one no longer open is cancelled, one wanted is started,
// and the badge names the model while its summary is shown.
func (m *Model) syncModel() tea.Cmd {
	cmd := m.startModel()
	badge := ""
	if st := m.models.byLoc[m.current]; st != nil && m.models.client != nil {
		badge = modeSummary.String() + " · " + m.models.client.Model()
	}
	m.article.SetSummaryBadge(badge)
	return cmd
}
