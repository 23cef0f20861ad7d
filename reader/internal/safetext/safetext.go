// Package safetext holds the one way reader's packages make untrusted
// text safe to show: Clean and its forms for one-line text, markdown,
// URLs and names in messages. package reader exports them (reader.Clean
// and kin) to the rest of brief; the rule for which characters never
// reach a terminal is package inert's.
package safetext

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/brief-news/brief/internal/inert"
)

// Clean makes untrusted text safe to reach a terminal: it removes escape
// and control sequences (ESC/CSI/OSC with their parameters, C0 and C1
// controls, DEL), bidirectional overrides that can disguise text and
// invisible characters that can hide it (package inert has the rule), keeping
// newlines and turning tabs into spaces; the Unicode line and paragraph
// separators U+2028/U+2029 become newlines. Invalid UTF-8 becomes
// U+FFFD. Every string that comes from an article or a feed passes
// through it before anything shows it.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n':
			b.WriteRune(r)
		case inert.LineSeparator(r):
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x1b: // ESC: drop the whole sequence it introduces
			i = skipEscape(rs, i)
		case r == 0x9b || r == 0x9d: // C1 CSI / OSC
			i = skipControlString(rs, i+1, r == 0x9d)
		case inert.Dropped(r):
			// other controls carry no text
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports text Clean leaves as it is: valid UTF-8 without a tab
// or a character Clean drops or turns into a newline. ASCII, most of any
// article, is checked a byte at a time (only C0 controls but the
// newline, and DEL, are not clean there); other runes are decoded.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false // not UTF-8
		}
		if inert.Dropped(r) || inert.LineSeparator(r) {
			return false
		}
		i += size
	}
	return true
}

// charRef is an HTML character reference, which markdown renderers
// (glamour included) decode: "&#27;" in a markdown body is an ESC on the
// screen. It matches what html.UnescapeString decodes, not only what
// CommonMark allows: any number of digits (leading zeros included) and
// no closing ";" ("&#27[2J" is an ESC to glamour too).
var charRef = regexp.MustCompile(`&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]{1,31};?)`)

// CleanMarkdown is Clean for markdown, the form of every article body:
// besides Clean's work it removes the character references that would
// decode to something Clean removes ("&#27;", "&#x202e;",
// "&ZeroWidthSpace;"), as markdown renderers and the summarizer decode
// them. References to printable characters ("&amp;", "&#233;") stay.
func CleanMarkdown(md string) string {
	md = Clean(md)
	if !strings.Contains(md, "&") {
		return md
	}
	drop := func(ref string) string {
		dec := html.UnescapeString(ref)
		if dec == ref || Clean(dec) == dec {
			return ref // unknown, or harmless
		}
		return ""
	}
	// Removing one reference can join the text around it into another
	// ("&&#27;#27;" leaves "&#27;"), so repeat until nothing changes; each
	// round removes at least one reference, so it ends.
	for {
		out := charRef.ReplaceAllStringFunc(md, drop)
		if out == md {
			return out
		}
		md = out
	}
}

// skipEscape returns the index of the last rune of the escape sequence
// starting at rs[i] == ESC.
func skipEscape(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[': // CSI: parameters then one final byte in 0x40–0x7e
		return skipControlString(rs, i+2, false)
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: until ST or BEL
		return skipControlString(rs, i+2, true)
	default: // two-character sequence
		return i + 1
	}
}

// skipControlString skips a CSI (string=false: up to a final byte) or a
// control string (string=true: up to BEL or ESC \) starting at rs[j].
func skipControlString(rs []rune, j int, str bool) int {
	for ; j < len(rs); j++ {
		r := rs[j]
		if str {
			if r == 0x07 || r == 0x9c {
				return j
			}
			if r == '\n' { // unterminated: the line's end ends it, and the text after stays
				return j - 1
			}
			if r == 0x1b && j+1 < len(rs) && rs[j+1] == '\\' {
				return j + 1
			}
			continue
		}
		if r >= 0x40 && r <= 0x7e {
			return j
		}
		if r < 0x20 || r > 0x7e { // malformed: stop without eating text
			return j - 1
		}
	}
	return len(rs) - 1
}

// CleanLine is Clean for text shown on one line: titles, feed names,
// snippets and messages. Runs of white space, newlines included, become
// one space, and leading and trailing space goes.
func CleanLine(s string) string {
	if plainLine(s) {
		return s
	}
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// plainLine reports a line CleanLine would leave as it is and that needs
// no look at runes: printable ASCII, single spaces between words and none
// at either end. Most titles and feed names are; `brief list` cleans two
// a row, and the general path's three copies were a fifth of its time.
func plainLine(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// ShowName is a file name or address as an error shows it: as it is
// when Clean leaves it alone, or else quoted with its control and
// invisible characters written out ("no\x1b]0;X\afile.txt"), so that the
// message names the real thing and not a look-alike that exists.
func ShowName(name string) string {
	if Clean(name) == name && CleanLine(name) == name {
		return name
	}
	return strconv.QuoteToGraphic(name)
}
