package reader

import (
	"strings"
	"unicode/utf8"
)

// Clean makes untrusted text safe to reach a terminal: it removes escape
// and control sequences (ESC/CSI/OSC with their parameters, C0 and C1
// controls, DEL) and bidirectional overrides that can disguise text,
// keeping newlines and turning tabs into spaces. Invalid UTF-8 becomes
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
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x1b: // ESC: drop the whole sequence it introduces
			i = skipEscape(rs, i)
		case r == 0x9b || r == 0x9d: // C1 CSI / OSC
			i = skipControlString(rs, i+1, r == 0x9d)
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			// other controls carry no text
		case isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			return false
		}
	}
	return true
}

// isBidiControl matches the embedding, override and isolate controls
// ("Trojan Source"); plain marks like U+200E are harmless and kept.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
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
func CleanLine(s string) string { return strings.Join(strings.Fields(Clean(s)), " ") }
