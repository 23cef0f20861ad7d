// The status bar's messages and the loading spinner.

package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
)

// setStatus shows a message in the status bar and fades it. A message
// set on an article is about that article: opening another clears it.
func (m *Model) setStatus(s string) tea.Cmd {
	m.statusID++
	m.status = reader.Clean(s)
	m.statusOn.loc, m.statusOn.id = m.current, m.statusID
	return m.after(statusTTL, clearStatusMsg{ID: m.statusID})
}

// leaveStatus clears a message about another article than loc.
func (m *Model) leaveStatus(loc string) {
	if on := m.statusOn; on.id == m.statusID && on.loc != "" && on.loc != loc {
		m.status, m.statusOn.loc = "", ""
	}
}

// busy reports whether something the reader waits for is loading.
func (m Model) busy() bool {
	if m.fetch.cancel != nil {
		return true
	}
	return m.screen == screenArticle && m.current != "" && !m.article.Ready()
}

// spins reports whether the spinner turns: the reader waits for
// something, or a background task is under way.
func (m Model) spins() bool { return m.busy() || m.task != "" }

// startSpinner starts the spinner's ticks when work begins.
func (m *Model) startSpinner() tea.Cmd {
	if m.spinning || !m.spins() {
		return nil
	}
	m.spinning = true
	m.spinID++
	return m.after(spinnerEvery, spinMsg{ID: m.spinID})
}

func (m *Model) handleSpin(msg spinMsg) tea.Cmd {
	if msg.ID != m.spinID {
		return nil
	}
	if !m.spins() {
		m.spinning = false
		return nil
	}
	m.spin++
	return m.after(spinnerEvery, spinMsg{ID: m.spinID})
}
