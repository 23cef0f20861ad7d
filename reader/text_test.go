package reader

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/reader/internal/words"
)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseTextVariants checks that the encodings and white space users'
// files really come with all read the same as the clean form.
func TestParseTextVariants(t *testing.T) {
	clean := mustRead(t, "testdata/text/clean.txt")
	want, err := ParseText("clean.txt", clean, true)
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string][]byte{
		"bom":              append([]byte("\ufeff"), clean...),
		"crlf":             bytes.ReplaceAll(clean, []byte("\n"), []byte("\r\n")),
		"cr":               bytes.ReplaceAll(clean, []byte("\n"), []byte("\r")),
		"trailing spaces":  bytes.ReplaceAll(clean, []byte("\n"), []byte("   \n")),
		"tabs":             bytes.ReplaceAll(clean, []byte("\n"), []byte("\t\n\t")),
		"blank runs":       bytes.ReplaceAll(clean, []byte("\n\n"), []byte("\n\n\n\n \n")),
		"no final newline": bytes.TrimRight(clean, "\n"),
		"leading blanks":   append([]byte("\n\n  \n"), clean...),
		"bom crlf no eol":  append([]byte("\ufeff"), bytes.TrimRight(bytes.ReplaceAll(clean, []byte("\n"), []byte("\r\n")), "\r\n")...),
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			got, err := ParseText("clean.txt", data, true)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != want.Title || got.Body != want.Body || got.Words != want.Words {
				t.Errorf("got %q / %q (%d words), want %q / %q (%d words)", got.Title, got.Body, got.Words, want.Title, want.Body, want.Words)
			}
			if *got.Prev != *want.Prev || *got.Next != *want.Next {
				t.Errorf("links %+v %+v, want %+v %+v", got.Prev, got.Next, want.Prev, want.Next)
			}
		})
	}
}

