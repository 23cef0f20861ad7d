package reader

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestScanWithoutParagraphs: a folder's scan (scanTextForm without
// paragraphs) finds the headline, byline, date, links and word count the
// full parse finds, on the text test files and on random documents of
// headline, metadata, widget, label, link and body lines in text and
// markdown form.
func TestScanWithoutParagraphs(t *testing.T) {
	var docs []string
	files, _ := filepath.Glob("testdata/text/*.txt")
	chain, _ := filepath.Glob("testdata/chain/*.txt")
	for _, f := range append(files, chain...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	if len(docs) < 5 {
		t.Fatalf("only %d test files", len(docs))
	}
	lines := []string{"", "", "The Harbour Tram", "# A Heading", "By Jane Doe", "March 3, 2024", "2024-03-03",
		"No time to read?", "Get a summary", "Next Article:", "Previous article", "next article: The Ferry",
		"PREV ARTICLE: Old News", "Next article in the series is long", "prev is not a label", "nothing",
		"The council voted to extend the line.", "  indented words here  ", "Pages\tand tabs", "Último día",
		strings.Repeat("A long sentence of many words. ", 12)}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(lines[rng.IntN(len(lines))])
			b.WriteByte('\n')
		}
		docs = append(docs, b.String())
	}
	for _, doc := range docs {
		for _, md := range []bool{false, true} {
			full, scan := scanTextForm([]byte(doc), md, true), scanTextForm([]byte(doc), md, false)
			if scan.paras != nil {
				t.Fatalf("paragraphs kept without being asked for: %q", doc)
			}
			if scan.title != full.title || scan.byline != full.byline || !scan.published.Equal(full.published) ||
				scan.words != full.words || !reflect.DeepEqual(scan.prev, full.prev) || !reflect.DeepEqual(scan.next, full.next) {
				t.Fatalf("md %v, %q:\nscan %+v\nfull %+v", md, doc, scan, full)
			}
		}
	}
}
