package common

import "github.com/charmbracelet/bubbles/key"

// Keys are declared once here, per view; the short help line and the
// full help screen are generated from these maps, so they cannot drift
// from what the keys do. They live beside the child contract because
// the root builds them (for its mode) and hands each view its own.

// KeyMaps are every view's keys, built once, for the reader's mode, by
// NewKeyMaps.
type KeyMaps struct {
	List    ListKeyMap
	Filter  InputKeyMap // the list's / prompt
	Article ArticleKeyMap
	Search  InputKeyMap // the article's / prompt
	Help    HelpKeyMap
}

// NewKeyMaps builds the keys of the plain reader, or with library those
// of library mode: m, b, r, v and F besides the reader's, b saving (page
// up keeps pgup) and enter in the / prompt searching the whole library.
func NewKeyMaps(library bool) KeyMaps {
	k := KeyMaps{
		List: newListKeyMap(), Filter: newInputKeyMap("keep filter", "clear filter"),
		Article: newArticleKeyMap(), Search: newInputKeyMap("find", "cancel"), Help: newHelpKeyMap(),
	}
	k.Search.Recall.SetEnabled(true)
	if !library {
		return k
	}
	pgup := key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	read := key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read ⇄ unread"))
	save := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "save"))
	refresh := key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh"))
	l := &k.List
	l.Library, l.PageUp, l.Read, l.Save, l.Refresh = true, pgup, read, save, refresh
	l.View = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "all/unread/saved"))
	l.Feed = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "feed"))
	l.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter, enter: search all"))
	k.Filter = newInputKeyMap("search the library", "clear filter")
	a := &k.Article
	a.Library, a.PageUp, a.Read, a.Save, a.Refresh = true, pgup, read, save, refresh
	return k
}

// ListKeyMap holds the keys of the article list. The library's keys
// (Read to Feed) are bound in library mode only.
type ListKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Filter, ClearFilter               key.Binding
	Help, Quit                              key.Binding
	Read, Save, Refresh, View, Feed         key.Binding
	Library                                 bool // library mode: its keys show in the help
}

func newListKeyMap() ListKeyMap {
	return ListKeyMap{
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
func (k ListKeyMap) ShortHelp() []key.Binding {
	if k.Library {
		return []key.Binding{k.Open, k.Read, k.Save, k.Refresh, k.View, k.Feed, k.Filter, k.ClearFilter, k.Quit, k.Help}
	}
	return []key.Binding{k.Down, k.Open, k.Filter, k.ClearFilter, k.Quit, k.Help}
}

// FullHelp is the list's help screen.
func (k ListKeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Filter, k.ClearFilter},
		{k.Help, k.Quit},
	}
	if k.Library {
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh, k.View, k.Feed})
	}
	return groups
}

// InputKeyMap holds the keys of a text prompt (the list filter and the
// search within an article).
// Recall (↑, the last query) is off unless the prompt enables it.
type InputKeyMap struct {
	Accept, Cancel, Recall key.Binding
}

func newInputKeyMap(accept, cancel string) InputKeyMap {
	return InputKeyMap{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", accept)),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", cancel)),
		Recall: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "last search"), key.WithDisabled()),
	}
}

// ShortHelp is the prompt's help line.
func (k InputKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Recall} }

// FullHelp is the prompt's help screen.
func (k InputKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ArticleKeyMap holds the keys of the article view. Search matches move
// with ] and [ so that n and p stay the article's own next/previous. The
// library's keys (Read, Save, Refresh) are bound in library mode only.
type ArticleKeyMap struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
	Toggle, Next, Prev, Back                key.Binding
	Model                                   key.Binding // S: the model's summary
	Browser, Copy                           key.Binding
	Search, NextMatch, PrevMatch, EndSearch key.Binding
	Cancel, List, Help, Quit                key.Binding
	Read, Save, Refresh                     key.Binding
	Library                                 bool // library mode: its keys show in the help
}

func newArticleKeyMap() ArticleKeyMap {
	return ArticleKeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageDown:  key.NewBinding(key.WithKeys(" ", "pgdown", "f"), key.WithHelp("space/pgdn", "page down")),
		PageUp:    key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Toggle:    key.NewBinding(key.WithKeys("s", "tab"), key.WithHelp("s/tab", "summary ⇄ full")),
		Model:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "model summary")),
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
func (k ArticleKeyMap) ShortHelp() []key.Binding {
	if k.Library {
		return []key.Binding{k.Toggle, k.Next, k.Prev, k.Read, k.Save, k.List, k.Help}
	}
	return []key.Binding{k.Toggle, k.Next, k.Prev, k.Back, k.List, k.Help}
}

// FullHelp is the article's help screen.
func (k ArticleKeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Toggle, k.Model, k.Next, k.Prev, k.Back, k.List},
		{k.Search, k.NextMatch, k.PrevMatch, k.EndSearch, k.Browser, k.Copy},
		{k.Cancel, k.Help, k.Quit},
	}
	if k.Library {
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh})
	}
	return groups
}

// HelpKeyMap holds the keys of the help screen.
type HelpKeyMap struct {
	Up, Down, Close, Quit key.Binding
}

func newHelpKeyMap() HelpKeyMap {
	return HelpKeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Close: key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", "close help")),
		Quit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the help screen's help line.
func (k HelpKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Close, k.Down, k.Up, k.Quit} }

// FullHelp lists the help screen's keys.
func (k HelpKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
