package present

import (
	"strings"
	"sync"
)

// Rendering in pieces: glamour takes about 3 ms per 1,000 words, so a
// 20,000-word article rendered whole keeps the reader waiting. The
// reader renders the first piece, which fills the first screens, at
// once and the rest in the background, appending each piece as it
// comes. Pieces are cut only between two plain paragraphs, where
// rendering them apart and joining them with the separator glamour puts
// between two paragraphs (PieceSeparator) gives the same text as
// rendering the whole.

// FirstPieceBytes is the size of the first piece: about 1,500 words,
// more than the tallest terminal shows, rendered in a few milliseconds.
// Each next piece is twice the one before, up to MaxPieceBytes, so that
// a long article takes few pieces and the first comes at once.
const (
	FirstPieceBytes = 8 << 10
	MaxPieceBytes   = 256 << 10
)

// maxParagraphBytes is the longest paragraph kept whole: one beyond it
// (a log or a generated file, no article) could not be split into
// pieces, so it is broken into paragraphs at sentence ends, else at
// spaces.
const maxParagraphBytes = 32 << 10

// SplitMarkdown cuts markdown into pieces to render apart (RenderPiece)
// whose joined renderings are the rendering of the whole: the first of
// at least first bytes, each next twice as large up to MaxPieceBytes.
// Cuts fall only between two plain paragraphs, never inside a code
// block, a list, a quote or a table; a document with reference-style
// link definitions, which may be used before they are defined, stays
// whole. A paragraph over 32 KB is first broken into paragraphs.
func SplitMarkdown(md string, first int) []string {
	if len(md) <= first || hasLinkDefinitions(md) {
		return []string{md}
	}
	md = breakLongParagraphs(md)
	var pieces []string
	from, want, prevPlain := 0, first, false
	for _, b := range blocks(md) {
		plain := !b.fenced && isPlainBlock(md[b.start:b.end])
		if plain && prevPlain && b.start-from >= want {
			pieces = append(pieces, md[from:b.start])
			from, want = b.start, min(want*2, MaxPieceBytes)
		}
		prevPlain = plain
	}
	return append(pieces, md[from:])
}

// block is a run of non-blank lines, md[start:end] with its last
// newline; fenced is set for one inside (or opening) a fenced code
// block, whose blank lines do not end it.
type block struct {
	start, end int
	fenced     bool
}

// blocks finds the blocks of markdown: runs of lines between blank
// lines, a fenced code block's blank lines included.
func blocks(md string) []block {
	var out []block
	cur := block{start: -1}
	fenced := false
	for at := 0; at < len(md); {
		end := len(md)
		if i := strings.IndexByte(md[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		t := strings.TrimSpace(md[at:end])
		fence := isFence(t)
		switch {
		case t == "" && !fenced:
			if cur.start >= 0 {
				out = append(out, cur)
				cur = block{start: -1}
			}
		case cur.start < 0:
			cur = block{start: at, end: end, fenced: fenced || fence}
		default:
			cur.end = end
			cur.fenced = cur.fenced || fenced || fence
		}
		if fence {
			fenced = !fenced
		}
		at = end
	}
	if cur.start >= 0 {
		out = append(out, cur)
	}
	return out
}

// breakLongParagraphs breaks every plain paragraph over
// maxParagraphBytes into paragraphs (breakParagraph); md is returned as
// it is when it has none.
func breakLongParagraphs(md string) string {
	var b strings.Builder
	from := 0
	for _, blk := range blocks(md) {
		if blk.end-blk.start <= maxParagraphBytes || blk.fenced || !isPlainBlock(md[blk.start:blk.end]) {
			continue
		}
		b.WriteString(md[from:blk.start])
		b.WriteString(strings.Join(breakParagraph(md[blk.start:blk.end], maxParagraphBytes), "\n\n") + "\n")
		from = blk.end
	}
	if from == 0 {
		return md
	}
	b.WriteString(md[from:])
	return b.String()
}

// isPlainBlock reports a paragraph of prose: every line starts at the
// margin with something that starts no other block (heading, list,
// quote, code, table, rule, HTML, setext underline).
func isPlainBlock(blk string) bool {
	for _, l := range strings.Split(strings.TrimRight(blk, "\n"), "\n") {
		if l == "" || strings.ContainsRune("#>|`~<=-*_+[ \t!", rune(l[0])) || isBlockStart(strings.TrimSpace(l)) {
			return false
		}
	}
	return true
}

// hasLinkDefinitions reports a line like "[label]: https://…".
func hasLinkDefinitions(md string) bool {
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "[") {
			if i := strings.Index(t, "]:"); i > 1 {
				return true
			}
		}
	}
	return false
}

// breakParagraph breaks a paragraph into paragraphs of at most max
// bytes: after a sentence's end in the second half of the room when
// there is one, else at a space, else (a run of max bytes without a
// space is no word) at a character boundary.
func breakParagraph(p string, max int) []string {
	p = strings.Join(strings.Fields(p), " ")
	var out []string
	for len(p) > max {
		cut := strings.LastIndex(p[max/2:max], ". ")
		if cut >= 0 {
			cut += max/2 + 1
		} else if cut = strings.LastIndexByte(p[:max], ' '); cut <= 0 {
			cut = len(cutBytes(p, max))
		}
		out = append(out, p[:cut])
		p = strings.TrimLeft(p[cut:], " ")
	}
	return append(out, p)
}

// RenderPiece renders piece i of a document split by SplitMarkdown as
// Render does; every piece after the first starts with the separator
// that joins it to the one before.
func RenderPiece(piece string, i, termWidth int, o RenderOptions) (string, error) {
	out, err := Render(piece, termWidth, o)
	if err != nil || i == 0 {
		return out, err
	}
	sep, err := PieceSeparator(termWidth, o)
	return sep + out, err
}

type sepKey struct {
	width int
	o     RenderOptions
}

var separators sync.Map // sepKey → string

// PieceSeparator is what glamour puts between two paragraphs at a
// terminal width in a style: a two-paragraph document rendered whole,
// less its paragraphs rendered apart. It is worked out once for each
// width and style.
func PieceSeparator(termWidth int, o RenderOptions) (string, error) {
	k := sepKey{termWidth, o}
	if s, ok := separators.Load(k); ok {
		return s.(string), nil
	}
	whole, err := Render("Aa\n\nBb\n", termWidth, o)
	if err != nil {
		return "", err
	}
	a, _ := Render("Aa\n", termWidth, o)
	b, _ := Render("Bb\n", termWidth, o)
	if !strings.HasPrefix(whole, a) || !strings.HasSuffix(whole, b) || len(whole) < len(a)+len(b) {
		return "\n\n", nil // never seen; a plain blank line
	}
	sep := whole[len(a) : len(whole)-len(b)]
	separators.Store(k, sep)
	return sep, nil
}
