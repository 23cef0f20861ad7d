package feed

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

// Fuzz tests of feed handling. The seeds (and testdata/fuzz/Fuzz*) run
// in every `go test`; fuzz one at a time with
//
//	go test ./library/feed -run '^$' -fuzz '^FuzzParse$' -fuzztime 4m -parallel 1

// addFeedSeeds adds the feed fixtures and hand-made documents of each
// format with the fields brief converts: links to resolve, HTML titles,
// content to turn into markdown, dates, authors, missing GUIDs.
func addFeedSeeds(f *testing.F) {
	for _, n := range []string{"rss2.xml", "rss1.rdf", "rss091.xml", "atom.xml", "feed.json"} {
		f.Add(readTestdata(f, n))
	}
	for _, s := range []string{
		`<rss version="2.0"><channel><title>T &amp;amp; <b>x</b></title><link>/home</link><language> en&#x1b;[2J </language>` +
			`<item><title>One</title><link>../a?x=1#f</link><description>&lt;p&gt;Body &lt;a href="/r"&gt;link&lt;/a&gt; more…&lt;/p&gt;</description><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate></item>` +
			`<item><guid>g</guid><title></title><description>plain text only</description></item>` +
			`<item><guid>g</guid><title>dup guid</title><link>javascript:alert(1)</link></item>` +
			`<item><description><![CDATA[<img src="data:image/png;base64,QUFB"><p>x</p><script>y</script>]]></description><dc:creator>DC</dc:creator></item>` +
			`</channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<b>H</b>TML</div></title>` +
			`<link href="https://a.example/"/><entry><title type="html">&lt;i&gt;I&lt;/i&gt; &amp;amp;</title><link rel="alternate" href="e1"/>` +
			`<id>tag:a,2026:1</id><published>2026-11-20T00:00:00+02:00</published><author><name> </name></author>` +
			`<summary>Short summary [...]</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <a href="/x">x</a></p></div></content></entry>` +
			`<entry><title>No link</title><updated>1970-01-01T00:00:00Z</updated></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"J\u001b[31m","home_page_url":"//json.example/","items":[` +
			`{"id":"1","url":"/j1","title":"\u202eevil","content_html":"<h1>H</h1><ul><li>a</li></ul>","date_published":"2999-01-01T00:00:00Z"},` +
			`{"id":"","external_url":"https://ext.example/","content_text":"Text\r\nlines\u0007"},{"id":"3"},{}]}`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"id":1,"title":2}]}`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="0.91"><channel><title>Caf` + "\xe9" + `</title><item><title>x</title></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="https://r/1"><title>t</title><link>https://r/1</link></item></rdf:RDF>`,
		`<html><body>not a feed</body></html>`,
		`<rss><channel><item><title>unclosed`,
	} {
		f.Add([]byte(s))
	}
}

const fuzzFeedURL = "https://f.example/news/feed"

// checkParsed fails on any output of Parse that breaks what the store
// and the screen rely on: clean one-line titles and names, clean
// trimmed bodies, http(s) links only, a GUID for every item, teasers
// only for items with a page to fetch.
func checkParsed(t *testing.T, p *Parsed) {
	t.Helper()
	for _, s := range []string{p.Title, p.Lang} {
		if s != reader.Clean(s) || strings.Contains(s, "\n") {
			t.Fatalf("unclean feed field %q", s)
		}
	}
	if p.Title != reader.CleanLine(p.Title) {
		t.Fatalf("feed title not one clean line: %q", p.Title)
	}
	checkWebURL(t, p.SiteURL)
	for _, it := range p.Items {
		if it.GUID == "" {
			t.Fatalf("item without GUID: %+v", it)
		}
		if it.Title == "" || it.Title != reader.CleanLine(it.Title) {
			t.Fatalf("item title not one clean line: %q", it.Title)
		}
		if it.Author != reader.CleanLine(it.Author) {
			t.Fatalf("item author not one clean line: %q", it.Author)
		}
		if it.Body != reader.Clean(it.Body) || it.Body != strings.TrimSpace(it.Body) || !utf8.ValidString(it.Body) {
			t.Fatalf("unclean item body %q", it.Body)
		}
		if strings.Contains(it.Body, "](data:") {
			t.Fatalf("data: image left in %q", it.Body)
		}
		if it.Lang != p.Lang || it.GUID != strings.TrimSpace(it.GUID) {
			t.Fatalf("item lang %q (feed %q) or GUID %q", it.Lang, p.Lang, it.GUID)
		}
		checkWebURL(t, it.URL)
		if it.Teaser && it.URL == "" {
			t.Fatalf("teaser with no page to fetch: %+v", it)
		}
	}
}

