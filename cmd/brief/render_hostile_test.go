package main

import (
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/reader"
)

// TestRenderDropsControlReferences: glamour decodes character
// references, so the terminal path cleans the markdown it renders, also
// when an article did not come through the reader's parsers.
func TestRenderDropsControlReferences(t *testing.T) {
	a := &reader.Article{Title: "Direct &#27;]0;TITLE&#7;", Byline: "Ann &#x202e;", Location: "d.txt", Words: 20,
		Body: "Refs &#27;]0;PWNED&#7; and `&#x1b;[2J` and &#x202e;RLO and &ZeroWidthSpace;here, &#27[2J, &#x000000001b;]0;X&#7 and &#0027;[31m.",
		Next: &reader.Link{Label: "Next Article", Title: "Next &#27;[2J", Kind: reader.KindText}}
	out, err := render(markdownArticle(a, reader.FindRoutes(nil, nil, a), a.Body, "", ""), "dark", 80)
	if err != nil {
		t.Fatal(err)
	}
	if err := hostiletest.Check([]byte(out)); err != nil {
		t.Errorf("%v\n%q", err, out)
	}
}
