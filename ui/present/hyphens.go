package present

import (
	"strings"
	"unicode"
)

// Glamour's word wrapper (muesli/reflow) miscounts a line's width at
// every "-" it breaks at (the hyphen is written but not counted), so
// lines overflow and then get chopped, leaving orphan words. The hyphens
// inside words of prose are therefore swapped for a look-alike of one
// column that the wrapper does not break at, and swapped back to "-" in
// the rendered text: words joined by a hyphen wrap whole, and what is
// on screen (and copied from it) is the text's own U+002D.
//
// hyphenStandIns are the look-alikes, tried in turn: the first the text
// does not already hold is used, so that restoring changes nothing else.
var hyphenStandIns = []rune{'‐', '‑', '⁃'} // U+2010, U+2011, U+2043

// protectHyphens swaps the hyphens inside words of prose for a stand-in,
// leaving code, link targets and URLs alone. It returns the stand-in
// used, or 0 when the text needs none (or holds every one already).
func protectHyphens(md string) (string, rune) {
	if !strings.Contains(md, "-") {
		return md, 0
	}
	var sub rune
	for _, r := range hyphenStandIns {
		if !strings.ContainsRune(md, r) {
			sub = r
			break
		}
	}
	if sub == 0 {
		return md, 0
	}
	return MapProse(md, func(l string) string {
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") {
			return l // indented code
		}
		words := strings.Split(l, " ")
		for j, w := range words {
			if strings.Contains(w, "://") || strings.ContainsAny(w, "`<>") || strings.Contains(w, "](") {
				continue
			}
			words[j] = joinHyphens(w, sub)
		}
		return strings.Join(words, " ")
	}), sub
}

// restoreHyphens turns the stand-in back into "-" in rendered text.
func restoreHyphens(out string, sub rune) string {
	if sub == 0 {
		return out
	}
	return strings.ReplaceAll(out, string(sub), "-")
}

// joinHyphens replaces "-" between two letters or digits with sub.
func joinHyphens(w string, sub rune) string {
	rs := []rune(w)
	changed := false
	for k := 1; k+1 < len(rs); k++ {
		if rs[k] == '-' && isWordRune(rs[k-1]) && isWordRune(rs[k+1]) {
			rs[k], changed = sub, true
		}
	}
	if !changed {
		return w
	}
	return string(rs)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
