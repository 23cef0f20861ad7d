package reader

import "testing"

func TestReadingTime(t *testing.T) {
	for words, want := range map[int]string{
		0:                      "1 min read",
		WordsPerMinute * 59:    "59 min read",
		WordsPerMinute * 60:    "1 h read",
		WordsPerMinute * 125:   "2 h 5 min read",
		WordsPerMinute * 15652: "260 h read",
	} {
		if got := (&Article{Words: words}).ReadingTime(); got != want {
			t.Errorf("%d words: %q, want %q", words, got, want)
		}
	}
}
