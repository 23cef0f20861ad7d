package ui

// Library mode's refresh: it runs in the background while the reader
// is used; new articles join the list as each feed comes in, and the
// status bar shows its progress when it has no message.

import (
	"strconv"

	"github.com/brief-news/brief/ui/common"
	tea "github.com/charmbracelet/bubbletea"
)

// startRefresh starts a refresh unless one is under way; byKey (r)
// says so then.
func (m *Model) startRefresh(byKey bool) tea.Cmd {
	l := &m.libmode
	if l.refreshing {
		if byKey {
			return m.setStatus("already refreshing")
		}
		return nil
	}
	l.refreshing = true
	m.status.SetTask("refreshing")
	events := make(chan tea.Msg, 16)
	l.events = events
	return tea.Batch(refreshCmd(m.ctx, m.lib, events), waitEventCmd(events))
}

// handleProgress shows a feed done, and its new articles.
func (m *Model) handleProgress(msg refreshProgressMsg) tea.Cmd {
	m.status.SetTask("refreshing " + strconv.Itoa(msg.Done) + "/" + strconv.Itoa(msg.Total))
	var cmd tea.Cmd
	if msg.Added > 0 && m.list.Query() == "" {
		cmd = m.requestList(listRequest{op: common.ListReload})
	}
	return tea.Batch(cmd, waitEventCmd(m.libmode.events))
}

// handleRefreshDone ends the refresh with its summary, a message about
// no article in particular.
func (m *Model) handleRefreshDone(msg refreshDoneMsg) tea.Cmd {
	m.libmode.refreshing, m.libmode.events = false, nil
	m.status.SetTask("")
	text := msg.Summary
	if msg.Err != nil {
		text = "refresh: " + msg.Err.Error()
	}
	var cmd tea.Cmd
	if m.list.Query() == "" {
		cmd = m.requestList(listRequest{op: common.ListReload})
	}
	if m.screen == screenFeeds {
		cmd = tea.Batch(cmd, feedsCmd(m.ctx, m.lib)) // the counts follow
	}
	return tea.Batch(cmd, m.status.Set(text, "", statusLongTTL))
}
