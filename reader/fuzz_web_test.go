package reader

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Fuzz tests: any bytes must parse without panicking, and whatever comes
// out must be safe to show (no escapes) and keep the link invariants.
// The seeds run in every `go test`; fuzz with
//
//	go test ./reader -run '^$' -fuzz FuzzParseHTML -fuzztime 60s
//	go test ./reader -run '^$' -fuzz FuzzNavLinks -fuzztime 60s

func addFixtureSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "web", "*.html"))
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
	for _, l := range []*Link{a.Prev, a.Next} {
		if l == nil {
			continue
		}
		for _, s := range []string{l.Label, l.Title, l.URL} {
			if s != Clean(s) {
				t.Fatalf("unclean link text %q", s)
			}
		}
		u, err := url.Parse(l.URL)
		if err != nil {
			t.Fatalf("link URL %q does not parse: %v", l.URL, err)
		}
		if l.Resolved != webScheme(u) {
			t.Fatalf("link %q resolved=%v", l.URL, l.Resolved)
		}
		if l.Target != "" {
			t.Fatalf("ParseHTML set a target: %+v", l)
		}
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

func FuzzNavLinks(f *testing.F) {
	addFixtureSeeds(f)
	page, _ := url.Parse("https://news.example.com/2026/11/story")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := html.Parse(strings.NewReader(decodeUTF8(data, "")))
		if err != nil {
			return
		}
		prev, next := findNavLinks(doc, page, page)
		if prev != nil && next != nil && prev.URL == next.URL {
			t.Fatalf("prev and next are the same link %q", prev.URL)
		}
		for _, l := range []*Link{prev, next} {
			if l == nil {
				continue
			}
			u, err := url.Parse(l.URL)
			if err != nil {
				t.Fatalf("unparsable %q", l.URL)
			}
			if webScheme(u) && sameDocument(u, page) {
				t.Fatalf("link to the page itself: %q", l.URL)
			}
			if strings.HasPrefix(l.URL, "#") || l.URL == "" {
				t.Fatalf("empty or fragment link %q", l.URL)
			}
			if l.Label != Clean(l.Label) || l.Title != Clean(l.Title) || l.URL != Clean(l.URL) {
				t.Fatalf("unclean link %+v", l)
			}
		}
	})
}
