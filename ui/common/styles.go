package common

import "github.com/charmbracelet/lipgloss"

// palette is the handful of colours every style is built from, each
// with a light- and a dark-background variant.
var palette = struct {
	Accent, Text, Dim, Faint, Warn, Error, BadgeFg, SummaryBg lipgloss.AdaptiveColor
}{
	Accent:    lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A78BFA"},
	Text:      lipgloss.AdaptiveColor{Light: "#1F1F1F", Dark: "#E6E6E6"},
	Dim:       lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"},
	Faint:     lipgloss.AdaptiveColor{Light: "#A0A0A0", Dark: "#5C5C5C"},
	Warn:      lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"},
	Error:     lipgloss.AdaptiveColor{Light: "#C0352B", Dark: "#FF7B72"},
	BadgeFg:   lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#1A1A1A"},
	SummaryBg: lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#56D364"},
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
	ErrorHead lipgloss.Style
	ErrorText lipgloss.Style

	Status    lipgloss.Style
	StatusMsg lipgloss.Style
	Prompt    lipgloss.Style
	Spinner   lipgloss.Style
	HelpTitle lipgloss.Style
}

// DefaultStyles builds the styles from the palette: each colour adapts
// to a light or a dark terminal.
func DefaultStyles() Styles {
	p := palette
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
		ErrorHead: lipgloss.NewStyle().Bold(true).Foreground(p.Error),
		ErrorText: lipgloss.NewStyle().Foreground(p.Text),

		Status:    lipgloss.NewStyle().Foreground(p.Dim),
		StatusMsg: lipgloss.NewStyle().Foreground(p.Warn),
		Prompt:    lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
		Spinner:   lipgloss.NewStyle().Foreground(p.Accent),
		HelpTitle: lipgloss.NewStyle().Bold(true).Foreground(p.Accent),
	}
}
