// Package help is the reader's key help, laid out from each view's key
// map (bubbles' help.KeyMap) so that it cannot drift from what the keys
// do: the help screen (Model, a child with the common.Component
// contract) and the help line under every screen (Line).
package help

import (
	"strings"

	keyhelp "github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/brief-news/brief/ui/common"
)

// Model is the help screen: every key of the view it was asked from; a
// window too short for them all scrolls them with j/k.
type Model struct {
	common.Asks
	keys   common.HelpKeyMap
	styles *common.Styles
	help   keyhelp.Model

	title  string // the view's name: "list", "article (library)"
	groups [][]key.Binding
	top    int // first line shown

	width, height int
}

// New is the help screen with its own keys (close, scroll).
func New(st *common.Styles, k common.HelpKeyMap) Model {
	return Model{keys: k, styles: st, help: newKeyHelp(st)}
}

// newKeyHelp is the help line's and the help screen's key help, styled.
func newKeyHelp(st *common.Styles) keyhelp.Model {
	h := keyhelp.New()
	h.Styles.ShortKey = st.Status.Bold(true)
	h.Styles.ShortDesc = st.Status
	h.Styles.FullKey = st.Prompt
	h.Styles.FullDesc = st.Title
	return h
}

// Show shows the keys of a view, from the top.
func (h *Model) Show(title string, groups [][]key.Binding) {
	h.title, h.groups, h.top = title, groups, 0
}

// SetSize gives the help screen its lines.
func (h *Model) SetSize(w, ht int) { h.width, h.height = w, ht }

// Update scrolls, or asks to close the help.
func (h *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, h.keys.Close):
		return h.Ask(common.CloseHelpMsg{})
	case key.Matches(km, h.keys.Down):
		h.top = min(h.top+1, h.maxTop())
	case key.Matches(km, h.keys.Up):
		h.top = max(h.top-1, 0)
	}
	return nil
}

// ShortHelp is the help screen's help line.
func (h Model) ShortHelp() []key.Binding { return h.keys.ShortHelp() }

// FullHelp is the help screen's own keys.
func (h Model) FullHelp() [][]key.Binding { return h.keys.FullHelp() }

// View is the help from the line the reader scrolled to.
func (h Model) View() string {
	lines := h.lines()
	return strings.Join(lines[min(h.top, len(lines)-1):], "\n")
}

// lines lays out the full help.
func (h Model) lines() []string {
	page := lipgloss.NewStyle().Padding(1, 2).Render(
		h.styles.HelpTitle.Render("Keys: "+h.title) + "\n\n" + h.fullHelp(h.width-4))
	return strings.Split(page, "\n")
}

// maxTop is the furthest the help scrolls.
func (h Model) maxTop() int { return max(len(h.lines())-h.height, 0) }

// fullHelp lays the key groups out in columns, in as many rows as the
// width needs: help truncates columns that do not fit.
func (h Model) fullHelp(w int) string {
	hm := h.help
	hm.Width = 0
	groups := h.groups
	for per := len(groups); per > 1; per-- {
		var rows []string
		for i := 0; i < len(groups); i += per {
			rows = append(rows, hm.FullHelpView(groups[i:min(i+per, len(groups))]))
		}
		out := strings.Join(rows, "\n\n")
		if lipgloss.Width(out) <= w {
			return out
		}
	}
	var rows []string
	for _, g := range groups {
		rows = append(rows, hm.FullHelpView([][]key.Binding{g}))
	}
	return strings.Join(rows, "\n\n")
}
