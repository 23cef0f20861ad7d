package reader

import "github.com/brief-news/brief/reader/internal/words"

// NormalizeTitle reduces a headline to the form links are matched by:
// case, white space, Unicode quotes and apostrophes, dashes and trailing
// punctuation do not matter, so "Champion — and Wants" matches
// "champion - and wants" and "Origin." matches "Origin".
func NormalizeTitle(s string) string { return words.NormalizeTitle(s) }
