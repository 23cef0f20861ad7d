package ui

// Library mode's feed list (F, newsboat's first screen) and
// mark-all-read (A): the feed list asks for a feed or a mark, the root
// runs them as list requests, in order with the others, so that the list
// shown after A is read after the marks are written.

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// updateFeeds handles the feed list's messages.
func (m *Model) updateFeeds(msg tea.Msg) tea.Cmd {
	if m.lib == nil {
		return nil
	}
	switch msg := msg.(type) {
	case common.FeedsMsg:
		m.feeds.Reset()
		m.screen = screenFeeds
		return feedsCmd(m.ctx, m.lib)
	case feedsLoadedMsg:
		if msg.Err != nil {
			return m.setStatus("feeds: " + msg.Err.Error())
		}
		m.feeds.SetRows(msg.Rows, msg.Shown)
	case common.ShowFeedMsg:
		m.screen = screenList
		return m.requestList(listRequest{op: common.ListShowFeed, feed: msg.ID})
	case common.MarkFeedReadMsg:
		return m.requestList(listRequest{op: common.ListMarkFeed, feed: msg.ID})
	case common.CloseFeedsMsg:
		m.screen = screenList
	}
	return nil
}

// markedText is the status line after a mark-all-read.
func markedText(n int) string {
	if n == 0 {
		return "nothing to mark: every article here is read"
	}
	return "marked " + reader.Plural(n, "article") + " read"
}
