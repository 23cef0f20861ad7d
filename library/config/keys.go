package config

// The [keys] section: the reader's keys, rebound.
//
//	[keys]
//	save = ["*", "ctrl+s"]
//	page_down = ["space", "ctrl+f"]
//
// An action names what a key does; the same name applies in every view
// that has it (the list, an article, the feed list), so "page_down"
// moves the list and the article alike. The catalogue below is the one
// place that says which actions exist and their default keys: the
// reader builds its key maps (and so its help and footers) from it.

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The views keys act in.
const (
	ViewList    = "list"    // the article list
	ViewArticle = "article" // one article
	ViewFeeds   = "feeds"   // the feed list
)

// KeyAction is one rebindable action of one view.
type KeyAction struct {
	View    string
	Name    string   // as written in [keys]
	Help    string   // what it does, as the help screen says it
	Default []string // bubbletea key names ("enter", "ctrl+c", " ", "k")
}

// KeyActions is every rebindable action with its default keys. ctrl+c
// always quits and is not listed: a binding cannot lock the user in.
// Within a view, defaults may share a key when the reader picks one by
// state (esc ends a search before it goes back to the list; n is the
// next match while a search is active, else the next article).
var KeyActions = []KeyAction{
	{ViewList, "up", "up", []string{"up", "k"}},
	{ViewList, "down", "down", []string{"down", "j"}},
	{ViewList, "top", "first", []string{"g", "home"}},
	{ViewList, "bottom", "last", []string{"G", "end"}},
	{ViewList, "page_up", "page up", []string{"pgup", "b"}},
	{ViewList, "page_down", "page down", []string{"pgdown", "f", " "}},
	{ViewList, "open", "open", []string{"enter", "right", "l"}},
	{ViewList, "filter", "filter", []string{"/"}},
	{ViewList, "clear_filter", "clear filter", []string{"esc"}},
	{ViewList, "help", "help", []string{"?"}},
	{ViewList, "quit", "quit", []string{"q"}},
	{ViewList, "read", "read ⇄ unread", []string{"m"}},
	{ViewList, "save", "save", []string{"*"}},
	{ViewList, "refresh", "refresh", []string{"r"}},
	{ViewList, "view", "all/unread/saved", []string{"v"}},
	{ViewList, "feeds", "feed list", []string{"F"}},
	{ViewList, "mark_all_read", "mark all read", []string{"A"}},

	{ViewArticle, "up", "up", []string{"up", "k"}},
	{ViewArticle, "down", "down", []string{"down", "j"}},
	{ViewArticle, "top", "top", []string{"g", "home"}},
	{ViewArticle, "bottom", "bottom", []string{"G", "end"}},
	{ViewArticle, "page_up", "page up", []string{"b", "pgup"}},
	{ViewArticle, "page_down", "page down", []string{" ", "pgdown"}},
	{ViewArticle, "toggle", "summary ⇄ full", []string{"s", "tab"}},
	{ViewArticle, "model", "model summary", []string{"S"}},
	{ViewArticle, "next", "next", []string{"n"}},
	{ViewArticle, "prev", "previous", []string{"p"}},
	{ViewArticle, "back", "back", []string{"backspace", "h", "left"}},
	{ViewArticle, "browser", "open in browser", []string{"o"}},
	{ViewArticle, "copy", "copy link", []string{"y"}},
	{ViewArticle, "links", "links", []string{"f"}},
	{ViewArticle, "search", "search", []string{"/"}},
	{ViewArticle, "next_match", "next match", []string{"n", "]"}},
	{ViewArticle, "prev_match", "previous match", []string{"N", "["}},
	{ViewArticle, "list", "list", []string{"q", "esc"}},
	{ViewArticle, "help", "help", []string{"?"}},
	{ViewArticle, "read", "read ⇄ unread", []string{"m"}},
	{ViewArticle, "save", "save", []string{"*"}},
	{ViewArticle, "refresh", "refresh", []string{"r"}},

	{ViewFeeds, "up", "up", []string{"up", "k"}},
	{ViewFeeds, "down", "down", []string{"down", "j"}},
	{ViewFeeds, "top", "first", []string{"g", "home"}},
	{ViewFeeds, "bottom", "last", []string{"G", "end"}},
	{ViewFeeds, "open", "open feed", []string{"enter", "right", "l"}},
	{ViewFeeds, "mark_all_read", "mark feed read", []string{"A"}},
	{ViewFeeds, "refresh", "refresh", []string{"r"}},
	{ViewFeeds, "list", "back", []string{"q", "esc", "F"}},
	{ViewFeeds, "help", "help", []string{"?"}},
}

