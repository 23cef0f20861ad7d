package ui

// Model summaries in the reader (S): the root's dispatch. The state of
// the stream (request, text so far, cancel) is ui/modelsum's; the
// messages and the Cmd that streams the answer are in the catalogue
// (messages.go).

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/modelsum"
)

// ModelSummarizer asks a language model for summaries; *llm.Client is
// one (a cached answer comes back at once), tests fake it.
type ModelSummarizer = modelsum.Summarizer

// updateModelSummary handles S and the answers' messages.
func (m *Model) updateModelSummary(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ModelSummaryMsg:
		return m.askModel()
	case modelProgressMsg:
		if !m.models.Progress(msg.ID, msg.Loc, msg.Progress) {
			return nil // cancelled or superseded: stop listening
		}
		return msg.next
	case modelDoneMsg:
		if text := m.models.Done(msg.ID, msg.Loc, msg.Result, msg.Err); text != "" {
			// The offline summary stays; the status says why.
			return m.status.Set(text, msg.Loc, statusLongTTL)
		}
	}
	return nil
}

// askModel is S: show the summary view with the model's summary, asking
// for it unless it is there or on its way.
func (m *Model) askModel() tea.Cmd {
	if m.current == "" {
		return nil
	}
	if m.models.Client() == nil {
		return m.setStatus(modelsum.NotConfigured)
	}
	m.mode = modeSummary
	m.article.SetMode(m.mode)
	if !m.models.Want(m.current) {
		return nil // streaming or done: the view shows it
	}
	return m.startModel()
}

// startModel asks for the open article's summary when its text is
// ready: asked for with S, or by itself with summary = "model". It
// cancels a request for an article no longer open.
func (m *Model) startModel() tea.Cmd {
	loc := m.current
	if !m.models.Due(loc) {
		return nil
	}
	d := m.cache.docs[loc]
	if d == nil || d.partial {
		return nil // not read yet: asked once it is
	}
	ctx, id := m.models.Begin(m.ctx, loc, d.err == nil && d.art != nil)
	if id == 0 {
		return nil
	}
	return modelSummaryCmd(ctx, m.models.Client(), d.art, id, loc)
}

// syncModel keeps the model summaries in step with the open article:
// a request for one no longer open is cancelled, one wanted is started,
// and the badge names the model while its summary is shown.
func (m *Model) syncModel() tea.Cmd {
	cmd := m.startModel()
	m.article.SetSummaryBadge(m.models.Badge(m.current))
	return cmd
}
