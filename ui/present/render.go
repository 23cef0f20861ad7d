package present

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// MaxReadWidth is the widest the text runs, margins included: lines of
// 80-odd columns read best, so wider terminals centre the text. The
// reader and `brief read`/`brief summary` on a terminal share it.
const MaxReadWidth = 92

// RenderOptions fix how glamour renders: a named standard style
// ("dark", "light", "notty"...; "auto" or "" asks the terminal for its
// background) and a colour profile (the zero value is true colour,
// glamour's own default).
type RenderOptions struct {
	Style   string
	Profile termenv.Profile
}

// ReadWidth is the width the text is wrapped to, margins included, in a
// terminal termWidth columns wide (0: unknown, taken as 80).
func ReadWidth(termWidth int) int {
	if termWidth <= 0 {
		termWidth = 80
	}
	return max(min(termWidth, MaxReadWidth), 20)
}

// Render turns markdown into terminal text wrapped to the reading width
// and centred in termWidth. It takes tens of milliseconds for a long
// article: the reader runs it only in a Cmd.
func Render(md string, termWidth int, o RenderOptions) (string, error) {
	if termWidth <= 0 {
		termWidth = 80
	}
	w := ReadWidth(termWidth)
	style := o.Style
	if style == "" {
		style = "auto"
	}
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithColorProfile(o.Profile),
		glamour.WithWordWrap(w-4), // the style's margins take the rest
	)
	if err != nil {
		return "", err
	}
	md, sub := protectHyphens(ForRenderer(md, w-4))
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	out = hangIndent(restoreHyphens(strings.Trim(out, "\n"), sub))
	if pad := (termWidth - w) / 2; pad > 0 {
		lines := strings.Split(out, "\n")
		sp := strings.Repeat(" ", pad)
		for i, l := range lines {
			lines[i] = sp + l
		}
		out = strings.Join(lines, "\n")
	}
	return out, nil
}

// listMarker matches the start of a rendered list item: glamour's
// bullet or an ordered item's number.
var listMarker = regexp.MustCompile(`^(• |\d+\. )`)

// hangIndent indents the wrapped lines of list items under the item's
// text, as glamour leaves them under its bullet.
func hangIndent(out string) string {
	lines := strings.Split(out, "\n")
	inItem, itemIndent, marker := false, 0, 0
	for i, l := range lines {
		plain := ansi.Strip(l)
		text := strings.TrimLeft(plain, " ")
		indent := len(plain) - len(text)
		switch m := listMarker.FindString(text); {
		case strings.TrimSpace(text) == "":
			inItem = false
		case m != "":
			inItem, itemIndent, marker = true, indent, ansi.StringWidth(m)
		case inItem && indent == itemIndent:
			lines[i] = strings.Repeat(" ", marker) + l
		default:
			inItem = false
		}
	}
	return strings.Join(lines, "\n")
}
