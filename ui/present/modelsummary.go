package present

import (
	"strconv"
	"strings"

	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/summarizer"
)

// ModelSummary is a model's summary as the summary view shows it: being
// written (streaming) or done.
type ModelSummary struct {
	Model    string
	Progress llm.Progress // the answer so far and, for a long article, the part
	Result   *llm.Result  // the answer, once complete; nil while it streams
}

// ModelSummaryMarkdown is the summary view of an article with a model's
// summary: the model's points once complete; while it streams, the
// answer so far above the offline summary (offline, offErr from
// Summarize), which stays until the model's is complete. The points are
// plain text, escaped, so that a model writing markdown or brackets
// shows them as characters.
func ModelSummaryMarkdown(s ModelSummary, offline summarizer.Summary, offErr error) string {
	var b strings.Builder
	if r := s.Result; r != nil {
		b.WriteString(pointsMarkdown(r.Points))
		if r.Parts > 1 {
			b.WriteString("*" + Escape(llm.PartsNote(r.Parts)) + "*\n\n")
		}
		return b.String()
	}
	p := s.Progress
	switch {
	case p.Part > 0:
		b.WriteString("*The article is long: " + Escape(s.Model) + " is summarising part " +
			strconv.Itoa(p.Part) + " of " + strconv.Itoa(p.Parts) + "…*\n\n")
	case p.Text == "":
		b.WriteString("*Asking " + Escape(s.Model) + "… (esc cancels)*\n\n")
	default:
		if p.Combining {
			b.WriteString("*The article is long: " + Escape(s.Model) + " is summarising its " +
				strconv.Itoa(p.Parts) + " parts together…*\n\n")
		}
		b.WriteString(pointsMarkdown(llm.Points(p.Text)))
		b.WriteString("*" + Escape(s.Model) + " is writing… (esc cancels)*\n\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(SummaryMarkdown(offline, offErr))
	return b.String()
}

// pointsMarkdown is a list of points as markdown, each escaped, and the
// blank line that ends the list.
func pointsMarkdown(points []string) string {
	var b strings.Builder
	for _, p := range points {
		b.WriteString("- " + Escape(p) + "\n")
	}
	b.WriteString("\n")
	return b.String()
}
