package reader

import (
	"bytes"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/textenc"
	"github.com/brief-news/brief/reader/internal/words"
)

// The scraped-page text form: a headline, "No time to read? / Get a
// summary" widget lines, body paragraphs, then "Previous Article" /
// headline and "Next Article" / headline. The link labels carry only
// titles; Collection resolves them to other articles by title.

var (
	// labelOnly is a link label alone on its line: the headline follows on
	// the next non-empty line.
	labelOnly = regexp.MustCompile(`(?i)^(previous|prev|next)\s+article\s*:?$`)
	// labelInline is "Next Article: Headline". The colon is required so
	// that a body sentence such as "Next article in the series…" stays
	// body text.
	labelInline = regexp.MustCompile(`(?i)^(previous|prev|next)\s+article\s*:\s*(\S.*)$`)
	// bylineLine is a short "By Jane Doe" line right after the headline.
	// Compiled when first needed: its Unicode classes make a megabyte of
	// program that every command would otherwise build and keep at start.
	bylineLine = lazyre.New(`^(?i:by)\s+\p{Lu}[\p{L}.'’\- ]{1,60}(?:,[^.]{1,60})?$`)
)

// longLine is the length above which a line that ends a sentence is taken
// to end its paragraph too: scraped pages often put one paragraph per
// line with no blank line between, while hard-wrapped text never has
// lines this long.
const longLine = 100

// textDoc is the result of reading the text form: everything but the body
// is kept as strings; the body as paragraph line ranges until needed.
type textDoc struct {
	title     string
	byline    string
	published time.Time
	prev      *Link
	next      *Link
	paras     [][]string // body paragraphs as their lines
	words     int
	// md is set for markdown files: lines keep their indentation and
	// markup, and the headline may be an ATX heading.
	md bool
}

// ParseText reads an article in the scraped-page text form. loc names the
// source in errors and becomes the article's Location. With full false
// only the title, links and word count are read (Body stays empty and
// Partial is set), which is what listing a large folder needs.
func ParseText(loc string, data []byte, full bool) (*Article, error) {
	return parseTextForm(loc, data, full, false)
}

// ParseMarkdown reads a markdown article: the text form's rules, with the
// first line's "#" heading marks dropped from the headline and the body's
// markdown kept as written.
func ParseMarkdown(loc string, data []byte, full bool) (*Article, error) {
	return parseTextForm(loc, data, full, true)
}

func parseTextForm(loc string, data []byte, full, md bool) (*Article, error) {
	data, err := checkText(loc, data)
	if err != nil {
		return nil, err
	}
	d := scanTextForm(data, md, full)
	if d.title == "" {
		return nil, &FileError{Path: loc, Reason: "is empty"}
	}
	if d.words == 0 {
		return nil, &FileError{Path: loc, Reason: "has a headline but no article text"}
	}
	a := &Article{
		Title:     d.title,
		Byline:    d.byline,
		Published: d.published,
		Location:  loc,
		Words:     d.words,
		Prev:      d.prev,
		Next:      d.next,
		Partial:   !full,
	}
	if full {
		a.Body = d.markdown()
	}
	return a, nil
}

// checkText rejects what cannot be an article in text form and returns
// the text as UTF-8: UTF-16 with a byte-order mark and legacy 8-bit text
// (Windows-1252, which covers Latin-1) are converted, as editors and
// browsers do for undeclared text.
func checkText(loc string, data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		data = []byte(textenc.ToUTF8(data, "")) // the BOM names the encoding
	}
	data = bytes.TrimPrefix(data, textenc.BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Path: loc, Reason: "is empty"}
	}
	if kind := binaryKind(data); kind != "" {
		return nil, &FileError{Path: loc, Reason: "is not text (" + kind + ")"}
	}
	if !utf8.Valid(data) {
		data = []byte(textenc.ToUTF8(data, ""))
	}
	return data, nil
}

// scanText classifies the lines of data: headline, widget chrome, link
// labels and their headlines, and body paragraphs.
func scanText(data []byte, md bool) *textDoc { return scanTextForm(data, md, true) }