// Keys is the [keys] section: the actions the user rebound.
type Keys struct {
	set map[string][]string // action → the user's keys
	// taken is, per view, the keys the user bound to an action: a
	// default of another action loses them.
	taken map[string]map[string]string
	notes []string
}

// Notes say which default keys the user's bindings took from other
// actions ("keys.save: * was … in the list view; now save"): meant, so
// not warnings, but brief config reports them.
func (k Keys) Notes() []string { return k.notes }

// Bound reports whether the user rebound an action.
func (k Keys) Bound(action string) bool {
	_, ok := k.set[action]
	return ok
}

// For is the keys of an action in a view: the user's, or its defaults
// minus those the user gave to another action of the view. Nil for an
// action the view does not have.
func (k Keys) For(view, action string) []string {
	a := findAction(view, action)
	if a == nil {
		return nil
	}
	if keys, ok := k.set[action]; ok {
		var out []string
		for _, key := range keys {
			if k.taken[view][key] == action {
				out = append(out, key)
			}
		}
		return out
	}
	var out []string
	for _, key := range a.Default {
		if by, ok := k.taken[view][key]; !ok || sharesByState(by, action) {
			out = append(out, key)
		}
	}
	return out
}

// sharesByState reports whether two actions may share a key because
// the reader picks one by state: while a search is active n and N move
// between its matches, else n and p move between articles.
func sharesByState(a, b string) bool {
	pair := func(x, y string) bool { return a == x && b == y || a == y && b == x }
	return pair("next", "next_match") || pair("prev", "prev_match")
}

func findAction(view, name string) *KeyAction {
	for i := range KeyActions {
		if KeyActions[i].View == view && KeyActions[i].Name == name {
			return &KeyActions[i]
		}
	}
	return nil
}

// actionNames are the names [keys] accepts, in catalogue order.
func actionNames() []string {
	var names []string
	for _, a := range KeyActions {
		if !slices.Contains(names, a.Name) {
			names = append(names, a.Name)
		}
	}
	return names
}

// decodeKeys reads the [keys] table. Each problem is one warning naming
// the key ("keys.save"); the action keeps its default then. Conflicts
// are warnings too: a key bound to two actions of one view stays with
// the first in the file, and a key bound over another action's default
// takes it from that action (saying so).
func decodeKeys(md toml.MetaData, prim toml.Primitive, warnf func(key, format string, a ...any)) Keys {
	warn := keyNamed(warnf)
	k := Keys{set: map[string][]string{}, taken: map[string]map[string]string{}}
	// The file's order, so that the first binding of a key wins.
	raw, order, ok := sectionTable(md, prim, "keys")
	if !ok {
		warn("keys", `[keys] must be a table of action = ["key", …] (using the default keys)`)
		return k
	}
	names := actionNames()
	for _, action := range order {
		name := "keys." + action
		if !slices.Contains(names, action) {
			warn(name, "unknown action %q in [keys] (actions: %s)", oneLine(action), strings.Join(names, ", "))
			continue
		}
		var keys []string
		if err := md.PrimitiveDecode(raw[action], &keys); err != nil {
			var one string
			if md.PrimitiveDecode(raw[action], &one) != nil {
				warn(name, `%s must be a list of keys like ["x", "ctrl+x"] (using the default)`, name)
				continue
			}
			keys = []string{one}
		}
		if len(keys) == 0 {
			warn(name, "%s has no key: the action could not be used (using the default)", name)
			continue
		}
		var good []string
		for _, key := range keys {
			norm, ok := normalizeKey(key)
			switch {
			case !ok:
				warn(name, "%q is not a key (a character, or a name like enter, esc, space, pgdown, ctrl+x)", oneLine(key))
			case norm == "ctrl+c":
				warn(name, "ctrl+c always quits and cannot be rebound")
			case !slices.Contains(good, norm):
				good = append(good, norm)
			}
		}
		if len(good) == 0 {
			continue
		}
		k.set[action] = good
		for _, a := range KeyActions {
			if a.Name != action {
				continue
			}
			if k.taken[a.View] == nil {
				k.taken[a.View] = map[string]string{}
			}
			for _, key := range good {
				if other, ok := k.taken[a.View][key]; ok && other != action && !sharesByState(other, action) {
					warn(name, "%s is already bound to %s in the %s view (%s keeps it)", KeyLabel(key), other, a.View, other)
					continue
				}
				k.taken[a.View][key] = action
			}
		}
	}
	// Only the keys that won somewhere stay set (what Save writes back);
	// an action that won none keeps its defaults.
	for action, keys := range k.set {
		var won []string
		for _, key := range keys {
			for _, m := range k.taken {
				if m[key] == action {
					won = append(won, key)
					break
				}
			}
		}
		if len(won) == 0 {
			delete(k.set, action)
		} else {
			k.set[action] = won
		}
	}
	// Defaults the user's keys took over, once each.
	for _, a := range KeyActions {
		if _, ok := k.set[a.Name]; ok {
			continue
		}
		for _, key := range a.Default {
			if by, ok := k.taken[a.View][key]; ok && !sharesByState(by, a.Name) {
				k.notes = append(k.notes, fmt.Sprintf("keys.%s: %s was %s in the %s view; now %s", by, KeyLabel(key), a.Help, a.View, by))
			}
		}
	}
	return k
}

