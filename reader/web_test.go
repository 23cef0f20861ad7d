package reader

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
)

// Fixture pages in testdata/web: article pages and pages that are not
// articles. The pages of every shape of previous/next link are
// navlinks's (navlinks/testdata/web).

func readFixture(t *testing.T, name string) (string, []byte) {
	t.Helper()
	path := filepath.Join("testdata", "web", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// The headlines of the neighbours in the fixtures.
const (
	exBr  = "Bridge repairs finish early"
	exBus = "Bus fares frozen for winter"
)

// wantLink is a reader.Link as a page's markup gives it (package
// navlinks finds it; ParseHTML makes it an Article's).
type wantLink struct {
	url, label, title string
	kind              LinkKind
	resolved          bool
}

func checkLink(t *testing.T, side string, got *Link, want *wantLink) {
	t.Helper()
	if want == nil {
		if got != nil {
			t.Errorf("%s: got %+v, want none", side, *got)
		}
		return
	}
	if got == nil {
		t.Errorf("%s: got none, want %s", side, want.url)
		return
	}
	if got.URL != want.url || got.Label != want.label || got.Title != want.title || got.Kind != want.kind || got.Resolved != want.resolved {
		t.Errorf("%s:\n got  %q %q %q %s resolved=%v\n want %q %q %q %s resolved=%v", side,
			got.URL, got.Label, got.Title, got.Kind, got.Resolved, want.url, want.label, want.title, want.kind, want.resolved)
	}
}

func TestParseHTMLArticle(t *testing.T) {
	path, data := readFixture(t, "wp-classic.html")
	a, err := ParseHTML(path, data, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Night trams will cross the river" || a.Byline != "Jane Doe" || a.Site != "Example News" || a.Lang != "en" {
		t.Errorf("metadata: %q %q %q %q", a.Title, a.Byline, a.Site, a.Lang)
	}
	if a.URL != "https://news.example.com/2026/11/night-trams" {
		t.Errorf("URL from canonical: %q", a.URL)
	}
	if !a.Published.Equal(time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	if a.Partial || a.Words < 100 || !strings.Contains(a.Body, "night tram service across the river") {
		t.Errorf("body: partial=%v words=%d body=%q", a.Partial, a.Words, a.Body)
	}
	for _, junk := range []string{"Home", "© Example News", "Previous Post"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body keeps page furniture %q", junk)
		}
	}
	// Scan mode: same title and links, no body, a word estimate.
	p, err := ParseHTML(path, data, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Partial || p.Body != "" || p.Title != a.Title || p.Words == 0 || p.URL != a.URL {
		t.Errorf("scan: %+v", p)
	}
}

func TestParseHTMLMarkdown(t *testing.T) {
	page := `<html><head><title>Markdown shapes in one story</title></head><body><article>
<h1>Markdown shapes in one story</h1>
<p>This article exists to check that each kind of block survives the trip from HTML to markdown, with enough words in every paragraph for readability to keep it as the main content of the page.</p>
<h2>A second heading</h2>
<p>Some <strong>strong</strong> and <em>emphasised</em> words, and <a href="/other">a link</a> resolved against the page.</p>
<ul><li>first item of the list</li><li>second item of the list</li></ul>
<blockquote><p>A quotation from someone who said something worth quoting at length here.</p></blockquote>
<pre><code>fmt.Println("code block")</code></pre>
<table><thead><tr><th>City</th><th>Trams</th></tr></thead><tbody><tr><td>Oslo</td><td>12</td></tr><tr><td>Bergen</td><td>4</td></tr></tbody></table>
<p><img src="/map.png" alt="Map of the new line"> The map shows the route of the new line from end to end.</p>
</article></body></html>`
	a, err := parsePage("https://example.com/news/story", "https://example.com/news/story", []byte(page), "text/html", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## A second heading", "**strong**", "*emphasised*", "[a link](https://example.com/other)",
		"- first item", "> A quotation", "```", `fmt.Println("code block")`, "| City", "| Trams |", "| Oslo", "![Map of the new line](https://example.com/map.png)"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("markdown lacks %q:\n%s", want, a.Body)
		}
	}
}

func TestParseHTMLCharsets(t *testing.T) {
	path, data := readFixture(t, "latin1.html")
	a, err := ParseHTML(path, data, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café crème à Noël" || !strings.Contains(a.Body, "« C'est notre façon de remercier les habitants »") {
		t.Errorf("meta charset not honoured: %q / %q", a.Title, a.Body)
	}
	body := "<html><head><title>Kyoto</title></head><body><p>" + strings.Repeat("京都の紅葉は今が見頃です。", 20) + "</p></body></html>"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(body)
	// The HTTP header names the charset; the page does not.
	a, err = parsePage("http://x/", "http://x/", []byte(sjis), "text/html; charset=Shift_JIS", true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "京都の紅葉") {
		t.Errorf("header charset not honoured: %q", a.Body[:min(60, len(a.Body))])
	}
}

func TestParseHTMLNoArticle(t *testing.T) {
	for file, why := range map[string]string{
		"login.html":   "has no readable article (it asks to sign in)",
		"index.html":   "has no readable article (it is a list of links, like an index page)",
		"scripts.html": "has no readable article",
	} {
		path, data := readFixture(t, file)
		_, err := ParseHTML(path, data, "", true)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), path+" "+why) {
			t.Errorf("%s: got %v, want %q", file, err, why)
		}
	}
	if _, err := ParseHTML("empty.html", []byte("  \n"), "", true); err == nil || err.Error() != "empty.html is empty" {
		t.Errorf("empty: %v", err)
	}
}

