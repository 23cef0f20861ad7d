package navlinks

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/brief-news/brief/reader/internal/safetext"
	"github.com/brief-news/brief/reader/internal/textenc"
	"github.com/brief-news/brief/reader/internal/words"
)

// Fuzz test: any bytes must give links that are safe to show and keep
// the link invariants. The seeds (and testdata/fuzz/FuzzNavLinks) run in
// every `go test`; fuzz with
//
//	go test ./reader/navlinks -run '^$' -fuzz '^FuzzNavLinks$' -fuzztime 4m -parallel 1 -fuzzminimizetime 5s

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

// checkNavLink checks what Find promises of every link it
// returns: clean one-line label and title, a URL that parses and is
// never a mailto:, tel:, about: or blob: link, a web link with a host
// that is not a site's home page, Web exactly for web links, a
// page signal's kind, and a bounded title.
func checkNavLink(t *testing.T, l *Link) {
	t.Helper()
	for _, s := range []string{l.Label, l.Title, l.URL} {
		if s != safetext.Clean(s) || !utf8.ValidString(s) {
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
		if u.Host == "" || siteRoot(u) {
			t.Fatalf("web link %q without host or to a home page", l.URL)
		}
	default:
		if l.Kind == ByLabel || l.Kind == ByArrow {
			if u.Scheme != "file" {
				t.Fatalf("weak signal gave the unfollowable %q", l.URL)
			}
		}
	}
	if l.Web != webScheme(u) {
		t.Fatalf("link %q web=%v", l.URL, l.Web)
	}
	switch l.Kind {
	case ByRel, ByTheme, ByHeadLink, ByLabel, ByArrow:
	default:
		t.Fatalf("link kind %q", l.Kind)
	}
}

func FuzzNavLinks(f *testing.F) {
	addFixtureSeeds(f)
	page, _ := url.Parse("https://news.example.com/2026/11/story")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := html.Parse(strings.NewReader(textenc.ToUTF8(data, "")))
		if err != nil {
			return
		}
		for _, pg := range []*url.URL{page, nil} {
			prev, next := Find(doc, pg, pg)
			if prev != nil && next != nil && prev.URL == next.URL {
				t.Fatalf("prev and next are the same link %q", prev.URL)
			}
			for _, l := range []*Link{prev, next} {
				if l == nil {
					continue
				}
				checkNavLink(t, l)
				u, _ := url.Parse(l.URL)
				if pg == nil {
					// Nothing to resolve against: only absolute links.
					if !u.IsAbs() {
						t.Fatalf("relative link %q with no base", l.URL)
					}
					continue
				}
				if webScheme(u) && sameDocument(u, pg) {
					t.Fatalf("link to the page itself: %q", l.URL)
				}
				if webScheme(u) && pageNumberURL(u, pg) {
					t.Fatalf("link to a numbered page: %q", l.URL)
				}
			}
		}
	})
}

// webScheme is the test's own statement of a web link: http or https
// with a host.
func webScheme(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
