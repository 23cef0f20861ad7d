package ui

// Library mode's list: the view, a change of view or feed, and the
// library search are requests to the library run in Cmds, one at a time
// and in order; their answers replace the list.

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// listRequest is a list request: the op, with the search's query
// (ListSearch) or the feed (ListShowFeed, ListMarkFeed; 0 for every
// feed).
type listRequest struct {
	op    common.ListOp
	query string
	feed  int64
}

// request asks the library for a list: at once, or after the request
// under way (reloads asked meanwhile are made once).
func (l *libraryState) request(ctx context.Context, lib Library, r listRequest) tea.Cmd {
	if l.listID == 0 {
		return l.run(ctx, lib, r)
	}
	if n := len(l.queued); r.op == common.ListReload && n > 0 && l.queued[n-1].op == common.ListReload {
		return nil
	}
	l.queued = append(l.queued, r)
	return nil
}

func (l *libraryState) run(ctx context.Context, lib Library, r listRequest) tea.Cmd {
	l.listSeq++
	l.listID = l.listSeq
	return listCmd(ctx, lib, l.listID, r)
}

// answered takes the answer to request id: ok is false for an answer to
// another request than the one under way; next starts the request
// queued after it.
func (l *libraryState) answered(ctx context.Context, lib Library, id int) (next tea.Cmd, ok bool) {
	if id != l.listID {
		return nil, false
	}
	l.listID = 0
	if len(l.queued) > 0 {
		r := l.queued[0]
		l.queued = l.queued[1:]
		next = l.run(ctx, lib, r)
	}
	return next, true
}

// requestList asks the library for a list (see libraryState.request).
func (m *Model) requestList(r listRequest) tea.Cmd {
	return m.libmode.request(m.ctx, m.lib, r)
}

// handleList shows a list the library answered with, and starts the
// next request.
func (m *Model) handleList(msg listLoadedMsg) tea.Cmd {
	next, ok := m.libmode.answered(m.ctx, m.lib, msg.ID)
	if !ok {
		return nil // not the request under way
	}
	if msg.Err != nil {
		text := msg.Err.Error()
		if msg.Op == common.ListSearch {
			text = "search: " + text
		}
		return tea.Batch(next, m.setStatus(text))
	}
	marking := msg.Op == common.ListMarkAll || msg.Op == common.ListMarkFeed
	m.list.Replace(msg.Articles, msg.Title, msg.Query, msg.Snippets, msg.Op != common.ListReload && !marking)
	switch {
	case msg.Op == common.ListReload:
		return next
	case marking && m.screen == screenFeeds:
		return tea.Batch(next, feedsCmd(m.ctx, m.lib), m.setStatus(markedText(msg.Marked)))
	case marking:
		return tea.Batch(next, m.setStatus(markedText(msg.Marked)))
	case msg.Query != "":
		return tea.Batch(next, m.setStatus(matchCount(m.list.Len())+" “"+msg.Query+"” (esc: back to the list)"))
	}
	return tea.Batch(next, m.setStatus(msg.Title))
}

// matchCount is "1 article matches" or "3 articles match".
func matchCount(n int) string {
	if n == 1 {
		return "1 article matches"
	}
	return reader.Plural(n, "article") + " match"
}
