package ui

import (
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/present"
)

// mode is how an article is shown (common.Mode, which the article view
// draws as its badge); the short names keep the root's code readable.
type mode = common.Mode

const (
	modeFull    = common.ModeFull
	modeSummary = common.ModeSummary
)

// renderKey identifies one rendering of an article: the cache key.
type renderKey struct {
	Loc   string
	Mode  mode
	Width int // terminal width
	Style string
	// Variant is the version of the model summary shown in the summary
	// view (modelsum.State.Variant): each piece streamed in is a new
	// rendering. 0 for none.
	Variant int
}

// renderOptions fixes how glamour renders (present.RenderOptions).
type renderOptions = present.RenderOptions

// documentMarkdown is what gets rendered for an article in a mode: the
// body in reading form, cut to the display limits with a notice
// (present.BodyMarkdown), or the summary (present.SummaryMarkdown; with
// a model's summary, present.ModelSummaryMarkdown). It reads the whole
// body, so it runs in the render Cmd.
func documentMarkdown(d *doc, m mode) string {
	switch {
	case m == modeFull:
		return present.BodyMarkdown(d.art.Body, d.art.Words, present.ReadCommand(d.art.Location))
	case d.model != nil:
		return present.ModelSummaryMarkdown(*d.model, d.sum, d.sumErr) + "*Press s for the full article.*\n"
	}
	return present.SummaryMarkdown(d.sum, d.sumErr) + "*Press s for the full article.*\n"
}
