package present

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/brief-news/brief/internal/sample"
	"github.com/brief-news/brief/reader"
)

// mixedDoc holds every kind of block a body has, with paragraphs
// between them where pieces may be cut.
const mixedDoc = `A first paragraph of news about the harbour barrier and the tides, long enough to wrap at narrow widths. A well-known co-operative said so.

A second paragraph.
It runs over two lines of markdown.

## A heading

Text under the heading.

- a list item that is long enough to wrap at a narrow width, with more words
- another item

  a paragraph inside the item

After the list, prose again.

1. one
2. two

> A quote of *some* words.
>
> Its second paragraph.

Between the quote and the code.

` + "```go\nfunc main() {\n\n\tprintln(\"x\")\n}\n```" + `

After the code, **bold** and _italic_ text.

| a | b |
|---|---|
| 1 | 2 |

A paragraph after the table.

Setext heading
--------------

The last paragraph but one.

---

*The end notice.*
`

// TestPiecesJoinToWhole: rendering the pieces apart and joining them
// gives the text of rendering the whole, for the sample edition, the
// HTML fixtures and a document with every kind of block, at several
// widths and styles, with pieces as small as they come.
func TestPiecesJoinToWhole(t *testing.T) {
	docs := map[string]string{"mixed": mixedDoc}
	c, err := sample.Collection()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		docs[a.Location] = BodyMarkdown(a.Body, a.Words, "")
	}
	files, _ := filepath.Glob("../../reader/testdata/web/*.html")
	files = append(files, "testdata/harbour.html")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if a, err := reader.ParseHTML(f, data, "", true); err == nil {
			docs[f] = ArticleMarkdown(a, a.Body, "", "", []string{"Next: a story"})
		}
	}
	cut := 0
	for name, md := range docs {
		for _, o := range []RenderOptions{{Style: "dark", Profile: termenv.ANSI256}, {Style: "light", Profile: termenv.TrueColor}, {Style: "notty", Profile: termenv.Ascii}} {
			for _, w := range []int{40, 80, 120, 200} {
				whole, err := Render(md, w, o)
				if err != nil {
					t.Fatal(err)
				}
				pieces := SplitMarkdown(md, 1)
				if strings.Join(pieces, "") != md {
					t.Fatalf("%s: the pieces are not the document", name)
				}
				cut += len(pieces) - 1
				var b strings.Builder
				for i, p := range pieces {
					s, err := RenderPiece(p, i, w, o)
					if err != nil {
						t.Fatal(err)
					}
					b.WriteString(s)
				}
				if got := b.String(); got != whole {
					t.Errorf("%s, %s, width %d: %d pieces render to\n%s\nnot\n%s", name, o.Style, w, len(pieces), termenv.String(got), whole)
				}
			}
		}
	}
	if cut < 50 {
		t.Errorf("only %d cuts: the test tries too little", cut)
	}
}

// TestSplitMarkdownCuts: where pieces are cut, and their sizes.
func TestSplitMarkdownCuts(t *testing.T) {
	para := strings.Repeat("word ", 400) + "end.\n\n" // 2 KB
	md := strings.Repeat(para, 100)                   // 200 KB
	pieces := SplitMarkdown(md, FirstPieceBytes)
	if strings.Join(pieces, "") != md {
		t.Fatal("the pieces are not the document")
	}
	want := FirstPieceBytes
	for i, p := range pieces[:len(pieces)-1] {
		if len(p) < want || len(p) > want+len(para) {
			t.Errorf("piece %d: %d bytes, want %d to %d", i, len(p), want, want+len(para))
		}
		if !strings.HasPrefix(p, "word ") || !strings.HasSuffix(p, "end.\n\n") {
			t.Errorf("piece %d is not whole paragraphs", i)
		}
		want = min(want*2, MaxPieceBytes)
	}
	// No cut inside a fence, a list or before a link definition's use.
	code := "Intro.\n\n```\n" + strings.Repeat("code\n\n", 5000) + "```\n\nAfter.\n\nMore.\n"
	if p := SplitMarkdown(code, 10); len(p) != 2 || p[1] != "More.\n" {
		t.Errorf("fenced: %d pieces", len(p))
	}
	list := "Intro.\n\n" + strings.Repeat("- item\n\n  more of it\n\n", 2000) + "After.\n\nMore.\n"
	if p := SplitMarkdown(list, 10); len(p) != 2 || p[1] != "More.\n" {
		t.Errorf("list: %d pieces", len(p))
	}
	if p := SplitMarkdown(strings.Repeat(para, 10)+"[x]: https://x\n", 10); len(p) != 1 {
		t.Errorf("link definitions: %d pieces", len(p))
	}
	// A paragraph of 1 MB becomes paragraphs at sentence ends.
	huge := strings.Repeat("The council voted on the harbour barrier. ", 25_000)
	p := SplitMarkdown(huge, FirstPieceBytes)
	if len(p) < 4 || len(p[0]) > maxParagraphBytes+2 {
		t.Fatalf("1 MB paragraph: %d pieces, the first of %d bytes", len(p), len(p[0]))
	}
	if got := strings.Join(strings.Fields(strings.Join(p, " ")), " "); got != strings.TrimSpace(huge) {
		t.Error("breaking the paragraph changed its words")
	}
	if !strings.HasSuffix(p[0], "barrier.\n\n") {
		t.Errorf("not broken at a sentence end: %q", p[0][len(p[0])-30:])
	}
}
