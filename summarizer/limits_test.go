package summarizer

import (
	"strings"
	"testing"
)

// TestSummarizeHugeInputs: a body far beyond any article is summarised
// from its first MaxInputWords words, and the summary says so.
func TestSummarizeHugeInputs(t *testing.T) {
	clause := "the council voted on the harbour barrier after a long debate about tides and "
	cases := map[string]string{
		"1 MB single sentence": "The " + strings.Repeat(clause, (1<<20)/len(clause)) + "the end.",
		"100,000 paragraphs":   strings.Repeat("A short paragraph of news about the harbour.\n\n", 100_000),
		"1,000,000 words":      genArticle(1_000_000, 1),
	}
	for name, body := range cases {
		s, err := Summarize(Document{Title: "Harbour barrier", Body: body}, Options{})
		if err != nil || len(s.Sentences) == 0 {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !s.Truncated {
			t.Errorf("%s: not marked truncated", name)
		}
		for _, x := range s.Sentences {
			if !strings.Contains(body[:len(body)/4], x[:min(len(x), 40)]) {
				t.Errorf("%s: a sentence from beyond the first words: %.60q", name, x)
			}
		}
	}
	if s, _ := Summarize(Document{Body: genArticle(MaxInputWords, 2)}, Options{}); s.Truncated {
		t.Error("a body of exactly MaxInputWords words marked truncated")
	}
}

func TestFirstWords(t *testing.T) {
	for _, c := range []struct {
		in, want string
		cut      bool
	}{
		{"one two three", "one two", true},
		{"one two", "one two", false},
		{"one\n\ntwo\n\nthree four", "one\n\ntwo", true},
		{"  one   two  ", "  one   two  ", false},
	} {
		if got, cut := FirstWords(c.in, 2); got != c.want || cut != c.cut {
			t.Errorf("FirstWords(%q) = %q, %v", c.in, got, cut)
		}
	}
}