// checkWebURL fails unless s is empty or a clean absolute http(s) URL.
func checkWebURL(t *testing.T, s string) {
	t.Helper()
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || s != reader.Clean(s) {
		t.Fatalf("link %q is not a clean web URL", s)
	}
}

// FuzzParse: any bytes give a Parsed document that keeps the contract
// above, or one ParseError line naming the feed.
func FuzzParse(f *testing.F) {
	addFeedSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(fuzzFeedURL, data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, fuzzFeedURL+" ") || strings.Contains(msg, "\n") || msg != reader.Clean(msg) {
				t.Fatalf("bad error %q", msg)
			}
			return
		}
		checkParsed(t, p)
	})
}

// FuzzFeedToStore runs a document the way refresh does, end to end:
// Parse, then ApplyUpdate into a library, then read it back as the list
// and the reader do. Every item with a new GUID is stored once, as
// parsed; storing the same document again adds nothing and changes
// nothing; every article opens with a clean body and links that stay in
// the feed.
func FuzzFeedToStore(f *testing.F) {
	addFeedSeeds(f)
	s, err := store.Open(filepath.Join(f.TempDir(), "lib", "brief.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	ctx := context.Background()
	at := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	n := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(fuzzFeedURL, data)
		if err != nil {
			return
		}
		checkParsed(t, p)
		n++
		fd, added, err := s.AddFeed(ctx, store.Feed{URL: fmt.Sprintf("%s/%d", fuzzFeedURL, n)})
		if err != nil || !added {
			t.Fatalf("AddFeed: %v %v", added, err)
		}
		defer s.RemoveFeed(ctx, fd.ID)
		u := store.Update{FeedID: fd.ID, Title: p.Title, SiteURL: p.SiteURL, At: at, Items: p.Items}
		got, err := s.ApplyUpdate(ctx, u)
		if err != nil {
			t.Fatalf("ApplyUpdate: %v", err)
		}
		first := map[string]store.NewItem{}
		for _, it := range p.Items {
			if _, ok := first[it.GUID]; !ok {
				first[it.GUID] = it
			}
		}
		if got != len(first) {
			t.Fatalf("added %d of %d distinct items", got, len(first))
		}
		items, err := s.Items(ctx, store.Filter{FeedID: fd.ID})
		if err != nil || len(items) != len(first) {
			t.Fatalf("listed %d items, %v; want %d", len(items), err, len(first))
		}
		for _, it := range items {
			want, ok := first[it.GUID]
			if !ok || it.Title != want.Title || it.URL != want.URL || it.Author != want.Author || it.Teaser != want.Teaser {
				t.Fatalf("stored %+v\nparsed %+v", it, want)
			}
			if pub := it.Published; !pub.IsZero() && (!pub.Equal(want.Published.Truncate(time.Second)) || pub.After(at.Add(24*time.Hour))) {
				t.Fatalf("published %v, parsed %v", pub, want.Published)
			}
			e, err := s.Entry(ctx, it.ID)
			if err != nil {
				t.Fatalf("Entry: %v", err)
			}
			a := e.Article
			if a.Body != want.Body || a.Partial {
				t.Fatalf("body %q, parsed %q", a.Body, want.Body)
			}
			for _, x := range []string{a.Title, a.Byline, a.Site, a.Lang, a.URL, a.Location} {
				if x != reader.Clean(x) || strings.Contains(x, "\n") {
					t.Fatalf("unclean article field %q", x)
				}
			}
			for _, l := range []*reader.Link{a.Prev, a.Next} {
				if l != nil && (l.Kind != reader.KindFeed || !l.InCollection()) {
					t.Fatalf("feed article link %+v", l)
				}
			}
			if e.PrevID != 0 && e.PrevID == e.NextID {
				t.Fatalf("prev and next are both %d", e.PrevID)
			}
		}
		// The same document again: nothing new, nothing changed.
		u.At = at.Add(time.Hour)
		if again, err := s.ApplyUpdate(ctx, u); err != nil || again != 0 {
			t.Fatalf("second update added %d, %v", again, err)
		}
		if c, err := s.Count(ctx, store.Filter{FeedID: fd.ID}); err != nil || c != len(first) {
			t.Fatalf("%d items after the second update, %v", c, err)
		}
	})
}

