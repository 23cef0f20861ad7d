package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFormats(t *testing.T) {
	for _, tc := range []struct {
		file, url, title, site, first, firstURL string
		n                                       int
	}{
		{"rss2.xml", "https://news.example/feed", "The Daily & Nightly", "https://news.example/", "Trams to run overnight", "https://news.example/2026/11/trams", 4},
		{"rss1.rdf", "https://rdf.example/rss", "RDF Site", "https://rdf.example/", "RDF item", "https://rdf.example/a", 1},
		{"rss091.xml", "http://old.example/rss", "Old School", "http://old.example/", "Ninety-one", "http://old.example/91", 1},
		{"atom.xml", "https://atom.example/feed.atom", "Atom Journal", "https://atom.example/", "Soil sensors", "https://atom.example/soil", 1},
		{"feed.json", "https://json.example/feed.json", "JSON Times", "https://json.example/", "Weavers exhibit", "https://json.example/j1", 2},
	} {
		p, err := Parse(tc.url, readTestdata(t, tc.file))
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if p.Title != tc.title || p.SiteURL != tc.site || len(p.Items) != tc.n {
			t.Errorf("%s: title %q site %q items %d", tc.file, p.Title, p.SiteURL, len(p.Items))
			continue
		}
		if it := p.Items[0]; it.Title != tc.first || it.URL != tc.firstURL || it.GUID == "" || it.Body == "" {
			t.Errorf("%s: first item %+v", tc.file, it)
		}
	}
}

