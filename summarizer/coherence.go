package summarizer

import (
	"strings"
	"unicode"

	"github.com/brief-news/brief/summarizer/internal/lexicon"
	"github.com/brief-news/brief/summarizer/internal/sentences"
)

// A summary is read without the article around it, so a chosen sentence
// must not lean on one that was left out: "But the council refused."
// answers something the reader never saw, and "He said the plan would
// fail." names nobody. Such a sentence is taken only with its predecessor
// (chosen first on its own merit), and a sentence that opens a quotation
// closing in a later sentence is never taken alone.

// opener classifies how a sentence begins.
type opener uint8

const (
	openPlain      opener = iota
	openConnective        // "But", "However", "Instead"…: answers the sentence before
	openPronoun           // "He", "They", "This is"…: refers to a subject named before
)

// connectives open a sentence that only makes sense after the one before.
var connectives = lexicon.Set(`but and or so yet instead however meanwhile nevertheless
nonetheless moreover furthermore besides also then thus therefore hence
otherwise likewise similarly consequently indeed still plus additionally
again rather accordingly regardless nor`)

// pronouns as a sentence's first word stand for someone named before.
var pronouns = lexicon.Set(`he she they it his her their its him them we`)

// demonstratives are references only as subjects: "This is wrong" leans
// on what came before; "This week the council voted" does not.
var demonstratives = lexicon.Set(`this that these those such`)

// timeNouns after a demonstrative make it a time phrase, not a reference.
var timeNouns = lexicon.Set(`year week month morning afternoon evening night weekend
summer winter spring autumn fall season time year's week's month's day
decade century term quarter`)

// openerOf reads a sentence's first words.
func openerOf(s string) opener {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return openPlain
	}
	if r := []rune(ws[0])[0]; sentences.IsOpener(r) || r == '“' || r == '‘' {
		// A quotation: "We" and "This" are the speaker's, not the
		// article's.
		return openPlain
	}
	first := bareWord(ws[0])
	if first == "" || !unicode.IsUpper([]rune(first)[0]) {
		// Not a capitalised word: a quotation mark alone, a digit,
		// another script, or a sentence the splitter began mid-way.
		return openPlain
	}
	lw := strings.ToLower(first)
	switch {
	case connectives[lw]:
		return openConnective
	case pronouns[lw]:
		return openPronoun
	case demonstratives[lw]:
		if len(ws) > 1 && timeNouns[strings.ToLower(bareWord(ws[1]))] {
			return openPlain
		}
		return openPronoun
	}
	return openPlain
}

// bareWord strips punctuation from both ends of a word.
func bareWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
}

// quoteState marks sentences inside a quotation that spans sentences:
// opens reports that a quotation opened in sentence i is still open at
// its end; continues that sentence i starts inside one. Straight double
// quotes toggle; curly ones open and close. A quotation still open after
// maxQuoteRun sentences is taken for a stray mark (news often leaves a
// long quotation open across paragraphs) and forgotten.
func quoteState(cs []candidate) (opens, continues []bool) {
	const maxQuoteRun = 4
	n := len(cs)
	opens, continues = make([]bool, n), make([]bool, n)
	in, single, since := false, false, 0
	for i, c := range cs {
		continues[i] = in
		switch {
		case single:
			// Inside a single-quoted quotation only its close counts.
			if singleQuoteCloses(c.text) {
				in, single = false, false
			}
		default:
			for _, r := range c.text {
				switch r {
				case '"':
					in = !in
				case '“':
					in = true
				case '”':
					in = false
				}
			}
			if !in && !continues[i] && singleQuoteOpens(c.text) {
				in, single = true, true
			}
		}
		if !in {
			since = 0
			continue
		}
		if since++; since > maxQuoteRun {
			// The run was not a quotation after all.
			in, single, since = false, false, 0
			for k := i; k >= 0 && k > i-maxQuoteRun-1; k-- {
				opens[k], continues[k] = false, false
			}
			continue
		}
		opens[i] = true
	}
	return opens, continues
}

// raggedQuotes marks the sentences whose own quotation marks do not
// balance and that belong to no quotation quoteState follows (one it
// took for stray, or too long to take whole): alone in a summary, each
// would open a quotation that never closes or close one never opened.
func raggedQuotes(cs []candidate, opens, continues []bool) []bool {
	out := make([]bool, len(cs))
	for i, c := range cs {
		if opens[i] || continues[i] {
			continue
		}
		out[i] = strings.Count(c.text, `"`)%2 == 1 || strings.Count(c.text, "“") != strings.Count(c.text, "”")
	}
	return out
}

// singleQuoteOpens reports a sentence that opens with a single quotation
// mark ('…  or ‘…) that it never closes: British style, where the rest of
// the quotation follows in the next sentence.
func singleQuoteOpens(s string) bool {
	if !strings.HasPrefix(s, "'") && !strings.HasPrefix(s, "‘") {
		return false
	}
	rs := []rune(s)
	for k := 1; k < len(rs); k++ {
		if rs[k] != '\'' && rs[k] != '’' {
			continue
		}
		// A closing mark follows punctuation or ends a word before a
		// space: ", '" "!' he said"; an apostrophe sits inside a word.
		prev := rs[k-1]
		nextIsWordEnd := k+1 == len(rs) || rs[k+1] == ' ' || rs[k+1] == ',' || rs[k+1] == '.'
		if (prev == ',' || prev == '.' || prev == '!' || prev == '?') || (nextIsWordEnd && prev != 's') {
			return false
		}
	}
	return true
}

// singleQuoteCloses reports a closing single quotation mark: one after
// sentence punctuation (",' she said", ".'").
func singleQuoteCloses(s string) bool {
	prev := ' '
	for _, r := range s {
		if (r == '\'' || r == '’') && (prev == ',' || prev == '.' || prev == '!' || prev == '?') {
			return true
		}
		prev = r
	}
	return false
}

// dependsOnPrev reports sentences that may be chosen only if the sentence
// before them is chosen too.
func dependsOnPrev(c candidate, continues bool) bool {
	return continues || c.opener != openPlain
}
