// Package searchtext makes the search text of an article: its markdown
// without the markup, the text the store indexes and takes snippets
// from. It is built once per stored body. It was five regular expressions and a replacer
// built per call, a fifth of a first refresh's time; these passes give
// the same text byte for byte (searchtext_test.go keeps the expressions
// and checks the two against each other) in one scan each, and skip the
// passes whose characters the text does not hold.
package searchtext

import "strings"

// Snippet highlight marks: private-use runes that stored text never
// contains (StripMarks removes them before indexing), so a highlight in
// a search result is always the index's.
const (
	MarkOpen  = "\ue000"
	MarkClose = "\ue001"
)

// StripMarks removes the snippet marks from text to be indexed.
func StripMarks(s string) string {
	if !strings.ContainsAny(s, MarkOpen+MarkClose) {
		return s
	}
	return strings.NewReplacer(MarkOpen, "", MarkClose, "").Replace(s)
}

// markupReplacer drops emphasis, code and escape characters.
var markupReplacer = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")

// Of is markdown without its markup, for the index and snippets.
func Of(md string) string {
	s := StripMarks(md)
	if strings.Contains(s, "](") {
		s = dropLinks(s, true)  // ![alt](src) → alt
		s = dropLinks(s, false) // [text](url) → text
	}
	s = dropLineMarkup(s)
	if strings.ContainsAny(s, "*_`\\") {
		s = markupReplacer.Replace(s)
	}
	return strings.TrimSpace(squeezeNewlines(s))
}

// dropLinks replaces each `[text](target)` (with image, `![text](target)`)
// by its text, scanning left to right as the expression
// `!?\[([^\]]*)\]\([^)]*\)` does: text up to the first ']', which must
// be followed by '(', target up to the first ')'.
func dropLinks(s string, image bool) string {
	var b strings.Builder
	start := 0 // s[start:] not yet written
	// The ']' and ')' last found stay the first after any later start
	// before them: remembering them keeps "[[[[…" linear.
	close, end := -1, -1
	for i := 0; i < len(s); i++ {
		j := i
		if image {
			if s[i] != '!' {
				continue
			}
			j++
		}
		if j >= len(s) || s[j] != '[' {
			continue
		}
		if close <= j {
			if close = strings.IndexByte(s[j+1:], ']'); close < 0 {
				break // no ']' after: nothing more can match
			}
			close += j + 1
		}
		if close+1 >= len(s) || s[close+1] != '(' {
			continue
		}
		if end < close+2 {
			if end = strings.IndexByte(s[close+2:], ')'); end < 0 {
				break // no ')' after: nothing more can match
			}
			end += close + 2
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[start:i])
		b.WriteString(s[j+1 : close])
		start = end + 1
		i = end
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// dropLineMarkup empties thematic-break lines (only spaces, tabs and at
// least three of - * _) and removes one block prefix from the start of
// each other line: a heading's #s, a quote's >, a list bullet or number,
// with the indentation before it (the expressions
// `(?m)^[ \t]*(?:[-*_][ \t]*){3,}$` then
// `(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+\.[ \t]+)`).
func dropLineMarkup(s string) string {
	var b strings.Builder
	start := 0 // s[start:] not yet written
	cut := func(from, to int) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[start:from])
		start = to
	}
	for line := 0; line <= len(s); {
		end := strings.IndexByte(s[line:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += line
		}
		if isRule(s[line:end]) {
			cut(line, end)
		} else if n := blockPrefix(s[line:end]); n > 0 {
			cut(line, line+n)
		}
		line = end + 1
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// isRule reports whether a line is a thematic break.
func isRule(line string) bool {
	marks := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t':
		case '-', '*', '_':
			marks++
		default:
			return false
		}
	}
	return marks >= 3
}

// blockPrefix is the length of a line's block prefix (0: none).
func blockPrefix(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	blanks := func(j int) int {
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		return j
	}
	if i == len(line) {
		return 0
	}
	switch c := line[i]; {
	case c == '#':
		j := i
		for j < len(line) && line[j] == '#' {
			j++
		}
		if j-i > 6 || j == len(line) || (line[j] != ' ' && line[j] != '\t') {
			return 0
		}
		return blanks(j)
	case c == '>':
		if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
			return i + 2
		}
		return i + 1
	case c == '-' || c == '*' || c == '+':
		if i+1 == len(line) || (line[i+1] != ' ' && line[i+1] != '\t') {
			return 0
		}
		return blanks(i + 1)
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j+1 >= len(line) || line[j] != '.' || (line[j+1] != ' ' && line[j+1] != '\t') {
			return 0
		}
		return blanks(j + 1)
	}
	return 0
}

// squeezeNewlines turns each run of spaces, tabs and newlines that holds
// a newline into one newline (`[ \t]*\n[ \t\n]*`).
func squeezeNewlines(s string) string {
	var b strings.Builder
	start := 0 // s[start:] not yet written
	for i := 0; i < len(s); {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' {
			i++
			continue
		}
		j, nl := i, false
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			nl = nl || s[j] == '\n'
			j++
		}
		if nl && s[i:j] != "\n" {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[start:i])
			b.WriteByte('\n')
			start = j
		}
		i = j
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}
