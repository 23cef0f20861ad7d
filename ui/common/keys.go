package common

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-news/brief/library/config"
)

// Keys are declared once here, per view; the short help line and the
// full help screen are generated from these maps, so they cannot drift
// from what the keys do. They live beside the child contract because
// the root builds them (for its mode) and hands each view its own.

// KeyMaps are every view's keys, built once, for the reader's mode and
// the user's [keys], by NewKeyMaps.
type KeyMaps struct {
	List    ListKeyMap
	Filter  InputKeyMap // the list's / prompt
	Article ArticleKeyMap
	Search  InputKeyMap // the article's / prompt
	Help    HelpKeyMap
	Feeds   FeedsKeyMap // library mode's feed list
}

// NewKeyMaps builds the keys of the plain reader, or with library those
// of library mode (m, *, r, v, F and A besides the reader's, and enter
// in the / prompt searching the whole library), each action bound to
// the user's keys (config.toml's [keys]) or its defaults
// (config.KeyActions). b is page up everywhere, as in less; * saves.
func NewKeyMaps(library bool, user config.Keys) KeyMaps {
	b := binder{user}
	k := KeyMaps{
		List: newListKeyMap(b), Filter: newInputKeyMap("keep filter", "clear filter"),
		Article: newArticleKeyMap(b), Search: newInputKeyMap("find", "cancel"), Help: newHelpKeyMap(),
		Feeds: newFeedsKeyMap(b),
	}
	k.Search.Recall.SetEnabled(true)
	l, a := &k.List, &k.Article
	l.Library, a.Library = library, library
	for _, bd := range []*key.Binding{&l.Read, &l.Save, &l.Refresh, &l.View, &l.Feed, &l.MarkAll, &a.Read, &a.Save, &a.Refresh} {
		bd.SetEnabled(library && len(bd.Keys()) > 0)
	}
	if library {
		l.Filter.SetHelp(l.Filter.Help().Key, "filter, enter: search all")
		k.Filter = newInputKeyMap("search the library", "clear filter")
	}
	return k
}

// binder binds actions to the user's keys or their defaults.
type binder struct{ user config.Keys }

// bind is the binding of an action of a view. Its help shows label
// (the hand-made "↑/k") while the action keeps its default keys, and
// the user's keys once rebound.
func (b binder) bind(view, action, label, help string) key.Binding {
	keys := b.user.For(view, action)
	if b.user.Bound(action) || !slices.Equal(keys, defaults(view, action)) {
		label = config.KeysLabel(keys)
	}
	bd := key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, help))
	if len(keys) == 0 {
		bd.SetEnabled(false)
	}
	return bd
}

// defaults are an action's keys in the catalogue.
func defaults(view, action string) []string {
	for _, a := range config.KeyActions {
		if a.View == view && a.Name == action {
			return a.Default
		}
	}
	return nil
}

// ListKeyMap holds the keys of the article list. The library's keys
// (Read to MarkAll) are bound in library mode only.
type ListKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Filter, ClearFilter               key.Binding
	Help, Quit                              key.Binding
	Read, Save, Refresh, View, Feed         key.Binding
	MarkAll                                 key.Binding
	Library                                 bool // library mode: its keys show in the help
}

func newListKeyMap(b binder) ListKeyMap {
	v := config.ViewList
	return ListKeyMap{
		Up:          b.bind(v, "up", "↑/k", "up"),
		Down:        b.bind(v, "down", "↓/j", "down"),
		Top:         b.bind(v, "top", "g/home", "first"),
		Bottom:      b.bind(v, "bottom", "G/end", "last"),
		PageUp:      b.bind(v, "page_up", "pgup/b", "page up"),
		PageDown:    b.bind(v, "page_down", "pgdn/f", "page down"),
		Open:        b.bind(v, "open", "enter/→/l", "open"),
		Filter:      b.bind(v, "filter", "/", "filter"),
		ClearFilter: b.bind(v, "clear_filter", "esc", "clear filter"),
		Help:        b.bind(v, "help", "?", "help"),
		Quit:        b.bind(v, "quit", "q", "quit"),
		Read:        b.bind(v, "read", "m", "read ⇄ unread"),
		Save:        b.bind(v, "save", "*", "save"),
		Refresh:     b.bind(v, "refresh", "r", "refresh"),
		View:        b.bind(v, "view", "v", "all/unread/saved"),
		Feed:        b.bind(v, "feeds", "F", "feeds"),
		MarkAll:     b.bind(v, "mark_all_read", "A", "mark all read"),
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
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh, k.View, k.Feed, k.MarkAll})
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

