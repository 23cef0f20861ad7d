package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Component is what the root asks of each view (the list, the article,
// the help screen), so that it sizes, routes and draws help for any of
// them alike: Update takes the keys and the mouse while the view is in
// front, SetSize gives it the lines above the status bar and the help
// line, View draws them, and the help.KeyMap is its keys: ShortHelp for
// the help line as the view stands (a prompt's while one is open),
// FullHelp every key of the view for the help screen.
type Component interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	help.KeyMap
	// TakeIntent returns what the last Update asked of the root, once.
	TakeIntent() tea.Msg
}

// Asks records what a view's Update asks of the root (an OpenMsg, a
// HelpMsg…); embedded in a view, it gives the view TakeIntent. The
// root handles the intent as soon as that Update returns, before the
// next key, so that keys typed together act in order ("q" then enter
// leaves the article, then opens the next one).
type Asks struct{ intent tea.Msg }

// Ask records an intent for the root. It returns no Cmd, so that a
// view's Update can end with `return m.Ask(…)`.
func (a *Asks) Ask(in tea.Msg) tea.Cmd {
	a.intent = in
	return nil
}

// TakeIntent returns the intent recorded since the last call, or nil,
// and forgets it.
func (a *Asks) TakeIntent() tea.Msg {
	in := a.intent
	a.intent = nil
	return in
}