// FuzzParseOPML: any file gives subscriptions with clean one-line
// titles and distinct web feed URLs, or an error; exporting them and
// importing the export gives them back (a subscription without a title
// comes back titled with its URL, the text OPML requires).
func FuzzParseOPML(f *testing.F) {
	f.Add(readTestdata(f, "subs.opml"))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a/"><outline xmlUrl="http://b/"/></outline></body></opml>`))
	f.Add([]byte(`<opml version="2.0"><head/><body/></opml>`))
	f.Add([]byte(strings.Repeat("<outline>", 70)))
	f.Add([]byte(`<opml><body><outline text="A &amp; B &lt;i&gt;" title="t" xmlURL=" HTTPS://A.example/f " htmlurl="/rel"/>` +
		`<outline TEXT="dup" XMLURL="https://A.example/f"/><outline xmlurl="feed:https://c/"/><outline xmlurl="https://d/x%zz"/>` +
		`<outline text="&#x1b;[2J&#x202e;x" xmlUrl="https://e/"/></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><opml><body><outline text="Caf` + "\xe9" + `" xmlUrl="https://cafe/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		outs, err := ParseOPML("f", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "f is not ") || strings.Contains(msg, "\n") {
				t.Fatalf("bad error %q", msg)
			}
			return
		}
		seen := map[string]bool{}
		for _, o := range outs {
			if o.XMLURL == "" || seen[o.XMLURL] {
				t.Fatalf("empty or repeated feed %q", o.XMLURL)
			}
			seen[o.XMLURL] = true
			checkWebURL(t, o.XMLURL)
			checkWebURL(t, o.HTMLURL)
			if o.Title != reader.CleanLine(o.Title) {
				t.Fatalf("title not one clean line: %q", o.Title)
			}
		}
		var b bytes.Buffer
		if err := WriteOPML(&b, "t", outs, time.Time{}); err != nil {
			t.Fatal(err)
		}
		again, err := ParseOPML("again", b.Bytes())
		if err != nil {
			t.Fatalf("export does not parse: %v\n%s", err, b.String())
		}
		if len(again) != len(outs) {
			t.Fatalf("round trip: %d outlines, want %d", len(again), len(outs))
		}
		for i, o := range outs {
			g := again[i]
			if g.XMLURL != o.XMLURL || g.HTMLURL != o.HTMLURL {
				t.Fatalf("round trip %+v != %+v", g, o)
			}
			// Titles come back unless an import reads entities a second
			// time: "&lt;" in a title is taken for markup (see textOf).
			if o.Title == "" && g.Title != textOf(o.XMLURL) || o.Title != "" && g.Title != o.Title && !strings.Contains(o.Title, "&") {
				t.Fatalf("round trip title %q != %q", g.Title, o.Title)
			}
		}
	})
}
