package reader

import "strconv"

// Plural counts n of something in English: "1 article", "0 articles",
// "3 new articles". word is the singular; the plural adds an s.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
