package reader

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/reader/fetch"
	"github.com/brief-news/brief/reader/internal/words"
)

// Fuzz tests: any bytes must parse without panicking, and whatever comes
// out must be safe to show (no escapes) and keep the link invariants.
// The seeds run in every `go test`; fuzz with
//
//	go test ./reader -run '^$' -fuzz '^FuzzParseHTML$' -fuzztime 4m -parallel 1 -fuzzminimizetime 5s
//
// (Minimizing a new input of a page-sized seed otherwise takes the
// default 60 s each, and a short run does little else.)

func addFixtureSeeds(f *testing.F) {
	// The pages of package navlinks are pages too.
	files, _ := filepath.Glob(filepath.Join("testdata", "web", "*.html"))
	nav, _ := filepath.Glob(filepath.Join("navlinks", "testdata", "web", "*.html"))
	files = append(files, nav...)
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"<html>",
		"<a rel=next href=/x>Next article</a>",
		"<link rel=prev href='?page=2'><a rel=prev href=javascript:x>Previous story</a>",
		"<div class=post-navigation><div class=nav-previous><a href=//evil/\x1b[2J>\x1b]8;;x\x07Older Post</a></div></div>",
		"<base href='file:///etc/'><a rel=next href=passwd>Next</a>",
		"<meta charset=shift_jis><title>\x82\xa0</title><p>\xff\xfe</p>",
		"\xfe\xff\x00<\x00h\x00t\x00m\x00l",
		"<nav><a class=prev href=/a>«</a><a class=next href=/a>»</a></nav>",
		"<div class=nav-links><a rel=prev href='mailto:x@y'>Previous Post</a><a rel=next href='tel:1'>Next Post</a></div>",
		"<div class=post-navigation><a href='javascript:go(1)'>Next story →</a><a href='file:///etc/passwd'>← Previous story</a></div>",
		"<a rel=next href='https://news.example.com/2026/11/story/2'>Next</a><a rel=prev href='https://news.example.com/?page=2'>Prev</a>",
		"<a rel=next href='https://news.example.com/'>Next</a><a rel=prev href='HTTPS://news.example.com/2026/11/story#c'>Prev</a>",
		"<link rel=next href='http:///nohost'><link rel=prev href='%zz'><a rel=next href='  //cdn.example/x  '>Next</a>",
		"<a rel=next href=/n>\n\n Next   article \t: Headline\u2028two</a>",
	} {
		f.Add([]byte(s))
	}
}

// checkArticleSafe fails on any output that could reach the terminal
// unsafely or breaks the Article/Link contracts.
func checkArticleSafe(t *testing.T, a *Article) {
	for _, s := range []string{a.Title, a.Byline, a.Site, a.Lang, a.URL, a.Body} {
		if s != Clean(s) {
			t.Fatalf("unclean text %q", s)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q", s)
		}
	}
	if a.Words < 0 || (a.Partial && a.Body != "") {
		t.Fatalf("words %d, partial %v with body %q", a.Words, a.Partial, a.Body)
	}
	if a.Prev != nil && a.Next != nil && a.Prev.URL == a.Next.URL {
		t.Fatalf("prev and next are the same link %q", a.Prev.URL)
	}
	for _, l := range []*Link{a.Prev, a.Next} {
		if l == nil {
			continue
		}
		checkNavLink(t, l)
		if l.Target != "" {
			t.Fatalf("ParseHTML set a target: %+v", l)
		}
	}
}

// checkNavLink checks what navlinks.Find promises of every link it
// returns, as ParseHTML passes it on: clean one-line label and title, a URL that parses and is
// never a mailto:, tel:, about: or blob: link, a web link with a host
// that is not a site's home page, Resolved exactly for web links, a
// page signal's kind, and a bounded title.
func checkNavLink(t *testing.T, l *Link) {
	t.Helper()
	for _, s := range []string{l.Label, l.Title, l.URL} {
		if s != Clean(s) || !utf8.ValidString(s) {
			t.Fatalf("unclean link text %q", s)
		}
	}
	if l.Label != words.Collapse(l.Label) || l.Title != words.Collapse(l.Title) {
		t.Fatalf("link label or title not one spaced line: %+v", l)
	}
	if n := utf8.RuneCountInString(l.Title); n > 301 {
		t.Fatalf("link title of %d runes", n)
	}
	if l.URL == "" || strings.HasPrefix(l.URL, "#") {
		t.Fatalf("empty or fragment link %q", l.URL)
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		t.Fatalf("link URL %q does not parse: %v", l.URL, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto", "tel", "about", "blob", "":
		t.Fatalf("link %q is not an article", l.URL)
	case "http", "https":
		if u.Host == "" || (strings.Trim(u.EscapedPath(), "/") == "" && u.RawQuery == "") {
			t.Fatalf("web link %q without host or to a home page", l.URL)
		}
	default:
		if l.Kind == KindLabel || l.Kind == KindArrow {
			if u.Scheme != "file" {
				t.Fatalf("weak signal gave the unfollowable %q", l.URL)
			}
		}
	}
	if l.Resolved != fetch.WebURL(u) {
		t.Fatalf("link %q resolved=%v", l.URL, l.Resolved)
	}
	switch l.Kind {
	case KindRel, KindTheme, KindHeadLink, KindLabel, KindArrow:
	default:
		t.Fatalf("link kind %q", l.Kind)
	}
}

func FuzzParseHTML(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, full := range []bool{false, true} {
			a, err := ParseHTML("fuzz.html", data, "", full)
			if err != nil {
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("multi-line error %q", err)
				}
				continue
			}
			if a.Partial == full {
				t.Fatalf("full=%v but Partial=%v", full, a.Partial)
			}
			checkArticleSafe(t, a)
		}
	})
}
