package common

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/brief-news/brief/library/config"
)

// Palette is the handful of colours every style is built from, each
// with a light- and a dark-background variant. Every text colour meets
// WCAG AA (4.5:1) against the backgrounds it is drawn on, in both
// variants (styles_test.go computes it): light on white and on
// Solarized's cream, dark on black and on One Dark's grey.
type Palette struct {
	Accent, Text, Dim, Faint, Warn, Error, BadgeFg, SummaryBg lipgloss.AdaptiveColor
}

// DefaultPalette is brief's own palette.
func DefaultPalette() Palette {
	return Palette{
		Accent:    lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A78BFA"},
		Text:      lipgloss.AdaptiveColor{Light: "#1F1F1F", Dark: "#E6E6E6"},
		Dim:       lipgloss.AdaptiveColor{Light: "#5E5E5E", Dark: "#A8A8A8"},
		Faint:     lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#949494"},
		Warn:      lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#E3B341"},
		Error:     lipgloss.AdaptiveColor{Light: "#C0352B", Dark: "#FF7B72"},
		BadgeFg:   lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#1A1A1A"},
		SummaryBg: lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#56D364"},
	}
}

// With is the palette with the user's [colors] set over it.
func (p Palette) With(c config.Colors) Palette {
	roles := p.roles()
	for role, col := range c.Roles {
		dst := roles[role]
		if dst == nil {
			continue
		}
		if col.Light != "" {
			dst.Light = col.Light
		}
		if col.Dark != "" {
			dst.Dark = col.Dark
		}
	}
	return p
}

// roles are the palette's colours by their [colors] names
// (config.ColorRoles).
func (p *Palette) roles() map[string]*lipgloss.AdaptiveColor {
	return map[string]*lipgloss.AdaptiveColor{
		"accent": &p.Accent, "text": &p.Text, "dim": &p.Dim, "faint": &p.Faint,
		"warn": &p.Warn, "error": &p.Error, "badge_fg": &p.BadgeFg, "summary_bg": &p.SummaryBg,
	}
}

// Styles holds every style the reader draws with, built once from the
// palette and shared by pointer, so no view holds style literals.
type Styles struct {
	AppTitle lipgloss.Style

	Title       lipgloss.Style // a list row's headline
	TitleActive lipgloss.Style // the selected row's headline
	Meta        lipgloss.Style // a list row's source · date · time
	Snippet     lipgloss.Style // a list row's summary line
	Cursor      lipgloss.Style // the selection bar
	Unread      lipgloss.Style // the unread mark
	Read        lipgloss.Style // the read mark
	Empty       lipgloss.Style

	Headline  lipgloss.Style // the article's headline
	Byline    lipgloss.Style
	BadgeFull lipgloss.Style
	BadgeSum  lipgloss.Style
	Rule      lipgloss.Style
	Footer    lipgloss.Style
	LinkOK    lipgloss.Style // a followable previous/next target
	LinkOff   lipgloss.Style // a target that cannot be followed
	Match     lipgloss.Style // the current search match
	MatchAll  lipgloss.Style // the other matches
	ErrorHead lipgloss.Style
	ErrorText lipgloss.Style

	Status    lipgloss.Style
	StatusMsg lipgloss.Style
	Prompt    lipgloss.Style
	Spinner   lipgloss.Style
	HelpTitle lipgloss.Style
}

// DefaultStyles builds the styles from the default palette: each colour
// adapts to a light or a dark terminal.
func DefaultStyles() Styles { return PaletteStyles(DefaultPalette()) }

// NewStyles builds the styles from the default palette with the user's
// [colors] over it.
func NewStyles(c config.Colors) Styles { return PaletteStyles(DefaultPalette().With(c)) }

// PaletteStyles builds the styles from a palette.
func PaletteStyles(p Palette) Styles {
	badge := lipgloss.NewStyle().Bold(true).Padding(0, 1).Foreground(p.BadgeFg)
	return Styles{
		AppTitle: lipgloss.NewStyle().Bold(true).Foreground(p.Accent),

		Title:       lipgloss.NewStyle().Foreground(p.Text),
		TitleActive: lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
		Meta:        lipgloss.NewStyle().Foreground(p.Dim),
		Snippet:     lipgloss.NewStyle().Foreground(p.Faint),
		Cursor:      lipgloss.NewStyle().Foreground(p.Accent),
		Unread:      lipgloss.NewStyle().Foreground(p.Accent),
		Read:        lipgloss.NewStyle().Foreground(p.Faint),
		Empty:       lipgloss.NewStyle().Foreground(p.Dim).Italic(true),

		Headline:  lipgloss.NewStyle().Bold(true).Foreground(p.Text),
		Byline:    lipgloss.NewStyle().Foreground(p.Dim),
		BadgeFull: badge.Background(p.Accent),
		BadgeSum:  badge.Background(p.SummaryBg),
		Rule:      lipgloss.NewStyle().Foreground(p.Faint),
		Footer:    lipgloss.NewStyle().Foreground(p.Dim),
		LinkOK:    lipgloss.NewStyle().Foreground(p.Accent),
		LinkOff:   lipgloss.NewStyle().Foreground(p.Faint),
		Match:     lipgloss.NewStyle().Reverse(true),
		MatchAll:  lipgloss.NewStyle().Underline(true).Bold(true),
		ErrorHead: lipgloss.NewStyle().Bold(true).Foreground(p.Error),
		ErrorText: lipgloss.NewStyle().Foreground(p.Text),

		Status:    lipgloss.NewStyle().Foreground(p.Dim),
		StatusMsg: lipgloss.NewStyle().Foreground(p.Warn),
		Prompt:    lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
		Spinner:   lipgloss.NewStyle().Foreground(p.Accent),
		HelpTitle: lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
	}
}
