// Package words holds how reader's packages count, space and compare
// the words of text: one definition of a word count, of collapsed white
// space and of the form headlines are matched by, and how a count is
// written in a message.
package words

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeTitle reduces a headline to the form links are matched by:
// case, white space, Unicode quotes and apostrophes, dashes and trailing
// punctuation do not matter, so "Champion — and Wants" matches
// "champion - and wants" and "Origin." matches "Origin".
func NormalizeTitle(s string) string {
	// Invalid bytes become U+FFFD first: norm leaves the text after an
	// invalid byte as it is ("\xf7ˠ" keeps its ˠ, which NFKC makes ɣ),
	// so the result would normalize again differently.
	s = norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	put := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
		case unicode.Is(unicode.Pd, r) || r == '−':
			// A dash separates words however it is spaced.
			space = true
			put('-')
			space = true
		case strings.ContainsRune("'‘’‚‛′`´", r):
			put('\'')
		case strings.ContainsRune("\"“”„‟″«»", r):
			put('"')
		default:
			put(unicode.ToLower(r))
		}
	}
	return strings.TrimRight(b.String(), " .,;:!?…-")
}

// Collapse turns every run of white space into one space and trims the
// ends.
func Collapse(s string) string {
	if collapsed(s) {
		// A copy, as Join makes: s is often a line of a whole file,
		// and a headline kept must not keep the file with it.
		return strings.Clone(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports ASCII text Collapse would leave as it is: no white
// space but single spaces between words. Headlines and link titles
// mostly are, and a folder listing collapses three a file.
func collapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (asciiSpace[c] && (c != ' ' || s[i+1] == ' ')) {
			return false
		}
	}
	return true
}

// Count counts the words of s: runs of non-space characters.
func Count(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		// ASCII a byte at a time (a folder listing counts the words of
		// every file); other runes decoded for unicode.IsSpace.
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// asciiSpace is unicode.IsSpace for the ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Thousands writes n with comma separators: 50,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
