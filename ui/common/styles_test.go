package common

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/internal/wcag"
	"github.com/brief-news/brief/library/config"
)

// The backgrounds text is drawn on when a style sets none: the
// terminal's, for which these stand in, the usual plain one and a
// common tinted one of each kind.
var terminalBackgrounds = map[bool][]string{
	false: {"#FFFFFF", "#FDF6E3"}, // light: white, Solarized's cream
	true:  {"#000000", "#282C34"}, // dark: black, One Dark's grey
}

// Every text colour of the styles meets WCAG AA (4.5:1) against the
// background it is drawn on, in the light and the dark palette, as
// true colour and as the 256 colours a terminal without true colour
// gets.
func TestStylesMeetWCAGAA(t *testing.T) {
	st := DefaultStyles()
	v := reflect.ValueOf(st)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		s := v.Field(i).Interface().(lipgloss.Style)
		fg, ok := s.GetForeground().(lipgloss.AdaptiveColor)
		if !ok {
			continue // no colour of its own (reverse video, the terminal's text)
		}
		for _, dark := range []bool{false, true} {
			f := pick(fg, dark)
			bgs := terminalBackgrounds[dark]
			if bg, ok := s.GetBackground().(lipgloss.AdaptiveColor); ok {
				bgs = []string{pick(bg, dark)} // a badge: its own background
			}
			for _, b := range bgs {
				for _, pair := range [][2]string{{f, b}, {ansi256(f), ansi256(b)}} {
					r, err := wcag.Contrast(pair[0], pair[1])
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if r < wcag.AA {
						t.Errorf("%s (dark %v): %s on %s is %.2f:1, below %.1f:1", name, dark, pair[0], pair[1], r, wcag.AA)
					}
				}
			}
		}
	}
}

// The issue's own figures: the old list line fell short in both.
func TestOldSnippetColourFailed(t *testing.T) {
	for _, c := range [][2]string{{"#A0A0A0", "#FFFFFF"}, {"#5C5C5C", "#000000"}} {
		if r, _ := wcag.Contrast(c[0], c[1]); r >= wcag.AA {
			t.Errorf("%s on %s: %.2f", c[0], c[1], r)
		}
	}
}

func pick(c lipgloss.AdaptiveColor, dark bool) string {
	if dark {
		return c.Dark
	}
	return c.Light
}

// ansi256 is the colour a 256-colour terminal shows for hex, as
// lipgloss degrades it, written as its palette number.
func ansi256(hex string) string {
	c, ok := termenv.ANSI256.Color(hex).(termenv.ANSI256Color)
	if !ok {
		return hex
	}
	return c.String()
}

// [colors] sets the palette's colours, one for both backgrounds or a
// pair; the rest stay brief's.
func TestUserColors(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("[colors]\naccent = \"#123456\"\ndim = [\"#222222\", \"#DDDDDD\"]\n"), 0o644)
	cfg, warns, err := config.LoadChecked(p)
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	st := NewStyles(cfg.Colors)
	if fg := st.AppTitle.GetForeground().(lipgloss.AdaptiveColor); fg.Light != "#123456" || fg.Dark != "#123456" {
		t.Errorf("accent %+v", fg)
	}
	if fg := st.Meta.GetForeground().(lipgloss.AdaptiveColor); fg.Light != "#222222" || fg.Dark != "#DDDDDD" {
		t.Errorf("dim %+v", fg)
	}
	if fg := st.Title.GetForeground().(lipgloss.AdaptiveColor); fg != DefaultPalette().Text {
		t.Errorf("text changed: %+v", fg)
	}
}

// Every colour [colors] accepts (config.ColorRoles) is one of the
// palette's, and every palette colour can be set.
func TestPaletteRolesAreTheConfigRoles(t *testing.T) {
	p := DefaultPalette()
	roles := p.roles()
	if len(roles) != len(config.ColorRoles) {
		t.Errorf("%d palette roles, %d in config.ColorRoles", len(roles), len(config.ColorRoles))
	}
	for _, r := range config.ColorRoles {
		if roles[r] == nil {
			t.Errorf("[colors] %s sets no palette colour", r)
		}
	}
}
