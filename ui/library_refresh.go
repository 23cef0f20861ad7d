package ui

// Library mode's refresh: it runs in the background while the reader
// is used; new articles join the list as each feed comes in, and the
// status bar shows its progress when it has no message.

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
)

// startRefresh starts a refresh unless one is under way.
func (m *libraryModel) startRefresh() tea.Cmd {
	if m.refreshing {
		return nil
	}
	m.refreshing = true
	m.progress = refreshProgressMsg{}
	m.task = "refreshing"
	events := make(chan tea.Msg, 16)
	m.events = events
	return tea.Batch(refreshCmd(m.ctx, m.lib, events), waitEventCmd(events))
}

// handleProgress shows a feed done, and its new articles.
func (m *libraryModel) handleProgress(msg refreshProgressMsg) tea.Cmd {
	m.progress = msg
	m.task = "refreshing " + itoa(msg.Done) + "/" + itoa(msg.Total)
	var cmd tea.Cmd
	if msg.Added > 0 && m.searching == "" {
		cmd = m.requestList(listReload, "")
	}
	return tea.Batch(cmd, waitEventCmd(m.events))
}

// handleRefreshDone ends the refresh with its summary.
func (m *libraryModel) handleRefreshDone(msg refreshDoneMsg) tea.Cmd {
	m.refreshing, m.events, m.task = false, nil, ""
	text := msg.Summary
	if msg.Err != nil {
		text = "refresh: " + msg.Err.Error()
	}
	var cmd tea.Cmd
	if m.searching == "" {
		cmd = m.requestList(listReload, "")
	}
	m.statusID++
	m.status = reader.Clean(text)
	return tea.Batch(cmd, m.after(statusLongTTL, clearStatusMsg{ID: m.statusID}))
}
