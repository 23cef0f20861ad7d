package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/reader/internal/words"
)

// Fuzz tests of the text form and of the text helpers every parser
// shares. The seeds (and testdata/fuzz/Fuzz*) run in every `go test`;
// fuzz with
//
//	go test ./reader -run '^$' -fuzz '^FuzzParseText$' -fuzztime 4m -parallel 1

// addTextSeeds adds the text-form fixtures and hand-made cases of the
// link lines the form uses.
func addTextSeeds(f *testing.F) {
	var files []string
	for _, g := range []string{"testdata/text/*.txt", "testdata/chain/*.txt", "testdata/chain/sub/*.txt", "sample/edition/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"T\r\nbody\rNext Article:\r\n",
		"\ufeffNext Article\nPrevious Article\n",
		"T\n\x1b[2Jbody\x00",
		// the link lines: a label alone, then its headline; inline; in
		// any case; repeated (the first wins); a label with no headline
		"Headline\n\nNo time to read?\nGet a summary\n\nBody text.\n\nPrevious Article\nOlder one\nNext Article\nNewer one\n",
		"Headline\nBody.\nNext article: Storm Warning\nprevious ARTICLE:   Council — Votes\n",
		"Headline\nBody.\nNext Article\n\n\nNo time to read?\nNewer one\nNext Article\nIgnored\n",
		"Headline\nBody.\nPrev Article :\nP\nNext Article",
		"Headline\nBy Jane Doe, Reuters\nNovember 27, 2026\n# not a heading. 1. not a list\n",
		"Next article in the series is long.\nNext article in the series, the body.\n",
		"T\n\xfe\xff body",
		"\xff\xfeT\x00\n\x00b\x00o\x00d\x00y\x00",
		"T\nCaf\xe9 cr\xe8me\n",
		"T\n\u202eevil\u202c \u009b31m body\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParseText: any input gives an article or a one-line FileError,
// never a panic; what comes out is clean, holds no widget or link-label
// lines in its body, and the listing (full=false) reads the same
// metadata and links as the full parse. ParseMarkdown, which shares the
// form, is held to the same cleanliness.
func FuzzParseText(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var arts [2]*Article
		for i, full := range []bool{false, true} {
			a, err := ParseText("f.txt", data, full)
			if err != nil {
				if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "f.txt ") {
					t.Fatalf("bad error %q", err)
				}
				if arts[0] != nil {
					t.Fatalf("full parse failed (%v) where the listing did not", err)
				}
				continue
			}
			arts[i] = a
			if a.Title == "" || a.Words <= 0 {
				t.Fatalf("article without title or words: %+v", a)
			}
			if a.Partial == full || (!full && a.Body != "") || (full && a.Body == "") {
				t.Fatalf("full=%v: Partial=%v, body %q", full, a.Partial, a.Body)
			}
			for _, s := range []string{a.Title, a.Body, a.Byline, linkTitle(a.Prev), linkTitle(a.Next)} {
				if Clean(s) != s || !utf8.ValidString(s) {
					t.Fatalf("unclean text %q", s)
				}
			}
			for _, s := range []string{a.Title, a.Byline} {
				if s != words.Collapse(s) {
					t.Fatalf("title or byline not one spaced line: %q", s)
				}
			}
			if isWidget(a.Title) {
				t.Fatalf("widget line as title %q", a.Title)
			}
			for _, l := range []*Link{a.Prev, a.Next} {
				if l == nil {
					continue
				}
				if l.Kind != KindText || l.URL != "" || l.Resolved || l.Target != "" || l.Title == "" {
					t.Fatalf("bad text link %+v", l)
				}
				if l.Title != words.Collapse(l.Title) || l.Label != words.Collapse(l.Label) || !labelOnly.MatchString(l.Label) {
					t.Fatalf("link label or title not one line: %+v", l)
				}
				if isWidget(l.Title) {
					t.Fatalf("widget line as link title %+v", l)
				}
			}
		}
		if arts[0] == nil && arts[1] != nil {
			t.Fatal("the listing failed where the full parse did not")
		}
		if p, a := arts[0], arts[1]; p != nil {
			if p.Title != a.Title || p.Byline != a.Byline || !p.Published.Equal(a.Published) || p.Words != a.Words ||
				linkTitle(p.Prev) != linkTitle(a.Prev) || linkTitle(p.Next) != linkTitle(a.Next) {
				t.Fatalf("listing and full parse differ:\n%+v\n%+v", p, a)
			}
		}
		// The markdown form reads the same lines, keeping the body's
		// markup and indentation.
		if m, err := ParseMarkdown("f.md", data, true); err == nil {
			for _, s := range []string{m.Title, m.Body, m.Byline, linkTitle(m.Prev), linkTitle(m.Next)} {
				if Clean(s) != s || !utf8.ValidString(s) {
					t.Fatalf("unclean markdown text %q", s)
				}
			}
			if m.Title == "" || m.Title != words.Collapse(m.Title) || m.Words <= 0 {
				t.Fatalf("markdown article %+v", m)
			}
		} else if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "f.md ") {
			t.Fatalf("bad error %q", err)
		}
		// The body is made of body lines only: no widget line, no link
		// label, no link headline.
		clean, err := checkText("f.txt", data)
		if err != nil {
			return
		}
		d := scanText(clean, false)
		nwords := 0
		for _, p := range d.paras {
			for _, line := range p {
				if line == "" || isWidget(line) || labelOnly.MatchString(line) || labelInline.MatchString(line) {
					t.Fatalf("chrome line %q in the body", line)
				}
				nwords += words.Count(line)
			}
		}
		if nwords != d.words {
			t.Fatalf("words %d, body lines hold %d", d.words, nwords)
		}
	})
}

