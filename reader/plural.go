package reader

import (
	"strconv"

	"github.com/brief-news/brief/reader/internal/words"
)

// Plural counts n of something in English: "1 article", "0 articles",
// "3 new articles". word is the singular; the plural adds an s.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Thousands writes n with comma separators: 20,000.
func Thousands(n int) string { return words.Thousands(n) }

// CountWords counts words as Article.Words does: runs of characters
// that are not white space.
func CountWords(s string) int { return words.Count(s) }
