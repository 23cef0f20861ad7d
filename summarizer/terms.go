package summarizer

import (
	"unicode"

	"github.com/brief-news/brief/summarizer/internal/lexicon"
	"github.com/brief-news/brief/summarizer/internal/porter"
)

// vocab gives each distinct term a small integer in order of first use,
// so that everything downstream iterates slices, never maps, and the same
// input always gives the same output.
type vocab struct {
	ids   map[string]int
	words map[string]int // surface word -> id, so each word is stemmed once
	terms []string       // id -> term
}

func newVocab() *vocab { return &vocab{ids: map[string]int{}, words: map[string]int{}} }

func (v *vocab) id(term string) int {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := len(v.ids)
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

func (v *vocab) size() int { return len(v.ids) }

// terms returns the content terms of s: lower-cased, stopwords dropped,
// English words Porter-stemmed. Letters of scripts written without spaces
// (Chinese, Japanese, Thai) become one term per character pair, so that
// such text still has something to compare.
func terms(s string, v *vocab) []int {
	var out []int
	var word []rune
	var prev rune
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		w := string(word)
		short := len(word) < 2 && !unicode.IsDigit(word[0])
		word = word[:0]
		if id, ok := v.words[w]; ok {
			out = append(out, id)
			return
		}
		if lexicon.Stopwords[w] || short {
			return
		}
		stem := w
		if isASCII(w) && len(w) > 3 {
			stem = porter.Stem(w)
		}
		id := v.id(stem)
		v.words[w] = id
		out = append(out, id)
	}
	for _, r := range s {
		switch {
		case unspaced(r):
			flushWord()
			if prev != 0 && unspaced(prev) {
				out = append(out, v.id(string([]rune{prev, r})))
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = append(word, unicode.ToLower(r))
		default:
			flushWord()
		}
		prev = r
	}
	flushWord()
	return out
}

// unspaced marks letters of scripts that do not put spaces between words.
func unspaced(r rune) bool {
	if r < 0x0E00 {
		return false // below Thai: Latin, Greek, Cyrillic, Arabic, Devanagari...
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