// ArticleKeyMap holds the keys of the article view. While a search is
// active n and N move between its matches (NextMatch before Next: the
// defaults share n), then they go back to being the next and previous
// article. The library's keys (Read, Save, Refresh) are bound in
// library mode only.
type ArticleKeyMap struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
	Toggle, Next, Prev, Back                key.Binding
	Model                                   key.Binding // S: the model's summary
	Browser, Copy, Links                    key.Binding
	Search, NextMatch, PrevMatch, EndSearch key.Binding
	Cancel, List, Help, Quit                key.Binding
	Read, Save, Refresh                     key.Binding
	Library                                 bool // library mode: its keys show in the help
}

func newArticleKeyMap(b binder) ArticleKeyMap {
	v := config.ViewArticle
	list := b.bind(v, "list", "q/esc", "list")
	esc := func(help string) key.Binding {
		// esc ends a search or a load before it leaves the article: it
		// follows the list action's keys when they hold it.
		bd := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", help))
		bd.SetEnabled(slices.Contains(list.Keys(), "esc"))
		return bd
	}
	return ArticleKeyMap{
		Up:        b.bind(v, "up", "↑/k", "up"),
		Down:      b.bind(v, "down", "↓/j", "down"),
		PageDown:  b.bind(v, "page_down", "space/pgdn", "page down"),
		PageUp:    b.bind(v, "page_up", "b/pgup", "page up"),
		Top:       b.bind(v, "top", "g", "top"),
		Bottom:    b.bind(v, "bottom", "G", "bottom"),
		Toggle:    b.bind(v, "toggle", "s/tab", "summary ⇄ full"),
		Model:     b.bind(v, "model", "S", "model summary"),
		Next:      b.bind(v, "next", "n", "next"),
		Prev:      b.bind(v, "prev", "p", "previous"),
		Back:      b.bind(v, "back", "⌫/h", "back"),
		Browser:   b.bind(v, "browser", "o", "open in browser"),
		Copy:      b.bind(v, "copy", "y", "copy link"),
		Links:     b.bind(v, "links", "f", "links"),
		Search:    b.bind(v, "search", "/", "search"),
		EndSearch: esc("clear search"),
		NextMatch: b.bind(v, "next_match", "n/]", "next match"),
		PrevMatch: b.bind(v, "prev_match", "N/[", "previous match"),
		Cancel:    esc("cancel loading"),
		List:      list,
		Help:      b.bind(v, "help", "?", "help"),
		Quit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Read:      b.bind(v, "read", "m", "read ⇄ unread"),
		Save:      b.bind(v, "save", "*", "save"),
		Refresh:   b.bind(v, "refresh", "r", "refresh"),
	}
}

// ShortHelp is the article's help line.
func (k ArticleKeyMap) ShortHelp() []key.Binding {
	if k.Library {
		return []key.Binding{k.Toggle, k.Next, k.Prev, k.Links, k.Read, k.Save, k.List, k.Help}
	}
	return []key.Binding{k.Toggle, k.Next, k.Prev, k.Links, k.Back, k.List, k.Help}
}

// SearchHelp is the help line while a search is active: n and N move
// between matches, esc ends the search.
func (k ArticleKeyMap) SearchHelp() []key.Binding {
	return []key.Binding{k.NextMatch, k.PrevMatch, k.EndSearch, k.Search, k.Help}
}

// FullHelp is the article's help screen.
func (k ArticleKeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Toggle, k.Model, k.Next, k.Prev, k.Back, k.List},
		{k.Search, k.NextMatch, k.PrevMatch, k.EndSearch, k.Links, k.Browser, k.Copy},
		{k.Cancel, k.Help, k.Quit},
	}
	if k.Library {
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh})
	}
	return groups
}

// FeedsKeyMap holds the keys of library mode's feed list.
type FeedsKeyMap struct {
	Up, Down, Top, Bottom, Open, MarkAll, Refresh, Back, Help, Quit key.Binding
}

func newFeedsKeyMap(b binder) FeedsKeyMap {
	v := config.ViewFeeds
	return FeedsKeyMap{
		Up:      b.bind(v, "up", "↑/k", "up"),
		Down:    b.bind(v, "down", "↓/j", "down"),
		Top:     b.bind(v, "top", "g/home", "first"),
		Bottom:  b.bind(v, "bottom", "G/end", "last"),
		Open:    b.bind(v, "open", "enter", "open feed"),
		MarkAll: b.bind(v, "mark_all_read", "A", "mark feed read"),
		Refresh: b.bind(v, "refresh", "r", "refresh"),
		Back:    b.bind(v, "list", "q/esc", "back"),
		Help:    b.bind(v, "help", "?", "help"),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the feed list's help line.
func (k FeedsKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.MarkAll, k.Refresh, k.Back, k.Help}
}

// FullHelp is the feed list's help screen.
func (k FeedsKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.MarkAll, k.Refresh}, {k.Back, k.Help, k.Quit}}
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