func TestParseTextClean(t *testing.T) {
	a, err := ParseText("clean.txt", mustRead(t, "testdata/text/clean.txt"), true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "City Opens New Bridge After Three Years of Work" {
		t.Errorf("title %q", a.Title)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != 3 {
		t.Fatalf("want 3 paragraphs, got %d: %q", len(paras), a.Body)
	}
	if !strings.HasPrefix(paras[0], "The new Eastgate bridge") {
		t.Errorf("body starts %q", paras[0])
	}
	// Sentences that merely mention previous articles or the next
	// article of a treaty are body text.
	if !strings.Contains(a.Body, "Previous articles in this series") || !strings.Contains(a.Body, "the next article of the treaty") {
		t.Errorf("body lost text: %q", a.Body)
	}
	for _, chrome := range []string{"No time to read", "Get a summary", "Previous Article", "Next Article", "Storm Warning", "Council Votes"} {
		if strings.Contains(a.Body, chrome) {
			t.Errorf("body contains %q: %q", chrome, a.Body)
		}
	}
	wantTextLink(t, a.Prev, "Previous Article", "Council Votes on Budget — and Wants More")
	wantTextLink(t, a.Next, "Next Article", "Storm Warning Issued for Coast")
	if a.Partial || a.Words != words.Count(a.Body) {
		t.Errorf("partial=%v words=%d, body has %d", a.Partial, a.Words, words.Count(a.Body))
	}
}

func wantTextLink(t *testing.T, l *Link, label, title string) {
	t.Helper()
	if title == "" {
		if l != nil {
			t.Errorf("want no link, got %+v", l)
		}
		return
	}
	if l == nil {
		t.Fatalf("want link %q %q, got none", label, title)
	}
	if l.Label != label || l.Title != title || l.Kind != KindText || l.Resolved {
		t.Errorf("got %+v, want label %q title %q", l, label, title)
	}
}

func TestParseTextLinkForms(t *testing.T) {
	tests := []struct {
		file                 string
		title                string
		prevLabel, prevTitle string
		nextLabel, nextTitle string
		bodyHas, bodyHasNot  string
	}{
		{"inline.txt", "Inline Links Story", "previous ARTICLE", "Council Votes on Budget — and Wants More",
			"Next article", "Storm Warning Issued for Coast", "One paragraph", "SUMMARY"},
		{"nolinks.txt", "A Story With No Links", "", "", "", "", "Just a body", "Article"},
		{"onlynext.txt", "Only Next", "", "", "NEXT ARTICLE", "Storm Warning Issued for Coast", "Body text here.", "NEXT"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := ParseText(tt.file, mustRead(t, "testdata/text/"+tt.file), true)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			wantTextLink(t, a.Prev, tt.prevLabel, tt.prevTitle)
			wantTextLink(t, a.Next, tt.nextLabel, tt.nextTitle)
			if !strings.Contains(a.Body, tt.bodyHas) || strings.Contains(a.Body, tt.bodyHasNot) {
				t.Errorf("body %q: want %q, not %q", a.Body, tt.bodyHas, tt.bodyHasNot)
			}
		})
	}
}

func TestParseTextInline(t *testing.T) {
	tests := []struct {
		name, in string
		body     string
		prev     string
		next     string
	}{
		{"label with colon then line", "T\n\nBody.\n\nNext Article:\n\nThe Next One\n", "Body.", "", "The Next One"},
		{"label lower case", "T\n\nBody.\n\nnext article\nThe Next One", "Body.", "", "The Next One"},
		{"prev abbreviation", "T\n\nBody.\n\nPrev Article: Older One", "Body.", "Older One", ""},
		{"label at end without headline", "T\n\nBody.\n\nNext Article\n", "Body.", "", ""},
		{"label followed by label", "T\n\nBody.\nPrevious Article\nNext Article\nN", "Body.", "", "N"},
		{"sentence starting with label words", "T\n\nNext article in the series will look at rents.", "Next article in the series will look at rents.", "", ""},
		{"widget lines mid body", "T\n\nOne.\nno time to read?\nGET A SUMMARY\n\nTwo.", "One.\n\nTwo.", "", ""},
		{"widget on one line", "T\nNo time to read? Get a summary\nBody.", "Body.", "", ""},
		{"repeated links keep first", "T\n\nBody.\n\nNext Article\nA\n\nNext Article\nB", "Body.", "", "A"},
		{"long paragraph stays one", "T\n\n" + strings.Repeat("word ", 5000), strings.TrimSpace(strings.Repeat("word ", 5000)), "", ""},
		{"one paragraph per long line", "T\n" + strings.Repeat("x", 120) + ".\n" + strings.Repeat("y", 120) + ".", strings.Repeat("x", 120) + ".\n\n" + strings.Repeat("y", 120) + ".", "", ""},
		{"hard-wrapped lines join", "T\n\nfirst half\nsecond half.", "first half second half.", "", ""},
		{"markdown-looking start escaped", "T\n\n# not a heading\n\n1. not a list", `\# not a heading` + "\n\n" + `1\. not a list`, "", ""},
		{"escape sequences removed", "T\x1b[31m\n\nBo\x1b]8;;http://x\x07dy\x1b[0m.\x07", "Body.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText("x.txt", []byte(tt.in), true)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "T" {
				t.Errorf("title %q", a.Title)
			}
			if a.Body != tt.body {
				t.Errorf("body %q, want %q", a.Body, tt.body)
			}
			if got := linkTitle(a.Prev); got != tt.prev {
				t.Errorf("prev %q, want %q", got, tt.prev)
			}
			if got := linkTitle(a.Next); got != tt.next {
				t.Errorf("next %q, want %q", got, tt.next)
			}
		})
	}
}

func linkTitle(l *Link) string {
	if l == nil {
		return ""
	}
	return l.Title
}

