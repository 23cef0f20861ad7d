package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// child is what the root asks of each view (the list, the article, the
// help screen), so that it sizes, routes and draws help for any of them
// alike: Update takes the keys and the mouse while the view is in
// front, SetSize gives it the lines above the status bar and the help
// line, View draws them, and the help.KeyMap is its keys: ShortHelp for
// the help line as the view stands (a prompt's while one is open),
// FullHelp every key of the view for the help screen.
type child interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	help.KeyMap
	// takeIntent returns what the last Update asked of the root, once.
	takeIntent() tea.Msg
}

// asks records what a child's Update asks of the root (an openMsg, a
// helpMsg…). The root handles it as soon as that Update returns, before
// the next key, so that keys typed together act in order ("q" then
// enter leaves the article, then opens the next one).
type asks struct{ intent tea.Msg }

// ask records an intent for the root.
func (a *asks) ask(in tea.Msg) tea.Cmd {
	a.intent = in
	return nil
}

func (a *asks) takeIntent() tea.Msg {
	in := a.intent
	a.intent = nil
	return in
}

// child is the view in front.
func (m *Model) child() child {
	switch m.screen {
	case screenList:
		return &m.list
	case screenArticle:
		return &m.article
	}
	return &m.help
}
