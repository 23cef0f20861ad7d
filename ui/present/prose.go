package present

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// ForRenderer prepares markdown for a renderer that wraps at width
// columns (glamour): CleanMarkdown, since renderers decode character
// references ("&#27;" is an ESC on screen) and not every body came
// through brief's parsers, then BreakLongWords, since glamour's wrapping
// is quadratic in a word's length. The reader and `brief read` both
// render through it.
func ForRenderer(md string, width int) string {
	return BreakLongWords(reader.CleanMarkdown(md), width)
}

// BreakLongWords splits every run of text without spaces wider than
// width columns into pieces of width columns, outside fenced code.
// glamour's word wrapper takes time quadratic in a word's length (a 50 KB
// word took 16 s, a 200 KB one four and a half minutes); a word wider
// than the line is hard-wrapped at the line's width anyway, so the
// pieces land where its lines would have broken.
func BreakLongWords(md string, width int) string {
	if width < 10 {
		width = 10
	}
	if !hasLongWord(md, width) {
		return md
	}
	return MapProse(md, func(l string) string {
		if !hasLongWord(l, width) {
			return l
		}
		words := strings.Split(l, " ")
		for j, w := range words {
			if ansi.StringWidth(w) > width && !isLinkWord(w) {
				words[j] = chunk(w, width)
			}
		}
		return strings.Join(words, " ")
	})
}

// maxLinkWord is the longest word holding a markdown link destination
// ("text](https://…)") or an autolink ("<https://…>") that BreakLongWords
// leaves whole: a space inside it would break the link, and glamour's
// cost for a word this long is still a few milliseconds.
const maxLinkWord = 2048

func isLinkWord(w string) bool {
	return len(w) <= maxLinkWord && (strings.Contains(w, "](") || strings.Contains(w, "<http"))
}

// MapProse rewrites the lines of markdown outside fenced code blocks
// with f; fence lines and the code between them stay as they are.
func MapProse(md string, f func(line string) string) string {
	lines := strings.Split(md, "\n")
	fenced := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if isFence(t) {
			fenced = !fenced
			continue
		}
		if !fenced {
			lines[i] = f(l)
		}
	}
	return strings.Join(lines, "\n")
}

// hasLongWord reports whether s holds a run of more than width bytes
// without a space: a cheap test that rules out almost every line.
func hasLongWord(s string, width int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\n' {
			run = 0
		} else if run++; run > width {
			return true
		}
	}
	return false
}

// chunk cuts w into pieces of at most width columns joined by spaces.
func chunk(w string, width int) string {
	var b strings.Builder
	col := 0
	for _, r := range w {
		rw := ansi.StringWidth(string(r))
		if col+rw > width && col > 0 {
			b.WriteByte(' ')
			col = 0
		}
		b.WriteRune(r)
		col += rw
	}
	return b.String()
}