// scanTextForm is scanText; with paras false it keeps no paragraphs
// (d.paras stays nil) and reads only the headline, links, metadata and
// word count, which is all a folder listing needs of each file.
func scanTextForm(data []byte, md, paras bool) *textDoc {
	d := &textDoc{md: md}
	lines := splitLines(data)
	var para []string
	body := false // a body line was seen: metadata lines come before it
	flush := func() {
		if len(para) > 0 {
			d.paras = append(d.paras, para)
			para = nil
		}
	}
	var pending **Link // a label seen, waiting for its headline
	var pendingLabel string
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			flush()
			continue
		}
		if isWidget(line) {
			flush()
			continue
		}
		if d.title == "" {
			if md {
				line = strings.TrimSpace(strings.TrimLeft(line, "#"))
			}
			d.title = words.Collapse(line)
			continue
		}
		// Both label expressions start with "prev" or "next", in any
		// case (no other rune folds to p or n): most lines need neither.
		if c := line[0] | 0x20; c == 'p' || c == 'n' {
			if m := labelOnly.FindStringSubmatch(line); m != nil {
				flush()
				pending, pendingLabel = d.linkSlot(m[1]), line
				continue
			}
			if m := labelInline.FindStringSubmatch(line); m != nil {
				flush()
				d.setLink(d.linkSlot(m[1]), strings.TrimSpace(line[:strings.Index(line, ":")]), m[2])
				pending = nil
				continue
			}
		}
		if pending != nil {
			d.setLink(pending, strings.TrimRight(pendingLabel, ": "), line)
			pending = nil
			continue
		}
		if !body && d.takeMeta(line) {
			continue
		}
		body = true
		if md {
			line = strings.TrimRight(raw, " ")
		}
		d.words += words.Count(line)
		if !paras {
			continue
		}
		para = append(para, line)
		if !md && utf8.RuneCountInString(line) > longLine && endsSentence(line) {
			flush()
		}
	}
	flush()
	return d
}

// linkSlot picks the Prev or Next field for a label word.
func (d *textDoc) linkSlot(word string) **Link {
	if strings.EqualFold(word, "next") {
		return &d.next
	}
	return &d.prev
}

// setLink records a link unless the page already gave one for that
// direction: the first occurrence wins, later repeats are page chrome.
func (d *textDoc) setLink(slot **Link, label, title string) {
	if *slot != nil {
		return
	}
	*slot = &Link{Label: words.Collapse(label), Title: words.Collapse(title), Kind: KindText}
}

// takeMeta recognises a byline or a publication date on the lines
// between the headline and the first paragraph.
func (d *textDoc) takeMeta(line string) bool {
	if d.byline == "" && bylineLine().MatchString(line) {
		d.byline = words.Collapse(line[3:])
		return true
	}
	if d.published.IsZero() && len(line) <= 40 {
		if t, ok := parseDate(line); ok {
			d.published = t
			return true
		}
	}
	return false
}

// markdown renders the body paragraphs as markdown, escaping what
// markdown would otherwise read as markup at the start of a paragraph.
func (d *textDoc) markdown() string {
	var b strings.Builder
	for i, p := range d.paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if d.md {
			b.WriteString(strings.Join(p, "\n"))
			continue
		}
		b.WriteString(escapeBlockStart(strings.Join(p, " ")))
	}
	return b.String()
}

// splitLines splits on LF, CRLF and lone CR after dropping a BOM.
func splitLines(data []byte) []string {
	s := string(bytes.TrimPrefix(data, textenc.BOM))
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.Split(CleanMarkdown(s), "\n")
}

// isWidget matches the "No time to read?" / "Get a summary" widget lines,
// in any case and punctuation, alone or on one line together.
func isWidget(line string) bool {
	if len(line) > 40 {
		return false
	}
	// The letters, lower-cased, on the stack: isWidget sees most short
	// lines of every file in a folder.
	var buf [40 * utf8.UTFMax]byte
	b := buf[:0]
	for _, r := range line {
		if unicode.IsLetter(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	// string(b) in a comparison is not copied.
	return string(b) == "notimetoread" || string(b) == "getasummary" || string(b) == "notimetoreadgetasummary"
}

func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’)»")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?…。！？", r)
}

// escapeBlockStart keeps a paragraph of plain text from turning into a
// heading, list, quote or code block when read as markdown.
func escapeBlockStart(p string) string {
	if p == "" {
		return p
	}
	switch p[0] {
	case '#', '>', '-', '+', '*', '=', '|', '`', '~':
		return `\` + p
	}
	// "1. text" or "1) text" would become an ordered list.
	i := 0
	for i < len(p) && i < 9 && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(p) && (p[i] == '.' || p[i] == ')') && p[i+1] == ' ' {
		return p[:i] + `\` + p[i:]
	}
	return p
}

var dateLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "2006-01-02",
	"January 2, 2006 15:04", "2006-01-02 15:04", time.RFC3339,
}

// parseDate recognises a dateline such as "November 27, 2026".
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Published:"), "Published")
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
