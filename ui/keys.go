package ui

import "github.com/charmbracelet/bubbles/key"

// Keys are declared once here, per view; the short help line and the
// full help screen are generated from these maps, so they cannot drift
// from what the keys do.

// keyMaps are every view's keys, built once, for the reader's mode, by
// newKeyMaps.
type keyMaps struct {
	list    listKeyMap
	filter  inputKeyMap // the list's / prompt
	article articleKeyMap
	search  inputKeyMap // the article's / prompt
	help    helpKeyMap
}

// newKeyMaps builds the keys of the plain reader, or with library those
// of library mode: m, b, r, v and F besides the reader's, b saving (page
// up keeps pgup) and enter in the / prompt searching the whole library.
func newKeyMaps(library bool) keyMaps {
	k := keyMaps{
		list: newListKeyMap(), filter: newInputKeyMap("keep filter", "clear filter"),
		article: newArticleKeyMap(), search: newInputKeyMap("find", "cancel"), help: newHelpKeyMap(),
	}
	k.search.Recall.SetEnabled(true)
	if !library {
		return k
	}
	pgup := key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	read := key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read ⇄ unread"))
	save := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "save"))
	refresh := key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh"))
	l := &k.list
	l.library, l.PageUp, l.Read, l.Save, l.Refresh = true, pgup, read, save, refresh
	l.View = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "all/unread/saved"))
	l.Feed = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "feed"))
	l.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter, enter: search all"))
	k.filter = newInputKeyMap("search the library", "clear filter")
	a := &k.article
	a.library, a.PageUp, a.Read, a.Save, a.Refresh = true, pgup, read, save, refresh
	return k
}

// listKeyMap holds the keys of the article list. The library's keys
// (Read to Feed) are bound in library mode only.
type listKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Filter, ClearFilter               key.Binding
	Help, Quit                              key.Binding
	Read, Save, Refresh, View, Feed         key.Binding
	library                                 bool
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
	if k.library {
		return []key.Binding{k.Open, k.Read, k.Save, k.Refresh, k.View, k.Feed, k.Filter, k.ClearFilter, k.Quit, k.Help}
	}
	return []key.Binding{k.Down, k.Open, k.Filter, k.ClearFilter, k.Quit, k.Help}
}

// FullHelp is the list's help screen.
func (k listKeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Filter, k.ClearFilter},
		{k.Help, k.Quit},
	}
	if k.library {
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh, k.View, k.Feed})
	}
	return groups
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
// with ] and [ so that n and p stay the article's own next/previous. The
// library's keys (Read, Save, Refresh) are bound in library mode only.
type articleKeyMap struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
	Toggle, Next, Prev, Back                key.Binding
	Browser, Copy                           key.Binding
	Search, NextMatch, PrevMatch, EndSearch key.Binding
	Cancel, List, Help, Quit                key.Binding
	Read, Save, Refresh                     key.Binding
	library                                 bool
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
	if k.library {
		return []key.Binding{k.Toggle, k.Next, k.Prev, k.Read, k.Save, k.List, k.Help}
	}
	return []key.Binding{k.Toggle, k.Next, k.Prev, k.Back, k.List, k.Help}
}

// FullHelp is the article's help screen.
func (k articleKeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Toggle, k.Next, k.Prev, k.Back, k.List},
		{k.Search, k.NextMatch, k.PrevMatch, k.EndSearch, k.Browser, k.Copy},
		{k.Cancel, k.Help, k.Quit},
	}
	if k.library {
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh})
	}
	return groups
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
