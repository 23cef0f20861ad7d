package ui

import (
	"github.com/brief-news/brief/ui/present"
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

// renderKey identifies one rendering of an article: the cache key.
type renderKey struct {
	Loc   string
	Mode  mode
	Width int // terminal width
	Style string
}

// renderOptions fixes how glamour renders (present.RenderOptions).
type renderOptions = present.RenderOptions

// documentMarkdown is what gets rendered for an article in a mode: the
// body in reading form, cut to the display limits with a notice
// (present.BodyMarkdown), or the summary (present.SummaryMarkdown). It
// reads the whole body, so it runs in the render Cmd.
func documentMarkdown(d *doc, m mode) string {
	if m == modeFull {
		return present.BodyMarkdown(d.art.Body, d.art.Words, present.ReadCommand(d.art.Location))
	}
	return present.SummaryMarkdown(d.sum, d.sumErr) + "*Press s for the full article.*\n"
}
