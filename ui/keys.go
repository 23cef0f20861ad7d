package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// Keys are declared once here, per view; the short help line and the
// full help screen are generated from these maps, so they cannot drift
// from what the keys do.

// listKeyMap holds the keys of the article list.
type listKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Filter, ClearFilter               key.Binding
	Help, Quit                              key.Binding
}

func newListKeyMap() listKeyMap {
	return listKeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		Open:        key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter/→/l", "open")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the list's help line.
func (k listKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Open, k.Filter, k.ClearFilter, k.Quit, k.Help}
}

// FullHelp is the list's help screen.
func (k listKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Filter, k.ClearFilter},
		{k.Help, k.Quit},
	}
}

// inputKeyMap holds the keys of a text prompt (the list filter and the
// search within an article).
// Recall (↑, the last query) is off unless the prompt enables it.
type inputKeyMap struct {
	Accept, Cancel, Recall key.Binding
}

func newInputKeyMap(accept, cancel string) inputKeyMap {
	return inputKeyMap{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", accept)),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", cancel)),
		Recall: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "last search"), key.WithDisabled()),
	}
}

// ShortHelp is the prompt's help line.
func (k inputKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Recall} }

// FullHelp is the prompt's help screen.
func (k inputKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// articleKeyMap holds the keys of the article view. Search matches move
// with ] and [ so that n and p stay the article's own next/previous.
type articleKeyMap struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
	Toggle, Next, Prev, Back                key.Binding
	Browser, Copy                           key.Binding
	Search, NextMatch, PrevMatch, EndSearch key.Binding
	Cancel, List, Help, Quit                key.Binding
}

func newArticleKeyMap() articleKeyMap {
	return articleKeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageDown:  key.NewBinding(key.WithKeys(" ", "pgdown", "f"), key.WithHelp("space/pgdn", "page down")),
		PageUp:    key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Toggle:    key.NewBinding(key.WithKeys("s", "tab"), key.WithHelp("s/tab", "summary ⇄ full")),
		Next:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next")),
		Prev:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous")),
		Back:      key.NewBinding(key.WithKeys("backspace", "h", "left"), key.WithHelp("⌫/h", "back")),
		Browser:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		EndSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		NextMatch: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous match")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel loading")),
		List:      key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/esc", "list")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the article's help line.
func (k articleKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Next, k.Prev, k.Back, k.List, k.Help}
}

// FullHelp is the article's help screen.
func (k articleKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Toggle, k.Next, k.Prev, k.Back, k.List},
		{k.Search, k.NextMatch, k.PrevMatch, k.EndSearch, k.Browser, k.Copy},
		{k.Cancel, k.Help, k.Quit},
	}
}

// helpKeyMap holds the keys of the help screen.
type helpKeyMap struct {
	Up, Down, Close, Quit key.Binding
}

func newHelpKeyMap() helpKeyMap {
	return helpKeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Close: key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", "close help")),
		Quit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the help screen's help line.
func (k helpKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Close, k.Down, k.Up, k.Quit} }

// FullHelp lists the help screen's keys.
func (k helpKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// libraryKeyMap holds the keys library mode adds to the list and the
// article; with adds them to a view's help.
type libraryKeyMap struct {
	Read, Save, Refresh, View, Feed key.Binding
}

func newLibraryKeyMap() libraryKeyMap {
	return libraryKeyMap{
		Read:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read ⇄ unread")),
		Save:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "save")),
		Refresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		View:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "all/unread/saved")),
		Feed:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "feed")),
	}
}

// with adds library mode's keys to the list's or the article's key map
// (prompts and the help screen keep theirs).
func (k libraryKeyMap) with(base keyHelp) keyHelp {
	switch b := base.(type) {
	case listKeyMap:
		return libraryHelp{base: b,
			short: []key.Binding{b.Open, k.Read, k.Save, k.Refresh, k.View, k.Feed, b.Filter, b.ClearFilter, b.Quit, b.Help},
			group: []key.Binding{k.Read, k.Save, k.Refresh, k.View, k.Feed}}
	case articleKeyMap:
		return libraryHelp{base: b,
			short: []key.Binding{b.Toggle, b.Next, b.Prev, k.Read, k.Save, b.List, b.Help},
			group: []key.Binding{k.Read, k.Save, k.Refresh}}
	}
	return base
}

// libraryHelp is a view's key map with library mode's keys.
type libraryHelp struct {
	base  keyHelp
	short []key.Binding // the help line
	group []key.Binding // added to the help screen
}

// ShortHelp is the help line.
func (k libraryHelp) ShortHelp() []key.Binding { return k.short }

// FullHelp is the help screen: the view's keys, then the library's.
func (k libraryHelp) FullHelp() [][]key.Binding { return append(k.base.FullHelp(), k.group) }

// keyHelp is what a view offers the help line and the help screen.
type keyHelp = help.KeyMap
