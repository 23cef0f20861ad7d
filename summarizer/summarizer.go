// Package summarizer turns a news article into its key sentences, offline
// and deterministically. It knows nothing of the terminal or of files.
package summarizer

import (
	"errors"
	"strings"
)

// ErrEmpty is returned for a document with no text to summarise.
var ErrEmpty = errors.New("nothing to summarise")

// Document is what gets summarised: a headline and a markdown body.
type Document struct {
	Title string
	Body  string // markdown
}

// Options sets the length of a summary. With both zero, 3 sentences.
type Options struct {
	Sentences int // at most this many sentences (0: default 3 unless MaxWords is set)
	MaxWords  int // word budget (0: none)
}

// Summary holds the chosen sentences in reading order.
type Summary struct {
	Sentences []string
}

// Summarize picks the key sentences of d. PLACEHOLDER: first sentences
// (replaced by the ranking summarizer of the summaries issue).
func Summarize(d Document, o Options) (Summary, error) {
	n := o.Sentences
	if n <= 0 {
		n = 3
	}
	var out []string
	for _, para := range strings.Split(d.Body, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		for para != "" && len(out) < n {
			i := strings.IndexAny(para, ".!?")
			if i < 0 {
				out = append(out, para)
				break
			}
			out = append(out, strings.TrimSpace(para[:i+1]))
			para = strings.TrimSpace(para[i+1:])
		}
	}
	if len(out) == 0 {
		return Summary{}, ErrEmpty
	}
	return Summary{Sentences: out}, nil
}

// KeyPoints renders the summary as a markdown bullet list.
func (s Summary) KeyPoints() string {
	var b strings.Builder
	for _, x := range s.Sentences {
		b.WriteString("- " + x + "\n")
	}
	return b.String()
}

// Text renders the summary as one paragraph.
func (s Summary) Text() string { return strings.Join(s.Sentences, " ") }
