package summarizer

import (
	"html"
	"regexp"
	"strings"

	"github.com/brief-news/brief/internal/inert"
	"github.com/brief-news/brief/internal/lazyre"
)

// noteText is what a footnote marker says between its brackets.
const noteText = `(?:\d{1,4}|(?:note|nb) \d{1,4}|citation needed|\^[^\]\s]{1,20})`

// block is one unit of the body after markdown is stripped: a paragraph,
// a list item or a quote (prose, split into sentences later), or a heading
// (a headline-like line that is never merged into a sentence).
type block struct {
	text    string
	heading bool
}

var (
	reFence     = regexp.MustCompile("^\\s*(```|~~~)")
	reATX       = lazyre.New(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	reSetext    = lazyre.New(`^\s{0,3}(=+|-+)\s*$`)
	reRule      = lazyre.New(`^\s{0,3}([-*_])(\s*[-*_]){2,}\s*$`)
	reListItem  = lazyre.New(`^\s*(?:[-*+•]|\d{1,9}[.)])\s+`)
	reQuote     = lazyre.New(`^\s{0,3}(>\s?)+`)
	reRefDef    = lazyre.New(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	reTableRule = lazyre.New(`^\s*\|?\s*:?-{3,}`)
	// A link's or image's text may hold one level of brackets (Wikipedia's
	// "[[2]](…#cite_note-2)" footnotes), its target one level of
	// parentheses: (https://w.org/Foo_(bar)).
	reImage = lazyre.New(`!\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:[^()]|\([^()]*\))*\)|!\[[^\]]*\]\[[^\]]*\]`)
	reLink  = lazyre.New(`\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)|\[([^\]]*)\]\[[^\]]*\]`)
	// reNote is a footnote or reference marker, no words of the text:
	// "[2]", "[note 3]", "[citation needed]", "[^1]", its brackets
	// escaped or not ("\[2\]", as a link's text from HTML); reNoteLink
	// is one that is a link's text, where a letter is a marker too
	// (Wikipedia's "[[a]](…#cite_note-a)") and not prose's "a[i]".
	reNote     = regexp.MustCompile(`\\?\[` + noteText + `\\?\]`)
	reNoteLink = regexp.MustCompile(`\[\\?\[(?:[a-z]|` + noteText + `)\\?\]\]\((?:[^()]|\([^()]*\))*\)`)
	reAutolink = lazyre.New(`<(?:https?|mailto|ftp):[^>\s]*>`)
	reHTMLTag  = lazyre.New(`</?[A-Za-z][^>]*>`)
	reStrong   = lazyre.New(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	reEmStar   = lazyre.New(`(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*`)
	reEmUnder  = lazyre.New(`(^|[^\w_])_(\S(?:[^_]*?\S)?)_`)
	reStrike   = lazyre.New(`~~(.+?)~~`)
	reCode     = regexp.MustCompile("`+([^`]*)`+")
)

// parseMarkdown turns a markdown body into blocks of plain text. It is a
// reader's approximation, not a CommonMark parser: it keeps the words a
// person would read and drops the syntax, code and images.
func parseMarkdown(md string) []block {
	var blocks []block
	var para []string
	flush := func() {
		if len(para) > 0 {
			if t := inline(strings.Join(para, " ")); t != "" {
				blocks = append(blocks, block{text: t})
			}
			para = para[:0]
		}
	}
	heading := func(s string) {
		flush()
		if t := inline(s); t != "" {
			blocks = append(blocks, block{text: t, heading: true})
		}
	}
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	inFence := false
	for _, line := range lines {
		if reFence.MatchString(line) {
			flush()
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if m := reATX().FindStringSubmatch(line); m != nil {
			heading(m[1])
			continue
		}
		if reSetext().MatchString(line) && len(para) == 1 {
			// The single line above an underline is a heading.
			t := para[0]
			para = para[:0]
			heading(t)
			continue
		}
		if reRule().MatchString(line) || reRefDef().MatchString(line) || reTableRule().MatchString(line) {
			flush()
			continue
		}
		line = reQuote().ReplaceAllString(line, "")
		if loc := reListItem().FindStringIndex(line); loc != nil {
			// Each list item stands alone, like a paragraph.
			flush()
			line = line[loc[1]:]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "|") {
			line = strings.ReplaceAll(strings.Trim(strings.TrimSpace(line), "|"), "|", " ")
		}
		para = append(para, strings.TrimSpace(line))
	}
	flush()
	return blocks
}

// inline strips inline markdown from one paragraph: images, autolinks
// and footnote markers go, links keep their text, emphasis and code keep
// their content, entities are decoded.
func inline(s string) string {
	if strings.ContainsAny(s, "[]") {
		s = reImage().ReplaceAllString(s, "")
		s = reNoteLink.ReplaceAllString(s, "")
		s = reLink().ReplaceAllString(s, "$1$2")
		s = reNote.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "<") {
		s = reAutolink().ReplaceAllString(s, "")
		s = reHTMLTag().ReplaceAllString(s, "")
	}
	escaped := strings.Contains(s, `\`)
	if escaped {
		// An escaped mark is a character, not syntax: "\*levy*" is not
		// emphasis. Set aside before emphasis is read, restored after.
		s = protectEscapes(s)
	}
	if strings.Contains(s, "`") {
		s = reCode.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_") {
		s = reStrong().ReplaceAllString(s, "$2")
		s = reEmStar().ReplaceAllString(s, "$1$2")
		s = reEmUnder().ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "~~") {
		s = reStrike().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = dropControls(html.UnescapeString(s))
	}
	if escaped {
		s = restoreEscapes(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// dropControls removes the characters a character reference can decode
// to that must not reach a terminal ("&#27;" is an ESC), by brief's one
// rule (package inert): sentences are printed as they are. The reader
// cleans every body before it gets here; this holds for text summarised
// from elsewhere.
func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || inert.LineSeparator(r):
			return ' '
		case inert.Dropped(r):
			return -1
		}
		return r
	}, s)
}

// escapedBase is where protectEscapes puts escaped marks: in the
// supplementary private use area, which no article's text uses, one
// code point per ASCII mark.
const escapedBase = 0x100000

// protectEscapes replaces each backslash-escaped punctuation mark ("\*"
// is a literal star) with a private stand-in that no markdown pattern
// matches; restoreEscapes turns the stand-ins into the marks.
func protectEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>~\"'", s[i+1]) >= 0 {
			i++
			b.WriteRune(rune(escapedBase + int(s[i])))
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func restoreEscapes(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= escapedBase && r < escapedBase+0x80 {
			return r - escapedBase
		}
		return r
	}, s)
}
