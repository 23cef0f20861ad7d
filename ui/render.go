package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// mode is how an article is shown.
type mode int

const (
	modeFull mode = iota
	modeSummary
)

func (m mode) String() string {
	if m == modeSummary {
		return "SUMMARY"
	}
	return "FULL"
}

// maxReadWidth is the widest the text runs, margins included: lines of
// 80-odd columns read best, so wider terminals centre the text.
const maxReadWidth = 92

// renderKey identifies one rendering of an article: the cache key.
type renderKey struct {
	Loc   string
	Mode  mode
	Width int // terminal width
	Style string
}

// renderOptions fixes how glamour renders: a named standard style
// ("dark", "light", "notty"...) and a colour profile.
type renderOptions struct {
	Style   string
	Profile termenv.Profile
}

// readWidth is the width the text is wrapped to in a terminal this wide.
func readWidth(termWidth int) int {
	return max(min(termWidth, maxReadWidth), 20)
}

// render turns markdown into terminal text wrapped to the reading width
// and centred in termWidth. It takes tens of milliseconds for a long
// article, so it only ever runs in a Cmd.
func render(md string, termWidth int, o renderOptions) (string, error) {
	w := readWidth(termWidth)
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(o.Style),
		glamour.WithColorProfile(o.Profile),
		glamour.WithWordWrap(w-4), // the style's margins take the rest
	)
	if err != nil {
		return "", err
	}
	md, sub := protectHyphens(reader.ForRenderer(md, w-4))
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

// documentMarkdown is what gets rendered for an article in a mode. A
// body beyond the display limits is cut, with a notice saying so (see
// reader.ExcerptMarkdown); it runs in the render Cmd, as it reads the
// whole body.
func documentMarkdown(d *doc, m mode) string {
	if m == modeFull {
		x := reader.ExcerptMarkdown(d.art.Body)
		md := readable(x.Text)
		if x.Truncated {
			md += "\n\n---\n\n*" + reader.TruncationNotice(x, d.art.Words, reader.ReadCommand(d.art.Location)) + "*\n"
		}
		return md
	}
	var b strings.Builder
	switch {
	case errors.Is(d.sumErr, summarizer.ErrEmpty):
		b.WriteString("*Nothing to summarise.*\n\n")
	case d.sumErr != nil:
		b.WriteString("*No summary: " + escapeMarkdown(d.sumErr.Error()) + "*\n\n")
	default:
		// The sentences are plain text: escaped, so that a star or a
		// bracket in them stays a character.
		b.WriteString("**Key points**\n\n")
		for _, s := range d.sum.Sentences {
			b.WriteString("- " + escapeMarkdown(s) + "\n")
		}
		b.WriteString("\n")
	}
	if d.sum.Truncated {
		fmt.Fprintf(&b, "*The article is long: this summary is of its first %s words.*\n\n", reader.Thousands(summarizer.MaxInputWords))
	}
	b.WriteString("*Press s for the full article.*\n")
	return b.String()
}

// escapeMarkdown keeps a message from being read as markup.
func escapeMarkdown(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "#", `\#`)
	return r.Replace(s)
}
