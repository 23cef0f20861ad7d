package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// View draws the screen. It only lays out what Update prepared: no
// rendering of markdown and no I/O happen here.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	bodyH := m.height - barLines
	body := lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(m.child().View())
	return lipgloss.JoinVertical(lipgloss.Left, body, m.statusBar(), m.shortHelp())
}

// tooSmall is the note shown in a window below the minimum size.
// It says as much as fits, in whole words: never cut mid-word.
func (m Model) tooSmall() string {
	size := strconv.Itoa(minWidth) + "×" + strconv.Itoa(minHeight)
	for _, note := range []string{"window too small\n" + size + " at least", "too small\n" + size, "too small", size, "small", "…"} {
		lines := strings.Split(note, "\n")
		fits := len(lines) <= m.height
		for _, l := range lines {
			fits = fits && ansi.StringWidth(l) <= m.width
		}
		if fits {
			return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.styles.Empty.Render(note))
		}
	}
	return ""
}

// statusBar shows loading, the latest message, and on the right the
// number of articles and the filter.
func (m Model) statusBar() string {
	st := m.styles
	var loading string
	switch {
	case m.fetch.cancel != nil:
		loading = "loading " + reader.ShortURL(reader.Clean(m.fetch.url)) + " (esc cancels)"
	case m.busy():
		loading = "loading"
	}
	left := m.status.View(loading)
	right := m.countText(m.status.Text() == "")
	if m.screen == screenList && m.list.Editing() {
		left = m.list.PromptView()
		right = strconv.Itoa(m.list.Shown()) + " of " + strconv.Itoa(m.list.Len())
	}
	right = st.Status.Render(right)
	room := m.width - lipgloss.Width(right) - 2
	left = ansi.Truncate(left, max(room, 0), "…")
	gap := max(m.width-lipgloss.Width(left)-lipgloss.Width(right)-1, 1)
	return ansi.Truncate(" "+left+strings.Repeat(" ", gap)+right, m.width, "")
}

// countText is "8 articles", or "3 of 8 · filter “x”", and with
// withSkipped how many files were skipped, which stays after the message
// naming them fades.
func (m Model) countText(withSkipped bool) string {
	n := m.list.Len()
	s := reader.Plural(n, "article")
	if f := m.list.FilterText(); f != "" {
		s = strconv.Itoa(m.list.Shown()) + " of " + strconv.Itoa(n) + " · " + f
	}
	if k := len(m.src.Skipped()); k > 0 && withSkipped {
		s += " · " + strconv.Itoa(k) + " skipped"
	}
	return s
}

// shortHelp is the help line of the screen in front (help.Line).
func (m Model) shortHelp() string { return m.helpLine.View(m.child().ShortHelp(), m.width) }
