package present

import (
	"errors"
	"strings"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// Summarize summarises an article: the one way brief does it, for `brief
// summary` (text and --json), `brief read --json` and the reader alike.
// The body goes in as it is; the summarizer reads it as a person does
// (summarizer.Input: link text without targets, no images, no footnote
// markers), so every view gets the same sentences.
func Summarize(a *reader.Article, o summarizer.Options) (summarizer.Summary, error) {
	return summarizer.Summarize(summarizer.Document{Title: a.Title, Body: a.Body}, o)
}

// longSummary says that a summary is of the start of an article only
// (summarizer.Summary.Truncated).
var longSummary = "the article is long: this summary is of its first " +
	reader.Thousands(summarizer.MaxInputWords) + " words"

// LongSummaryNotice is longSummary as a sentence, in the summary's
// markdown (SummaryMarkdown).
var LongSummaryNotice = "T" + longSummary[1:] + "."

// LongSummaryWarning is longSummary as a one-line warning about the
// article at loc, where the summary itself cannot say it (`brief summary`
// piped or --json).
func LongSummaryWarning(loc string) string { return loc + ": " + longSummary }

// ShortNotice heads the summary of an article too short to summarise
// (summarizer.Summary.Short), which is the article's text.
const ShortNotice = "Short article: shown in full"

// SummaryHeader is the headline and meta line above a summary where no
// header is drawn around it (`brief summary` on a terminal); "" for an
// article without a title (a --plain text).
func SummaryHeader(a *reader.Article) string {
	if a.Title == "" {
		return ""
	}
	return "# " + Escape(a.Title) + "\n\n*Summary · " + Escape(Meta(a)) + "*\n\n"
}

// SummaryMarkdown is a summary as markdown: the key points, or why there
// are none (err from Summarize), and the notice of a long article. The
// reader's summary view and `brief summary` on a terminal both render it.
func SummaryMarkdown(s summarizer.Summary, err error) string {
	var b strings.Builder
	switch {
	case errors.Is(err, summarizer.ErrEmpty):
		b.WriteString("*Nothing to summarise.*\n\n")
	case err != nil:
		b.WriteString("*No summary: " + Escape(err.Error()) + "*\n\n")
	case s.Short:
		// Too short to summarise: the whole text, saying so, rather
		// than "key points" that are all of it.
		b.WriteString("**" + ShortNotice + "**\n\n")
		for _, x := range s.Sentences {
			b.WriteString(Escape(x) + "\n")
		}
		b.WriteString("\n")
	default:
		// The sentences are plain text: escaped, so that a star or a
		// bracket in them stays a character.
		b.WriteString("**Key points**\n\n" + pointsMarkdown(s.Sentences))
	}
	if s.Truncated {
		b.WriteString("*" + LongSummaryNotice + "*\n\n")
	}
	return b.String()
}

// PlainSummary is a summary as plain text, for pipes and NO_COLOR: the
// title, a blank line, a sentence a line. Cleaned.
func PlainSummary(a *reader.Article, s summarizer.Summary) string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString(a.Title + "\n\n")
	}
	for _, x := range s.Sentences {
		b.WriteString(x + "\n")
	}
	return reader.Clean(b.String())
}