func TestParseTextEncodings(t *testing.T) {
	want := "Café Owners Protest Naïve Rules"
	latin1 := []byte("Caf\xe9 Owners Protest Na\xefve Rules\n\nThe caf\xe9 owners met on Monday.\n")
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "Café Owners Protest Naïve Rules\r\n\r\nThe café owners met on Monday.\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	for name, data := range map[string][]byte{"latin-1": latin1, "utf-16le with bom": utf16le} {
		a, err := ParseText("f.txt", data, true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Title != want || a.Body != "The café owners met on Monday." {
			t.Errorf("%s: %q / %q", name, a.Title, a.Body)
		}
	}
}

func TestParseTextMeta(t *testing.T) {
	a, err := ParseText("m.txt", []byte("Headline\n\nBy Jane O’Neill\nNovember 27, 2026\n\nBody text.\n"), true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "Jane O’Neill" || a.Published.Format("2006-01-02") != "2026-11-27" || a.Body != "Body text." {
		t.Errorf("byline %q published %v body %q", a.Byline, a.Published, a.Body)
	}
	// "By" opening a real sentence is body text.
	a, err = ParseText("m.txt", []byte("Headline\n\nBy the end of the week, prices had fallen sharply across the region.\n"), true)
	if err != nil || a.Byline != "" || !strings.HasPrefix(a.Body, "By the end") {
		t.Errorf("byline %q body %q err %v", a.Byline, a.Body, err)
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"empty", nil, "is empty"},
		{"blank with bom", mustRead(t, "testdata/text/blank-bom.txt"), "is empty"},
		{"only widget lines", []byte("No time to read?\nGet a summary\n"), "is empty"},
		{"headline only", mustRead(t, "testdata/text/headline-only.txt"), "has a headline but no article text"},
		{"png", mustRead(t, "testdata/bad/image.txt"), "is not text (image/png)"},
		{"nul bytes", []byte("Title\n\nbody\x00\x01\x02"), "is not text (binary data)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseText("dir/f.txt", tt.data, true)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want *FileError, got %v", err)
			}
			if want := "dir/f.txt " + tt.reason; err.Error() != want {
				t.Errorf("got %q, want %q", err, want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// TestScanMatchesFull: a scanned article has the same metadata as a full
// parse but no body.
func TestScanMatchesFull(t *testing.T) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, f := range files {
		data := mustRead(t, f)
		full, err1 := ParseText(f, data, true)
		part, err2 := ParseText(f, data, false)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s: errors differ: %v / %v", f, err1, err2)
		}
		if err1 != nil {
			continue
		}
		if !part.Partial || part.Body != "" || part.Title != full.Title || part.Words != full.Words {
			t.Errorf("%s: scan %+v vs full %+v", f, part, full)
		}
	}
}

func TestParseMarkdown(t *testing.T) {
	in := "# A Markdown Story\n\nSome *emphasis* here.\n\n- one\n- two\n\n    code\n\nNext Article: Other Story\n"
	a, err := ParseMarkdown("s.md", []byte(in), true)
	if err != nil {
		t.Fatal(err)
	}
	want := "Some *emphasis* here.\n\n- one\n- two\n\n    code"
	if a.Title != "A Markdown Story" || a.Body != want || linkTitle(a.Next) != "Other Story" {
		t.Errorf("title %q body %q next %v", a.Title, a.Body, a.Next)
	}
}

func TestSeedArticle(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/seeds not present")
	}
	a, err := ParseText(files[0], mustRead(t, files[0]), true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "In the Kremlin") || strings.Contains(a.Body, "Get a summary") || strings.Contains(a.Body, "Next Article") {
		t.Errorf("body %q...", a.Body[:80])
	}
	wantTextLink(t, a.Prev, "Previous Article", "Spartak Faces Critical Test as Mostovoy Voices Caution Ahead of Samara Clash")
	wantTextLink(t, a.Next, "Next Article", "Ukraine Considers Building Its Own Arms Industry Amid Aid Debates")
}
