// Package sentences splits text into sentences: paragraphs on blank
// lines, sentences at terminal punctuation unless an abbreviation, an
// initial or a number says otherwise, over-long runs at clause breaks.
package sentences

import (
	"strings"
	"unicode"
)

// MaxRunes bounds one sentence. Text with no punctuation at all
// (a transcript, a pasted list) would otherwise be one "sentence" the size
// of the article, which is no summary; pieces this long are cut at the
// best clause break instead.
const MaxRunes = 400

// Sentences splits text into sentences. Blank lines separate paragraphs,
// and no sentence spans two, so a headline without a full stop stays on
// its own; single line breaks inside a paragraph are spaces.
func Sentences(text string) []string {
	var out []string
	for _, p := range Paragraphs(text) {
		out = append(out, Split(p)...)
	}
	return out
}

// Paragraphs splits text on blank lines and folds each paragraph's
// whitespace to single spaces.
func Paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			flush()
			continue
		}
		cur = append(cur, strings.Join(f, " "))
	}
	flush()
	return out
}

func IsTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '।':
		return true
	}
	return false
}

// isCJKTerminal marks the full stops of Chinese and Japanese, which end a
// sentence with no space after them.
func IsCJKTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser is punctuation that belongs to the sentence it follows:
// closing quotes and brackets after the full stop.
func IsCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}', '」', '』', '）', '】', '〕':
		return true
	}
	return false
}

func IsOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '{', '¿', '¡', '「', '『', '（', '*', '_':
		return true
	}
	return false
}

// splitParagraph cuts one paragraph (single-spaced) into sentences.
func Split(p string) []string {
	rs := []rune(p)
	n := len(rs)
	var out []string
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(string(rs[start:end]))
		if s != "" {
			out = append(out, chunk(s)...)
		}
	}
	for i := 0; i < n; i++ {
		r := rs[i]
		if IsCJKTerminal(r) {
			j := i + 1
			for j < n && (IsCJKTerminal(rs[j]) || IsCloser(rs[j])) {
				j++
			}
			emit(j)
			start = j
			i = j - 1
			continue
		}
		if !IsTerminal(r) {
			continue
		}
		j := i
		for j < n && IsTerminal(rs[j]) {
			j++
		}
		run := string(rs[i:j])
		for j < n && IsCloser(rs[j]) {
			j++
		}
		if j < n && rs[j] != ' ' {
			// Inside a token: 3.5%, $12.75, U.S.A, example.com.
			i = j - 1
			continue
		}
		k := j
		for k < n && rs[k] == ' ' {
			k++
		}
		if k < n && !startsSentence(rs[k:]) {
			i = j - 1
			continue
		}
		if run == "." && j == i+1 && k < n && !abbrevEnds(wordBefore(rs, i), wordAt(rs[k:])) {
			i = j - 1
			continue
		}
		emit(j)
		start = k
		i = k - 1
	}
	if start < n {
		emit(n)
	}
	return out
}

// startsSentence reports whether text could open a sentence: its first
// letter, after any opening quote or bracket, is not lower-case. Scripts
// without case (Arabic, Devanagari) and digits count as possible starts.
func startsSentence(rs []rune) bool {
	for _, r := range rs {
		if IsOpener(r) || r == ' ' {
			continue
		}
		return !unicode.IsLower(r)
	}
	return true
}

// wordBefore returns the token ending at rs[i] (the full stop excluded),
// without opening punctuation.
func wordBefore(rs []rune, i int) string {
	s := i
	for s > 0 && rs[s-1] != ' ' {
		s--
	}
	for s < i && IsOpener(rs[s]) {
		s++
	}
	return string(rs[s:i])
}

// wordAt returns the first token of rs without opening punctuation or a
// trailing comma or full stop.
func wordAt(rs []rune) string {
	s := 0
	for s < len(rs) && IsOpener(rs[s]) {
		s++
	}
	e := s
	for e < len(rs) && rs[e] != ' ' {
		e++
	}
	return strings.TrimRight(string(rs[s:e]), ".,;:!?")
}

// abbrevEnds decides whether "word." followed by next ends a sentence.
// Ordinary words always do; titles never do; other abbreviations, dotted
// acronyms and initials do when the next word is one that typically opens
// a sentence ("moved to the U.S. Later he...").
func abbrevEnds(word, next string) bool {
	lw := strings.ToLower(word)
	if titles[lw] || neverFinal[lw] {
		return false
	}
	letters := []rune(word)
	initial := len(letters) == 1 && unicode.IsUpper(letters[0])
	// A dotted acronym (U.S, a.m), not a number (1.2%, 3.5bn), which ends
	// a sentence like any word.
	dotted := strings.Contains(lw, ".") && !strings.ContainsAny(lw, "0123456789")
	if !abbreviations[lw] && !dotted && !initial {
		return true
	}
	if next == "" {
		return true
	}
	nr := []rune(next)
	if unicode.IsDigit(nr[0]) {
		// "No. 2", "Jan. 5": the number belongs to the abbreviation.
		return !numberedAbbrevs[lw] && !initial
	}
	if initial && len(nr) == 1 {
		return false // J. R. Ewing
	}
	if clockAbbrevs[lw] {
		return !afterClock[strings.ToLower(next)]
	}
	return sentenceStarters[strings.ToLower(next)]
}

// chunk cuts a sentence longer than MaxRunes at clause breaks, or
// at spaces, or anywhere for scripts written without spaces.
func chunk(s string) []string {
	rs := []rune(s)
	if len(rs) <= MaxRunes {
		return []string{s}
	}
	var out []string
	for len(rs) > MaxRunes {
		cut := bestCut(rs[:MaxRunes])
		piece := strings.TrimSpace(string(rs[:cut]))
		if piece != "" {
			out = append(out, piece)
		}
		rs = rs[cut:]
	}
	if rest := strings.TrimSpace(string(rs)); rest != "" {
		out = append(out, rest)
	}
	return out
}

// bestCut prefers the last clause punctuation in the second half of the
// window, then the last space, then the window's end.
func bestCut(w []rune) int {
	half := len(w) / 2
	for i := len(w) - 1; i >= half; i-- {
		switch w[i] {
		case ';', ',', ':', '—', '–', '，', '、', '；':
			return i + 1
		}
	}
	for i := len(w) - 1; i >= half; i-- {
		if w[i] == ' ' {
			return i + 1
		}
	}
	return len(w)
}