// Everything shown must be free of terminal escapes, whatever the page
// puts in its title, byline, links or text.
func TestParseHTMLCleansEscapes(t *testing.T) {
	esc := "\x1b]8;;file:///etc/passwd\x07"
	page := `<html><head><title>Evil ` + esc + `title here</title><meta name="author" content="Mal` + esc + `lory"></head><body><article><h1>Evil title here</h1>
<p>Paragraph text with an escape ` + esc + ` hidden inside and enough other words around it to count as a proper article for readability to keep.</p>
<p>Another paragraph with more words so that the article is long enough to be extracted without any trouble at all, really.</p>
<p><a rel="next" href="https://example.com/next">Next article ` + esc + `</a></p></article></body></html>`
	for _, full := range []bool{false, true} {
		a, err := ParseHTML("evil.html", []byte(page), "", full)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{a.Title, a.Byline, a.Body, a.Next.Label, a.Next.Title, a.Next.URL} {
			if strings.ContainsAny(s, "\x1b\x07") {
				t.Errorf("full=%v: escape left in %q", full, s)
			}
		}
	}
}

// A web article served over HTTP: fetched, extracted, links absolute
// against the final URL after a redirect.
func TestLoadURL(t *testing.T) {
	_, page := readFixture(t, "label-en.html")
	_, latin := readFixture(t, "latin1.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2026/11/night-trams", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/2026/11/night-trams", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// Served pages are their own address: drop the fixture's canonical.
		w.Write([]byte(strings.Replace(string(page), `<link rel="canonical" href="https://news.example.com/2026/11/night-trams">`, "", 1)))
	})
	mux.HandleFunc("/latin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // charset only in <meta>
		w.Write(latin)
	})
	mux.HandleFunc("/wrong-charset", func(w http.ResponseWriter, r *http.Request) {
		// The header says UTF-8; the bytes are Windows-1252.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(latin)
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"items":[]}`))
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		_, d := readFixture(t, "login.html")
		w.Write(d)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	a, err := loadURL(ctx, srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := FetchArticle(ctx, srv.URL+"/old"); err != nil || f.Title != "Night trams will cross the river" || !strings.Contains(f.Body, "shift workers") {
		t.Errorf("FetchArticle: %v %v", f, err)
	}
	if a.Location != srv.URL+"/old" || a.URL != srv.URL+"/2026/11/night-trams" || a.Partial {
		t.Errorf("location %q url %q partial %v", a.Location, a.URL, a.Partial)
	}
	if a.Title != "Night trams will cross the river" || a.Byline != "Jane Doe" || !strings.Contains(a.Body, "shift workers") {
		t.Errorf("article: %q %q", a.Title, a.Byline)
	}
	checkLink(t, "prev", a.Prev, &wantLink{srv.URL + "/2026/11/bridge-repairs", "Previous story", exBr, KindLabel, true})
	checkLink(t, "next", a.Next, &wantLink{srv.URL + "/2026/11/bus-fares", "Next story", exBus, KindLabel, true})

	for _, p := range []string{"/latin", "/wrong-charset"} {
		if a, err := loadURL(ctx, srv.URL+p); err != nil || a.Title != "Café crème à Noël" || !strings.Contains(a.Body, "pâtissiers") {
			t.Errorf("%s: %v %v", p, a, err)
		}
	}
	for path, want := range map[string]string{
		"/feed.json": "is not a web page (application/json)",
		"/image.png": "is not a web page (image/png)",
		"/missing":   "returned 404 Not Found",
		"/login":     "has no readable article (it asks to sign in)",
	} {
		_, err := loadURL(ctx, srv.URL+path)
		if err == nil || err.Error() != srv.URL+path+" "+want {
			t.Errorf("%s: got %v, want %q", path, err, want)
		}
	}
}

// Load routes URLs to loadURL; FetchArticle loads a web link's page
// when the reader goes there.
func TestLoadAndFollowURL(t *testing.T) {
	mux := http.NewServeMux()
	article := func(title, next string) string {
		return `<html><head><title>` + title + `</title></head><body><article><h1>` + title + `</h1>
<p>` + strings.Repeat("Words of the story about "+title+" and its consequences for the town. ", 8) + `</p>
<p><a rel="next" href="` + next + `">Next article</a></p></article></body></html>`
	}
	mux.HandleFunc("/one", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(article("The first story", "/two"))) })
	mux.HandleFunc("/two", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(article("The second story", "/three"))) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := Load(context.Background(), []string{srv.URL + "/one"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	one := c.Articles[0]
	if one.Next == nil || one.Next.URL != srv.URL+"/two" || !one.Next.Resolved || one.Next.Target != "" {
		t.Fatalf("next: %+v", one.Next)
	}
	two, err := FetchArticle(context.Background(), one.Next.URL)
	if err != nil {
		t.Fatal(err)
	}
	if two.Title != "The second story" || two.Partial || two.Site != "127.0.0.1" {
		t.Errorf("followed: %q partial=%v site=%q", two.Title, two.Partial, two.Site)
	}
	if _, err := FetchArticle(context.Background(), "file:///etc/passwd"); err == nil {
		t.Error("followed a file: link")
	}
}

// Saved pages that name their canonical URLs link up in a folder: the
// collection resolves a web link to the saved copy of its target.
func TestSavedPagesResolveByCanonical(t *testing.T) {
	dir := t.TempDir()
	page := func(slug, title, rel, other string) string {
		return `<html><head><title>` + title + `</title><link rel="canonical" href="https://news.example.com/` + slug + `"></head>
<body><article><h1>` + title + `</h1><p>` + strings.Repeat("A sentence of the saved story about "+title+". ", 10) + `</p>
<a rel="` + rel + `" href="/` + other + `">` + rel + `</a></article></body></html>`
	}
	os.WriteFile(filepath.Join(dir, "a.html"), []byte(page("first", "The first story", "next", "second")), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(page("second", "The second story", "prev", "first")), 0o644)
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 2 || c.Articles[0].Title != "The first story" {
		t.Fatalf("order: %v", c.Articles)
	}
	first, second := c.Articles[0], c.Articles[1]
	if !first.Partial || first.Next == nil || first.Next.Target != second.Location || second.Prev.Target != first.Location {
		t.Errorf("links: %+v / %+v", first.Next, second.Prev)
	}
	full, err := c.Open(context.Background(), c.Lookup(first.Next.Target))
	if err != nil || full.Partial || !strings.Contains(full.Body, "saved story about The second story") {
		t.Errorf("follow: %v %v", full, err)
	}
}
