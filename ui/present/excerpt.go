package present

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/reader"
)

// What a terminal view renders of one article: a safety bound, not a
// display cut. The reader renders a long article in pieces, the first
// at once and the rest in the background (SplitMarkdown), and `brief
// read` prints it whole, so any real article is shown whole: the bounds
// are beyond the longest books of news prose (200,000 words). A
// document beyond them (a log, a generated file) is cut, at a block's
// end or a word's, with a notice; `brief read` piped prints it all.
const (
	MaxShownWords  = 250_000
	MaxShownBytes  = 2 << 20
	MaxShownBlocks = 25_000 // paragraphs, list items, headings
)

// Excerpt is what a view shows of a markdown body.
type Excerpt struct {
	Text      string
	Words     int  // words in Text
	Truncated bool // Text is the start of the body only
	Total     int  // bytes in the whole body
}

// ExcerptMarkdown cuts a markdown body to the display limits: at a
// paragraph's end when that is possible, else at a word's, never inside
// one; only a first "word" longer than MaxShownBytes, which no text
// has, is cut at a character. A fenced code block left open by the cut
// is closed.
func ExcerptMarkdown(md string) Excerpt {
	x := excerpt(md)
	x.Total = len(md)
	return x
}

func excerpt(md string) Excerpt {
	var b strings.Builder
	words, blocks := 0, 0
	fenced, blank := false, true
	rest := md
	for rest != "" {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = ""
		}
		t := strings.TrimSpace(line)
		open := fenced // a code block is open before this line
		if isFence(t) {
			fenced = !fenced
		}
		if t == "" {
			blank = true
		} else if blank || isBlockStart(t) {
			blank = false
			if blocks++; blocks > MaxShownBlocks {
				return excerptCut(&b, words, open)
			}
		}
		n := reader.CountWords(line)
		if words+n <= MaxShownWords && b.Len()+len(line) <= MaxShownBytes {
			b.WriteString(line)
			words += n
			continue
		}
		// The line crosses a limit: keep its words that fit.
		room := MaxShownBytes - b.Len()
		for _, w := range strings.FieldsFunc(line, unicode.IsSpace) {
			if words >= MaxShownWords || room <= 0 {
				break
			}
			if len(w)+1 > room {
				if b.Len() > 0 {
					break // the word does not fit: end before it
				}
				w = cutBytes(w, room-1)
			}
			if w == "" {
				break
			}
			if words > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
				room--
			}
			b.WriteString(w)
			room -= len(w)
			words++
		}
		return excerptCut(&b, words, fenced)
	}
	return Excerpt{Text: md, Words: words}
}

// excerptCut finishes a cut excerpt.
func excerptCut(b *strings.Builder, words int, openFence bool) Excerpt {
	s := strings.TrimRight(b.String(), " \n")
	if openFence {
		s += "\n```"
	}
	return Excerpt{Text: s, Words: words, Truncated: true}
}

// isBlockStart reports a line that starts a block of its own without a
// blank line before it: a list item or a heading.
func isBlockStart(t string) bool {
	switch t[0] {
	case '#', '-', '*', '+':
		return len(t) > 1 && t[1] == ' ' || t[0] == '#'
	}
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// isFence reports a trimmed line that opens or closes a fenced code
// block.
func isFence(t string) bool { return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") }

// cutBytes is the longest start of s of at most n bytes that ends on a
// character boundary.
func cutBytes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// TruncationNotice is the line a view appends to an excerpt: what was cut
// and how to see it all. total is the article's word count (0: unknown);
// hint is a command that prints it all ("": none).
func TruncationNotice(x Excerpt, total int, hint string) string {
	var s string
	if x.Words >= 100 {
		s = "Article truncated: showing the first " + reader.Thousands(x.Words)
		if total > x.Words {
			s += " of " + reader.Thousands(total)
		}
		s += " words."
	} else { // a few giant words: say it in bytes
		s = fmt.Sprintf("Article truncated: showing the first %s KB of %s KB.", reader.Thousands((len(x.Text)+512)>>10), reader.Thousands((x.Total+512)>>10))
	}
	if hint != "" {
		// A code span shows the command as typed; a backtick in a file
		// name would end it early, so such a hint is plain text.
		if strings.Contains(hint, "`") {
			s += " " + hint + " prints it all."
		} else {
			s += " `" + hint + "` prints it all."
		}
	}
	return s
}

// ReadCommand is the command that prints the article at loc in full,
// for a truncation notice: "brief read 'my news/big.txt' | less", or ""
// when loc is not something brief read takes (standard input, a library
// item).
func ReadCommand(loc string) string {
	if loc == "" || loc == "-" || reader.IsItemLocation(loc) {
		return ""
	}
	return "brief read " + ShellQuote(loc) + " | less"
}

// ShellQuote quotes a path or argument for a shell command line when it
// needs it.
func ShellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/._-+:,=@%", r)))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