func TestParseRSS2Details(t *testing.T) {
	p, err := Parse("https://news.example/feed", readTestdata(t, "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	a := p.Items[0]
	if a.GUID != "tram-1" || a.Author != "Ana Lima" || !a.Published.Equal(time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("item 0: %+v", a)
	}
	if !strings.Contains(a.Body, "**trams**") || !strings.Contains(a.Body, "(https://news.example/map)") || strings.Contains(a.Body, "alert") {
		t.Errorf("content not converted: %q", a.Body)
	}
	if a.Lang != "en" {
		t.Errorf("lang %q", a.Lang)
	}
	b := p.Items[1]
	if !b.Published.IsZero() || !b.Teaser || b.GUID != b.URL {
		t.Errorf("item 1 (bad date, teaser, link as guid): %+v", b)
	}
	d := p.Items[3]
	if d.Title == "" || !strings.HasPrefix(d.GUID, "sha256:") || d.Teaser {
		t.Errorf("untitled item: %+v", d)
	}
}

func TestParseCleansEscapes(t *testing.T) {
	doc := "<rss version=\"2.0\"><channel><title>Evil\x1b]0;pwned\x07 Feed</title><item><title>Hi \x1b[31mred</title><description>Body \x1b[2J text</description><link>https://e.example/1</link></item></channel></rss>"
	p, err := Parse("https://e.example/feed", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{p.Title, p.Items[0].Title, p.Items[0].Body} {
		if strings.ContainsRune(s, 0x1b) || strings.ContainsRune(s, 0x07) {
			t.Errorf("escape left in %q", s)
		}
	}
}

func TestParseErrorsNameTheURL(t *testing.T) {
	for _, in := range []string{"", "<html><body>hi</body></html>", "<rss version=\"2.0\"><channel><item><title>x", "{\"version\": 3"} {
		_, err := Parse("https://bad.example/feed", []byte(in))
		if err == nil {
			continue // gofeed is lenient with some truncations; no panic is what matters
		}
		if !strings.HasPrefix(err.Error(), "https://bad.example/feed ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %q", in, err)
		}
	}
	if _, err := Parse("u", []byte("<html><body>hi</body></html>")); err == nil {
		t.Error("HTML parsed as a feed")
	}
}

func TestIsTeaser(t *testing.T) {
	long := strings.Repeat("word ", 200)
	for in, want := range map[string]bool{
		"Short.":                         true,
		long:                             false,
		long + "… [Read more](http://x)": true,
		long + "[…]":                     true,
		long + "\n\nContinue reading →":  true,
	} {
		if got := isTeaser(in); got != want {
			t.Errorf("isTeaser(%.30q…) = %v", in, got)
		}
	}
}

func TestDiscover(t *testing.T) {
	alts := Discover("https://site.example/", readTestdata(t, "home.html"))
	var got []string
	for _, a := range alts {
		got = append(got, a.Type+" "+a.URL)
	}
	want := []string{
		"rss https://site.example/blog/comments/feed/",
		"rss https://site.example/blog/feed/",
		"atom https://site.example/atom.xml",
		"json https://site.example/blog/feed.json",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Discover:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := pickFeeds(alts); p[0].URL != "https://site.example/blog/feed/" {
		t.Errorf("comments feed picked first: %+v", p[0])
	}
	if len(Discover("https://x/", []byte("<p>no head"))) != 0 {
		t.Error("found feeds in a page without links")
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	outs, err := ParseOPML("subs.opml", readTestdata(t, "subs.opml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "Café Daily", XMLURL: "https://cafe.example/rss", HTMLURL: "https://cafe.example/"},
		{Title: "Tech", XMLURL: "https://tech.example/atom.xml"},
		{Title: "Blog", XMLURL: "http://blog.example/feed"},
	}
	if len(outs) != len(want) {
		t.Fatalf("got %+v", outs)
	}
	for i := range want {
		if outs[i] != want[i] {
			t.Errorf("outline %d: %+v, want %+v", i, outs[i], want[i])
		}
	}
	var b bytes.Buffer
	if err := WriteOPML(&b, "brief subscriptions", outs, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<opml version="2.0">`) || !strings.Contains(b.String(), `xmlUrl="https://cafe.example/rss"`) {
		t.Errorf("export:\n%s", b.String())
	}
	again, err := ParseOPML("export", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if again[i] != outs[i] {
			t.Errorf("round trip %d: %+v, want %+v", i, again[i], outs[i])
		}
	}
}

func TestOPMLErrors(t *testing.T) {
	for _, in := range []string{"", "not xml", "<html></html>", strings.Repeat("<outline>", 100)} {
		if _, err := ParseOPML("f.opml", []byte(in)); err == nil || !strings.HasPrefix(err.Error(), "f.opml ") {
			t.Errorf("%.20q: %v", in, err)
		}
	}
}

func FuzzDiscover(f *testing.F) {
	f.Add("https://site.example/", readTestdata(f, "home.html"))
	f.Add("https://x/a/b", []byte(`<link rel=alternate type=application/atom+xml href=../feed>`))
	f.Add("", []byte(`<base href="::"><link rel="alternate" type="application/rss+xml" href="%zz">`))
	f.Fuzz(func(t *testing.T, page string, data []byte) {
		for _, a := range Discover(page, data) {
			if !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
				t.Fatalf("non-web feed URL %q", a.URL)
			}
			if a.Type == "" {
				t.Fatalf("no type: %+v", a)
			}
		}
	})
}

// gofeed dereferences a JSON Feed's null authors and items
// (a crasher FuzzParse found): Parse reports a malformed feed instead of
// taking brief down.
func TestParseJSONNulls(t *testing.T) {
	for _, doc := range []string{
		`{"items":[{"Authors":[null]}]}`,
		`{"version":"https://jsonfeed.org/version/1.1","authors":[null],"items":[]}`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[null]}`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","attachments":[null]}]}`,
	} {
		p, err := Parse("https://x.example/feed.json", []byte(doc))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "https://x.example/feed.json is ") || strings.Contains(msg, "\n") {
				t.Errorf("%s: error %q", doc, msg)
			}
			continue
		}
		for _, it := range p.Items {
			if it.GUID == "" {
				t.Errorf("%s: item without GUID", doc)
			}
		}
	}
}

// A feed's language is one clean line, whatever the document holds (a
// crasher FuzzParse found: "<A>\n</B>").
func TestParseLangOneLine(t *testing.T) {
	p, err := Parse("https://x.example/rss", []byte("<rss version=\"2.0\"><channel><language>&lt;A&gt;\n\t &lt;/B&gt;</language><item><title>t</title></item></channel></rss>"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Lang != "<A> </B>" || p.Items[0].Lang != p.Lang {
		t.Errorf("lang %q, item lang %q", p.Lang, p.Items[0].Lang)
	}
}

func TestParseLatin1(t *testing.T) {
	doc := append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf`), 0xe9)
	doc = append(doc, []byte(`</title><item><title>Cr`)...)
	doc = append(doc, 0xe8)
	doc = append(doc, []byte(`me</title><link>https://x.example/1</link></item></channel></rss>`)...)
	p, err := Parse("https://x.example/rss", doc)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Café" || p.Items[0].Title != "Crème" {
		t.Errorf("decoded %q, %q", p.Title, p.Items[0].Title)
	}
}

func TestDataImagesDropped(t *testing.T) {
	md := toMarkdown(`<p>Before <img src="data:image/png;base64,`+strings.Repeat("QUFB", 100)+`" alt="x"> after.</p>`, nil, nil)
	if strings.Contains(md, "base64") || !strings.Contains(md, "Before") || !strings.Contains(md, "after.") {
		t.Errorf("markdown %q", md)
	}
}

// An entry whose feed sends its content sends the article: a short post
// is complete, and only a cut ("…", "Read more") makes it a teaser
// whose page is fetched. A summary alone is judged by its length too.
func TestContentIsNotATeaser(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
<entry><title>Full</title><link href="https://n.example/full"/><id>1</id><updated>2026-11-20T18:30:02Z</updated>
<summary>A short summary.</summary>
<content type="html">&lt;p&gt;The library opens late on Thursdays from next week, the council said.&lt;/p&gt;</content></entry>
<entry><title>Cut</title><link href="https://n.example/cut"/><id>2</id><updated>2026-11-20T18:30:02Z</updated>
<content type="html">&lt;p&gt;The library opens late on Thursdays from next…&lt;/p&gt;</content></entry>
<entry><title>Summary</title><link href="https://n.example/sum"/><id>3</id><updated>2026-11-20T18:30:02Z</updated>
<summary>The library opens late on Thursdays.</summary></entry>
</feed>`
	p, err := Parse("https://n.example/feed.atom", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Full": false, "Cut": true, "Summary": true}
	for _, it := range p.Items {
		if it.Teaser != want[it.Title] {
			t.Errorf("%s: teaser %v, want %v (%q)", it.Title, it.Teaser, want[it.Title], it.Body)
		}
	}
}
