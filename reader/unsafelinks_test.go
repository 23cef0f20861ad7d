package reader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Links a page must never make brief follow: to the reader's files, to
// script, to inline documents. They may be kept to show (unresolved,
// never a web address to fetch) or dropped; never followable.

// unsafeHrefs are next links no page may lead brief along.
var unsafeHrefs = []string{
	"file:///etc/passwd",
	"FILE:///etc/passwd",
	"javascript:alert(1)",
	" JavaScript:alert(document.cookie)",
	"data:text/html,<script>alert(1)</script>",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"vbscript:msgbox(1)",
	"jav&#x09;ascript:alert(1)",
}

// navForms are the ways a page names its next article.
var navForms = map[string]func(href string) (head, body string){
	"rel": func(h string) (string, string) {
		return "", `<nav class="post-navigation"><a rel="next" href="` + h + `">Next article</a></nav>`
	},
	"label": func(h string) (string, string) {
		return "", `<div class="post-nav"><span>Next Article</span> <a href="` + h + `">The story after this one</a></div>`
	},
	"theme": func(h string) (string, string) {
		return "", `<nav class="post-navigation"><div class="nav-next"><a href="` + h + `">Bus fares frozen</a></div></nav>`
	},
	"head": func(h string) (string, string) { return `<link rel="next" href="` + h + `">`, "" },
}

func unsafePage(head, nav string) string {
	return `<!doctype html><html><head><title>A story with odd links</title>` + head + `</head><body><article><h1>A story with odd links</h1>
<p>` + strings.Repeat("The council met on Tuesday and voted to keep the night trams running through the winter months. ", 6) + `</p>
<p>` + strings.Repeat("Residents said the service had changed how they get home after late shifts at the harbour. ", 6) + `</p>
</article>` + nav + `</body></html>`
}

// checkNotFollowable fails when l is a link brief would follow: one
// that resolves to an article, or one with a web address.
func checkNotFollowable(t *testing.T, what string, l *Link) {
	t.Helper()
	if l == nil {
		return
	}
	if l.Resolved || l.Target != "" || IsURL(l.URL) {
		t.Errorf("%s: followable link %+v", what, l)
	}
	if u, err := url.Parse(l.URL); err == nil && strings.EqualFold(u.Scheme, "file") && l.InCollection() {
		t.Errorf("%s: a file: link resolved to %q", what, l.Target)
	}
}

// Saved and fetched pages alike: an unsafe next link in any form is
// never a link brief follows.
func TestUnsafeNavLinksAreNeverFollowable(t *testing.T) {
	var page string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	dir := t.TempDir()
	for form, build := range navForms {
		for _, href := range unsafeHrefs {
			head, nav := build(href)
			page = unsafePage(head, nav)
			what := form + " " + href
			file := filepath.Join(dir, "page.html")
			if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, full := range []bool{false, true} {
				a, err := ParseHTML(file, []byte(page), "", full)
				if err != nil {
					t.Fatal(err)
				}
				checkNotFollowable(t, what+" (file)", a.Next)
			}
			a, err := FetchArticle(context.Background(), srv.URL+"/story")
			if err != nil {
				t.Fatal(err)
			}
			checkNotFollowable(t, what+" (fetched)", a.Next)
			c, err := Load(context.Background(), []string{dir}, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkNotFollowable(t, what+" (collection)", c.Lookup(file).Next)
		}
	}
}

// A relative link resolves against <base href>: a saved file may set a
// file: base (its links then name files, shown and never fetched), but
// a fetched page cannot point its links at the reader's disk.
func TestFetchedPageCannotSetFileBase(t *testing.T) {
	page := unsafePage(`<base href="file:///etc/">`, `<nav class="post-navigation"><a rel="next" href="passwd">Next article</a></nav>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	a, err := FetchArticle(context.Background(), srv.URL+"/news/story")
	if err != nil {
		t.Fatal(err)
	}
	if a.Next == nil || strings.HasPrefix(strings.ToLower(a.Next.URL), "file:") {
		t.Fatalf("fetched page's next link: %+v", a.Next)
	}
	if a.Next.URL != srv.URL+"/news/passwd" {
		t.Errorf("next %q resolves against the page, want %q", a.Next.URL, srv.URL+"/news/passwd")
	}
	f, err := ParseHTML("saved.html", []byte(page), "", true)
	if err != nil {
		t.Fatal(err)
	}
	if f.Next == nil || f.Next.URL != "file:///etc/passwd" || f.Next.Resolved {
		t.Errorf("saved page's next link: %+v", f.Next)
	}
}

// A page from the web that links to a file the reader also loaded does
// not lead there: file: links resolve only between saved files.
func TestWebPageFileLinkDoesNotResolveToLocalFile(t *testing.T) {
	dir := t.TempDir()
	local := filepath.Join(dir, "local.html")
	if err := os.WriteFile(local, []byte(unsafePage("", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(local)
	href := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, unsafePage("", `<nav class="post-navigation"><a rel="next" href="`+href+`">Next article</a></nav>`))
	}))
	defer srv.Close()
	// A saved sibling with a file: link, so that the collection maps
	// file: addresses at all.
	saved := filepath.Join(dir, "saved.html")
	if err := os.WriteFile(saved, []byte(unsafePage("", `<a rel="next" href="local.html">Next article</a>`)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), []string{srv.URL + "/story", dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := c.Lookup(saved).Next; !l.InCollection() || l.Target != local {
		t.Fatalf("a saved page's own link no longer resolves: %+v", l)
	}
	web := c.Lookup(srv.URL + "/story")
	if web == nil || web.Next == nil {
		t.Fatalf("web article or its link missing: %+v", web)
	}
	checkNotFollowable(t, "web page's file: link", web.Next)
}

// Scraped text names its neighbours by headline only: a "headline" that
// is an address is matched against titles, never opened or fetched.
func TestTextLinkThatLooksLikeAnAddress(t *testing.T) {
	dir := t.TempDir()
	body := "Night Trams Run All Winter\n\nThe council met on Tuesday. It voted to keep the trams.\n\n" +
		"Previous Article\n\njavascript:alert(1)\n\nNext Article\n\nfile:///etc/passwd\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := c.Articles[0]
	for _, l := range []*Link{a.Prev, a.Next} {
		checkNotFollowable(t, "text link", l)
		if l != nil && l.URL != "" {
			t.Errorf("text link has an address %q", l.URL)
		}
	}
}
