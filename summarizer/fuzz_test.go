package summarizer

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/summarizer/internal/sentences"
)

// nonSpace is the text's characters without whitespace, invalid UTF-8
// read as U+FFFD the way a range loop reads it.
func nonSpace(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", ".", "...", "…", "。", "Mr.", "U.S.", "a. b. c.",
		"He moved to the U.S. Later he left.", "J. R. Ewing. He was rich.",
		`"Stop!" he said. 'Go.' Then (why?) [no.] end`, "3.5% $12.75 11.30am No. 2",
		"今天很好。我们走吧！", "Это тест. Второе.", "a\u00a0b. C\u2028d.", "\xff\xfe. Bad bytes.",
		"# Head\n\n- item. two.\n> quote\n\n```\ncode\n```\n[l](u) ![i](j)",
		"By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . Body text here now.",
		"(CNN) -- Lead sentence here today. Scroll down for video .",
		genArticle(200, 3),
	} {
		f.Add(s)
	}
}

// FuzzSentences: the splitter never panics, never loses, reorders or
// invents text, and never returns an empty or oversized sentence, nor
// one that spans lines or keeps runs of white space.
//
//	go test ./summarizer -run '^$' -fuzz '^FuzzSentences$' -fuzztime 4m -parallel 1
func FuzzSentences(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		got := Sentences(text)
		for _, s := range got {
			if strings.TrimSpace(s) != s || s == "" {
				t.Fatalf("untrimmed or empty sentence %q", s)
			}
			if n := utf8.RuneCountInString(s); n > sentences.MaxRunes {
				t.Fatalf("sentence of %d runes", n)
			}
			if s != strings.Join(strings.Fields(s), " ") {
				t.Fatalf("sentence with a line break or a run of spaces %q", s)
			}
		}
		if a, b := nonSpace(text), nonSpace(strings.Join(got, " ")); a != b {
			t.Fatalf("text changed:\n in %q\nout %q", a, b)
		}
	})
}

// FuzzSummarize: any document and any options give either ErrEmpty (for
// a body with no candidate sentences at all) or a summary of the body's
// own sentences, in reading order, that respects the requested count
// and word budget.
func FuzzSummarize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body string) {
		cands, fallback := Candidates(body)
		for _, o := range []Options{{}, {Sentences: 1}, {Sentences: 2, MaxWords: 15}, {MaxWords: 5}, {Sentences: -3, MaxWords: -1}} {
			s, err := Summarize(Document{Title: body[:len(body)/3], Body: body}, o)
			if err != nil {
				if !errors.Is(err, ErrEmpty) {
					t.Fatalf("unexpected error %v", err)
				}
				if len(cands)+len(fallback) > 0 {
					t.Fatalf("ErrEmpty with candidates %q %q", cands, fallback)
				}
				if strings.TrimSpace(body) == "" {
					continue
				}
				// Non-blank input may still hold nothing to read (only
				// code, images or markup); it must then have no letters or
				// digits outside such markup.
				continue
			}
			if len(s.Sentences) == 0 {
				t.Fatal("no error and no sentences")
			}
			if len(s.Sentences) > MaxSentences {
				t.Fatalf("%d sentences", len(s.Sentences))
			}
			if o.MaxWords > 0 && len(s.Sentences) > 1 {
				words := 0
				for _, x := range s.Sentences {
					words += wordCount(x)
				}
				if words > o.MaxWords {
					t.Fatalf("%d words for %+v", words, o)
				}
			}
			// The summary is a subsequence of the candidates.
			from := cands
			if len(from) == 0 {
				from = fallback
			}
			j := 0
			for _, x := range s.Sentences {
				for j < len(from) && from[j] != x {
					j++
				}
				if j == len(from) {
					t.Fatalf("summary sentence %q not among the body's, in order: %q", x, from)
				}
				j++
			}
			limit := o.Sentences
			if limit <= 0 && o.MaxWords <= 0 {
				limit = 3
			}
			if limit > 0 && len(s.Sentences) > limit {
				t.Fatalf("%d sentences for %+v", len(s.Sentences), o)
			}
			for _, x := range s.Sentences {
				if strings.TrimSpace(x) == "" {
					t.Fatal("empty sentence in summary")
				}
			}
		}
		if strings.TrimSpace(body) == "" {
			if _, err := Summarize(Document{Body: body}, Options{}); !errors.Is(err, ErrEmpty) {
				t.Fatalf("blank body gave %v", err)
			}
		}
	})
}