// keyNamed makes every warning start with the key it is about
// ("keys.save: …"), as the top-level settings' warnings do.
func keyNamed(warn func(key, format string, a ...any)) func(key, format string, a ...any) {
	return func(key, format string, a ...any) {
		msg := fmt.Sprintf(format, a...)
		if !strings.HasPrefix(msg, key) {
			msg = key + ": " + msg
		}
		warn(key, "%s", msg)
	}
}

// namedKeys are the key names besides single characters, as bubbletea
// names them; "space" is written " " there.
var namedKeys = map[string]bool{
	"enter": true, "esc": true, "tab": true, "shift+tab": true, "backspace": true, "delete": true, "insert": true,
	"up": true, "down": true, "left": true, "right": true, "home": true, "end": true, "pgup": true, "pgdown": true,
	"f1": true, "f2": true, "f3": true, "f4": true, "f5": true, "f6": true, "f7": true, "f8": true, "f9": true,
	"f10": true, "f11": true, "f12": true,
}

// normalizeKey checks a key as written in [keys] and returns its
// bubbletea name: one printable character, a named key, "space", or
// ctrl+ or alt+ with a letter or a named key.
func normalizeKey(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "space", " ":
		return " ", true
	case "pagedown", "pgdn":
		return "pgdown", true
	case "pageup":
		return "pgup", true
	case "escape":
		return "esc", true
	case "return":
		return "enter", true
	}
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		return s, r > ' ' && r != 0x7f && !(r >= 0x80 && r < 0xa0) && r != utf8.RuneError
	}
	l := strings.ToLower(s)
	if namedKeys[l] {
		return l, true
	}
	for _, mod := range []string{"ctrl+", "alt+"} {
		if rest, ok := strings.CutPrefix(l, mod); ok {
			if len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z' || namedKeys[rest] {
				return l, true
			}
			if mod == "alt+" && utf8.RuneCountInString(s[4:]) == 1 {
				r, _ := utf8.DecodeRuneInString(s[4:])
				return "alt+" + s[4:], r > ' ' && r != 0x7f && r != utf8.RuneError
			}
		}
	}
	return "", false
}

// keySymbols are how help shows some keys.
var keySymbols = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", " ": "space", "pgdown": "pgdn", "backspace": "⌫",
}

// KeyLabel is how help shows a key: "↑", "space", "ctrl+f", "x".
func KeyLabel(key string) string {
	if s, ok := keySymbols[key]; ok {
		return s
	}
	return key
}

// KeysLabel is how help shows an action's keys: the first two, "↑/k".
func KeysLabel(keys []string) string {
	var labels []string
	for _, key := range keys {
		labels = append(labels, KeyLabel(key))
		if len(labels) == 2 {
			break
		}
	}
	return strings.Join(labels, "/")
}

// String lists the user's bindings as a [keys] section would say them,
// in catalogue order ("" when there are none): what brief config shows.
func (k Keys) String() string {
	var b strings.Builder
	for _, name := range actionNames() {
		keys, ok := k.set[name]
		if !ok {
			continue
		}
		var quoted []string
		for _, key := range keys {
			if key == " " {
				key = "space"
			}
			quoted = append(quoted, fmt.Sprintf("%q", key))
		}
		fmt.Fprintf(&b, "%s = [%s]\n", name, strings.Join(quoted, ", "))
	}
	return b.String()
}
