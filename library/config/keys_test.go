package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// load writes a settings file and loads it, checking that every
// warning is one line naming the file and a [keys]/[colors] key.
func load(t *testing.T, text string) (Config, []string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, warns, err := LoadChecked(p)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range warns {
		msg := w.Error()
		if !strings.HasPrefix(msg, p+": "+w.Key) || strings.ContainsAny(msg, "\n\r\x1b") {
			t.Errorf("warning %q is not one line naming the key %q", msg, w.Key)
		}
		msgs = append(msgs, strings.TrimPrefix(msg, p+": "))
	}
	return c, msgs
}

func TestKeysRebound(t *testing.T) {
	c, warns := load(t, `[keys]
save = ["x", "ctrl+s"]
page_down = "space"
links = ["Escape"]
`)
	if len(warns) != 0 {
		t.Errorf("warnings: %q", warns)
	}
	for _, v := range []string{ViewList, ViewArticle} {
		if got := c.Keys.For(v, "save"); !slices.Equal(got, []string{"x", "ctrl+s"}) {
			t.Errorf("%s save = %q", v, got)
		}
		if got := c.Keys.For(v, "page_down"); !slices.Equal(got, []string{" "}) {
			t.Errorf("%s page_down = %q", v, got)
		}
	}
	if !c.Keys.Bound("save") || c.Keys.Bound("read") {
		t.Error("Bound does not say which actions were rebound")
	}
	// Not rebound: the defaults.
	if got := c.Keys.For(ViewList, "read"); !slices.Equal(got, []string{"m"}) {
		t.Errorf("read = %q", got)
	}
	// esc was the article's way back to the list: links took it.
	if got := c.Keys.For(ViewArticle, "list"); !slices.Equal(got, []string{"q"}) {
		t.Errorf("list = %q, want q alone (links took esc)", got)
	}
	if n := c.Keys.Notes(); len(n) != 1 || n[0] != "keys.links: esc was list in the article view; now links" {
		t.Errorf("notes %q", n)
	}
	// A view without the action.
	if got := c.Keys.For(ViewFeeds, "links"); got != nil {
		t.Errorf("feeds links = %q", got)
	}
	if got := KeysLabel(c.Keys.For(ViewList, "page_down")); got != "space" {
		t.Errorf("label %q", got)
	}
}

func TestKeysProblemsAreOneLineWarnings(t *testing.T) {
	c, warns := load(t, `[keys]
frobnicate = ["x"]
save = ["x"]
read = ["x", "ctrl+!"]
quit = ["ctrl+c"]
help = []
refresh = 3
`)
	want := []string{
		`keys.frobnicate: unknown action "frobnicate" in [keys] (actions: ` + strings.Join(actionNames(), ", ") + ")",
		`keys.read: "ctrl+!" is not a key (a character, or a name like enter, esc, space, pgdown, ctrl+x)`,
		`keys.read: x is already bound to save in the list view (save keeps it)`,
		`keys.read: x is already bound to save in the article view (save keeps it)`,
		`keys.quit: ctrl+c always quits and cannot be rebound`,
		`keys.help has no key: the action could not be used (using the default)`,
		`keys.refresh must be a list of keys like ["x", "ctrl+x"] (using the default)`,
	}
	if !slices.Equal(warns, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	// The first binding of x keeps it; read, which won no key, keeps
	// its default; the others keep theirs.
	if got := c.Keys.For(ViewList, "save"); !slices.Equal(got, []string{"x"}) {
		t.Errorf("save = %q", got)
	}
	for action, keys := range map[string][]string{"read": {"m"}, "quit": {"q"}, "help": {"?"}, "refresh": {"r"}} {
		if got := c.Keys.For(ViewList, action); !slices.Equal(got, keys) {
			t.Errorf("%s = %q, want its default %q", action, got, keys)
		}
	}
}

// n is the next match while a search is active and the next article
// otherwise: binding one of them to n takes nothing from the other.
func TestKeysSharedByState(t *testing.T) {
	c, warns := load(t, "[keys]\nnext = [\"n\", \"L\"]\n")
	if len(warns) != 0 || len(c.Keys.Notes()) != 0 {
		t.Errorf("warnings %q, notes %q", warns, c.Keys.Notes())
	}
	if got := c.Keys.For(ViewArticle, "next_match"); !slices.Equal(got, []string{"n", "]"}) {
		t.Errorf("next_match = %q", got)
	}
}

func TestColors(t *testing.T) {
	c, warns := load(t, `[colors]
theme = "Light"
glamour = "dracula"
accent = "#5A3FC0"
dim = ["#555", "250"]
faint = "purple"
warn = ["#fff"]
shadow = "#000"
error = 256
`)
	want := []string{
		`colors.faint must be a colour like "#5A3FC0" or "141", or ["on light", "on dark"] (using the default)`,
		`colors.warn must be a colour like "#5A3FC0" or "141", or ["on light", "on dark"] (using the default)`,
		`colors.shadow: unknown setting "shadow" in [colors] (theme, glamour, ` + strings.Join(ColorRoles, ", ") + ")",
		`colors.error must be a colour like "#5A3FC0" or "141", or ["on light", "on dark"] (using the default)`,
	}
	if !slices.Equal(warns, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	cl := c.Colors
	if cl.Theme != "light" || cl.Glamour != "dracula" || cl.Roles["accent"] != (Color{"#5A3FC0", "#5A3FC0"}) ||
		cl.Roles["dim"] != (Color{"#555", "250"}) || len(cl.Roles) != 2 {
		t.Errorf("colors %+v", cl)
	}
	if _, warns := load(t, "[colors]\ntheme = \"sepia\"\nglamour = \"neon\"\n"); len(warns) != 2 ||
		warns[0] != "colors.theme must be one of auto, light, dark (using auto)" ||
		!strings.HasPrefix(warns[1], "colors.glamour must be one of auto, ascii,") {
		t.Errorf("theme and glamour: %q", warns)
	}
}

// Save writes [keys] and [colors] back; loading them again gives the
// same settings without a warning.
func TestKeysAndColorsRoundTrip(t *testing.T) {
	c, _ := load(t, `retention_days = 3
[keys]
save = ["x", "space"]
read = ["x", "M"]
[colors]
theme = "dark"
text = ["#111111", "#EEEEEE"]
`)
	q := filepath.Join(t.TempDir(), "saved.toml")
	if err := Save(q, c); err != nil {
		t.Fatal(err)
	}
	again, warns, err := LoadChecked(q)
	if err != nil || len(warns) != 0 || !again.Equal(c) {
		data, _ := os.ReadFile(q)
		t.Errorf("round trip: %v %v\n%s", err, warns, data)
	}
	if again.Equal(Default()) || !slices.Equal(again.Keys.For(ViewList, "read"), []string{"M"}) {
		t.Errorf("the bindings were lost: %+v", again.Keys)
	}
}

// README lists every action and colour a user can set.
func TestReadmeListsActionsAndColors(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("no README.md beside the module")
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	if want := "Actions: " + strings.Join(actionNames(), ", ") + "; colours: " + strings.Join(ColorRoles, ", ") + "."; !strings.Contains(text, want) {
		t.Errorf("README does not say %q", want)
	}
}
