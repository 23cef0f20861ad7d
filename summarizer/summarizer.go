// Package summarizer turns a news article into its key sentences, offline
// and deterministically. It knows nothing of the terminal or of files.
//
// The pipeline: markdown is stripped to blocks (paragraphs, list items,
// headings); bylines, datelines and page furniture are cleaned away;
// paragraphs are split into sentences; captions, boilerplate and fragments
// are dropped; the rest are scored by a learned ranker (boosted trees over
// position, length, centrality, headline and lede similarity, cue words and
// the sentence's shape; see model.go and features.go); the best are chosen
// without repeats and without leaving a sentence cut off from the one it
// leans on (select.go), and given back in reading order.
package summarizer

import (
	"errors"
	"strings"
	"unicode"

	"github.com/brief-news/brief/summarizer/internal/sentences"
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
	Sentences int // at most this many sentences (0: default 3 unless MaxWords is set; never over MaxSentences)
	MaxWords  int // word budget (0: none)
}

// Summary holds the chosen sentences in reading order.
type Summary struct {
	Sentences []string
	// Truncated says the body was longer than MaxInputWords and only its
	// first MaxInputWords words were summarised.
	Truncated bool
	// Short says the article is too short to summarise (under
	// ShortWords words or ShortSentences sentences): Sentences are all of
	// it, in order, and a view says so rather than call them key points.
	Short bool
}

// An article under ShortWords words or ShortSentences sentences is
// shown whole in place of a summary: three points picked from four
// sentences would pretend to a summary that is not there.
const (
	ShortWords     = 120
	ShortSentences = 4
)

// MaxInputWords bounds the text a summary is chosen from. Summarising
// costs about 1.2 ms and 0.3 MB per 1,000 words (a million took 3 s and
// 260 MB), and a news summary comes from an article's start: a longer
// body (a book, a log) is summarised from its first 50,000 words.
const MaxInputWords = 50_000

// Summarize picks the key sentences of d.
func Summarize(d Document, o Options) (Summary, error) {
	return summarize(d, o, defaults)
}

// Input is the text a summary of d is chosen from, as plain text: the
// body cut to its first MaxInputWords words, with its markdown read the
// way a person reads it — link text without the targets, no images,
// autolinks, footnote markers ("[2]", Wikipedia's "[[2]](…)"), code
// blocks or HTML, emphasis and entities resolved — a paragraph, list
// item or heading a line, blank lines between. Summarize reads exactly
// these blocks; a summary by other means (a language model) is to be
// given this text and d.Title.
func Input(d Document) string {
	blocks, _ := input(d)
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = b.text
	}
	return strings.Join(texts, "\n\n")
}

// input is Input as blocks; cut says the body was longer than
// MaxInputWords.
func input(d Document) ([]block, bool) {
	body, cut := FirstWords(d.Body, MaxInputWords)
	return parseMarkdown(body), cut
}

func summarize(d Document, o Options, p params) (Summary, error) {
	cs, title, cut, err := prepare(d)
	if err != nil {
		return Summary{}, err
	}
	if o.Sentences <= 0 && o.MaxWords <= 0 && isShort(cs) {
		// Only for the default budget: one the reader asked for
		// (--sentences, --words) is kept.
		out := make([]string, len(cs))
		for i := range cs {
			out[i] = cs[i].text
		}
		return Summary{Sentences: out, Short: true}, nil
	}
	picked := chooseCoherent(cs, rankAll(cs, title, p, learned), o, p)
	out := make([]string, len(picked))
	for k, i := range picked {
		out[k] = cs[i].text
	}
	return Summary{Sentences: out, Truncated: cut}, nil
}

// isShort reports whether an article of these sentences is too short
// to summarise.
func isShort(cs []candidate) bool {
	words := 0
	for _, c := range cs {
		words += c.words
		// Chinese and Japanese are written without spaces: a word is
		// about two characters.
		ideographs := 0
		for _, r := range c.text {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				ideographs++
			}
		}
		words += ideographs / 2
	}
	return len(cs) < ShortSentences || words < ShortWords
}

// prepare cleans and splits d's body into candidates with their tf-idf
// vectors, and vectorises the title with them; cut says the body was
// longer than MaxInputWords.
func prepare(d Document) (cs []candidate, title sparse, cut bool, err error) {
	blocks, cut := input(d)
	cands, headings := candidates(blocks)
	if len(cands) == 0 {
		// A body of headings only, or of fragments only: better to give
		// them back than to say there is nothing.
		cands = headings
	}
	if len(cands) == 0 {
		return nil, nil, cut, ErrEmpty
	}
	v := newVocab()
	lists := make([][]int, len(cands)+1)
	cs = make([]candidate, len(cands)+1)
	for i, s := range cands {
		cs[i] = candidate{text: s, pos: i, words: wordCount(s),
			detached: strings.HasSuffix(s, " ."),
			quote:    strings.IndexAny(s, "\"'“‘") == 0,
			opener:   openerOf(s)}
		lists[i] = terms(s, v)
	}
	// The title is vectorised with the sentences so it shares their idf,
	// then taken off the end.
	lists[len(cands)] = terms(d.Title, v)
	vectorize(cs, lists, v.size())
	cues := cueWords()
	for i := range cands {
		cs[i].cue = cueScore(cs[i].vec, v.terms, cues)
	}
	return cs[:len(cands)], cs[len(cands)].vec, cut, nil
}

// FirstWords is the start of s holding at most n words, cut after a
// word; cut says s was longer. Callers that prepare a body for Summarize
// use it to do no more work than the summary will.
func FirstWords(s string, n int) (string, bool) {
	words, in := 0, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if in {
			continue
		}
		in = true
		if words++; words > n {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace), true
		}
	}
	return s, false
}

// Candidates returns the cleaned sentences of a markdown body in reading
// order, and separately its headings and any fragments cleaning dropped
// (kept only as a last resort for a body that has nothing else).
func Candidates(body string) (sentences, fallback []string) {
	return candidates(parseMarkdown(body))
}

func candidates(blocks []block) (sents, fallback []string) {
	for _, b := range blocks {
		if b.heading {
			fallback = append(fallback, b.text)
			continue
		}
		p := cleanParagraph(b.text)
		if p == "" {
			continue
		}
		if headline(p) {
			// A short line with no closing punctuation is a headline, a
			// label or navigation ("Next Article"), not prose.
			fallback = append(fallback, p)
			continue
		}
		for _, s := range sentences.Split(p) {
			if isDebris(s) {
				fallback = append(fallback, s)
			} else {
				sents = append(sents, s)
			}
		}
	}
	return sents, fallback
}

// headline reports whether a paragraph is a short line that does not end
// like a sentence.
func headline(p string) bool {
	if wordCount(p) >= 25 {
		return false
	}
	rs := []rune(p)
	i := len(rs) - 1
	for i > 0 && sentences.IsCloser(rs[i]) {
		i--
	}
	return !sentences.IsTerminal(rs[i]) && !sentences.IsCJKTerminal(rs[i])
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

// Sentences splits text into sentences. Blank lines separate paragraphs,
// and no sentence spans two, so a headline without a full stop stays on
// its own; single line breaks inside a paragraph are spaces.
func Sentences(text string) []string { return sentences.Sentences(text) }
