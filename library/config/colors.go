package config

// The [colors] section: the palette (light or dark, or forced), its
// colours, and the glamour style of articles.
//
//	[colors]
//	theme = "light"              # auto (ask the terminal), light or dark
//	glamour = "dracula"          # the articles' glamour style
//	accent = "#5A3FC0"           # one colour for both palettes
//	dim = ["#555555", "#B0B0B0"] # [on light, on dark]

import (
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// ColorRoles are the palette's colours a [colors] section may set, as
// the reader's styles use them.
var ColorRoles = []string{"accent", "text", "dim", "faint", "warn", "error", "badge_fg", "summary_bg"}

// Themes are the values of colors.theme: auto asks the terminal for its
// background (and falls back to COLORFGBG).
var Themes = []string{"auto", "light", "dark"}

// GlamourStyles are glamour's built-in styles (v1.0.0), and auto.
var GlamourStyles = []string{"auto", "ascii", "dark", "dracula", "light", "notty", "pink", "tokyo-night"}

// Color is one palette colour as set in [colors]: for a light and for
// a dark background; "" keeps the default of that palette.
type Color struct{ Light, Dark string }

// Colors is the [colors] section.
type Colors struct {
	Theme   string           // "" or one of Themes
	Glamour string           // "" or one of GlamourStyles
	Roles   map[string]Color // by ColorRoles name
}

// decodeColors reads the [colors] table; each problem is one warning
// naming the key ("colors.accent"), and that setting keeps its default.
func decodeColors(md toml.MetaData, prim toml.Primitive, warnf func(key, format string, a ...any)) Colors {
	warn := keyNamed(warnf)
	c := Colors{Roles: map[string]Color{}}
	raw, order, ok := sectionTable(md, prim, "colors")
	if !ok {
		warn("colors", "[colors] must be a table (using the default colours)")
		return c
	}
	for _, key := range order {
		name := "colors." + key
		switch {
		case key == "theme" || key == "glamour":
			allowed := Themes
			if key == "glamour" {
				allowed = GlamourStyles
			}
			var v string
			if md.PrimitiveDecode(raw[key], &v) != nil || !slices.Contains(allowed, strings.ToLower(v)) {
				warn(name, "%s must be one of %s (using auto)", name, strings.Join(allowed, ", "))
				continue
			}
			if key == "theme" {
				c.Theme = strings.ToLower(v)
			} else {
				c.Glamour = strings.ToLower(v)
			}
		case slices.Contains(ColorRoles, key):
			col, ok := decodeColor(md, raw[key])
			if !ok {
				warn(name, `%s must be a colour like "#5A3FC0" or "141", or ["on light", "on dark"] (using the default)`, name)
				continue
			}
			c.Roles[key] = col
		default:
			warn(name, "unknown setting %q in [colors] (theme, glamour, %s)", oneLine(key), strings.Join(ColorRoles, ", "))
		}
	}
	return c
}

// String is the section as Save writes it ("" when nothing is set).
func (c Colors) String() string {
	var b strings.Builder
	if c.Theme != "" {
		b.WriteString("theme = " + strconv.Quote(c.Theme) + "\n")
	}
	if c.Glamour != "" {
		b.WriteString("glamour = " + strconv.Quote(c.Glamour) + "\n")
	}
	for _, role := range ColorRoles {
		col, ok := c.Roles[role]
		switch {
		case !ok:
		case col.Light == col.Dark:
			b.WriteString(role + " = " + strconv.Quote(col.Light) + "\n")
		default:
			b.WriteString(role + " = [" + strconv.Quote(col.Light) + ", " + strconv.Quote(col.Dark) + "]\n")
		}
	}
	return b.String()
}

// decodeColor reads "#RRGGBB", "141" or a [light, dark] pair.
func decodeColor(md toml.MetaData, prim toml.Primitive) (Color, bool) {
	var one string
	if md.PrimitiveDecode(prim, &one) == nil {
		return Color{one, one}, ValidColor(one)
	}
	var two []string
	if md.PrimitiveDecode(prim, &two) == nil && len(two) == 2 && ValidColor(two[0]) && ValidColor(two[1]) {
		return Color{two[0], two[1]}, true
	}
	return Color{}, false
}

// ValidColor reports whether s is a colour lipgloss takes: "#RGB",
// "#RRGGBB" or an ANSI-256 number.
func ValidColor(s string) bool {
	if n, err := strconv.Atoi(s); err == nil {
		return n >= 0 && n <= 255 && s == strconv.Itoa(n)
	}
	hex := strings.TrimPrefix(s, "#")
	if hex == s || (len(hex) != 3 && len(hex) != 6) {
		return false
	}
	_, err := strconv.ParseUint(hex, 16, 32)
	return err == nil
}
