package ui

import (
	"strings"
	"unicode"
)

// hyphen is U+2010 HYPHEN. It looks like "-" but is not a break point
// for glamour's word wrapper, which miscounts a line's width at every
// "-" it breaks at (muesli/reflow: the hyphen is written but not
// counted) and so lets lines overflow and then get chopped, leaving
// orphan words. Words joined by it wrap whole and are counted right.
const hyphen = '‐'

// protectHyphens swaps the hyphens inside words of prose for U+2010,
// leaving code, link targets and URLs alone.
func protectHyphens(md string) string {
	if !strings.Contains(md, "-") {
		return md
	}
	return mapProse(md, func(l string) string {
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") {
			return l // indented code
		}
		words := strings.Split(l, " ")
		for j, w := range words {
			if strings.Contains(w, "://") || strings.ContainsAny(w, "`<>") || strings.Contains(w, "](") {
				continue
			}
			words[j] = joinHyphens(w)
		}
		return strings.Join(words, " ")
	})
}

// joinHyphens replaces "-" between two letters or digits.
func joinHyphens(w string) string {
	rs := []rune(w)
	changed := false
	for k := 1; k+1 < len(rs); k++ {
		if rs[k] == '-' && isWordRune(rs[k-1]) && isWordRune(rs[k+1]) {
			rs[k], changed = hyphen, true
		}
	}
	if !changed {
		return w
	}
	return string(rs)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