// FuzzParseTextLinks builds a page in the text form from its parts and
// checks that ParseText gives each part back: the headline, the body and
// the previous and next links, whichever way the labels are written.
func FuzzParseTextLinks(f *testing.F) {
	f.Add("Putin, Raisi Hold Talks", "In the Kremlin, the presidents met.", "Spartak Faces Critical Test", "Ukraine Considers Building", uint8(0))
	f.Add("Storm", "Rain. More rain!", "Council Votes on Budget — and Wants More", "“Quoted” headline…", uint8(1))
	f.Add("T", "b", "Next Article", "Previous article: x", uint8(2))
	f.Add("Сводка", "Текст статьи.", "Предыдущая", "下一篇", uint8(3))
	f.Fuzz(func(t *testing.T, title, body, prev, next string, form uint8) {
		for _, s := range []string{title, body, prev, next} {
			if Clean(s) != s || strings.ContainsAny(s, "\n\r") || strings.TrimSpace(s) == "" {
				t.Skip()
			}
		}
		if strings.HasPrefix(title, "\ufeff") || isWidget(strings.TrimSpace(title)) {
			t.Skip()
		}
		tb := strings.TrimSpace(body)
		if isWidget(tb) || labelOnly.MatchString(tb) || labelInline.MatchString(tb) || bylineLine().MatchString(tb) || len(tb) <= 40 && isDateLine(tb) {
			t.Skip()
		}
		for _, s := range []string{prev, next} {
			s = strings.TrimSpace(s)
			if isWidget(s) || labelOnly.MatchString(s) || labelInline.MatchString(s) {
				t.Skip()
			}
		}
		var doc string
		switch form % 4 {
		case 0:
			doc = title + "\n\nNo time to read?\nGet a summary\n\n" + body + "\n\nPrevious Article\n" + prev + "\nNext Article\n" + next + "\n"
		case 1:
			doc = title + "\n" + body + "\nNext article: " + next + "\nprevious ARTICLE:\t" + prev + "\n"
		case 2:
			doc = title + "\r\n\r\n" + body + "\r\nPREV ARTICLE:\r\n\r\n" + prev + "\r\nnext article\r\nNo Time To Read?\r\n" + next
		default:
			doc = title + "\n" + body + "\nNext Article:\n" + next + "\nPrevious Article: " + prev + "\nNext Article: ignored\n"
		}
		if binaryKind([]byte(doc)) != "" {
			t.Skip()
		}
		a, err := ParseText("f.txt", []byte(doc), true)
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if a.Title != words.Collapse(title) {
			t.Fatalf("title %q, want %q", a.Title, words.Collapse(title))
		}
		if a.Prev == nil || a.Prev.Title != words.Collapse(prev) || a.Next == nil || a.Next.Title != words.Collapse(next) {
			t.Fatalf("links %+v %+v from %q", a.Prev, a.Next, doc)
		}
		if a.Words != words.Count(body) {
			t.Fatalf("words %d, body has %d: %q", a.Words, words.Count(body), doc)
		}
	})
}

// isDateLine is a line the text form reads as the article's date.
func isDateLine(s string) bool { _, ok := parseDate(s); return ok }

func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range []string{"Champion — and Wants", "Origin.", "“x”", "", "---", "a\u00a0b", "ﬁnancial ½", "00000000000000000000\xf7ˠ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeTitle(s)
		if NormalizeTitle(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, NormalizeTitle(n))
		}
		if !utf8.ValidString(n) || n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("not one spaced valid line: %q → %q", s, n)
		}
		if isASCII(s) && NormalizeTitle(strings.ToUpper(s)) != n {
			t.Fatalf("case matters: %q", s)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
