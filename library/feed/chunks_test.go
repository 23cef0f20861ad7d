package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader/fetch"
)

// withChunks parses data with chunks of n items (0: whole, as before
// chunks existed), keeping max items as a refresh does.
func withChunks(t testing.TB, n int, data []byte, max int) (*Parsed, error) {
	t.Helper()
	saved := chunkItems
	defer func() { chunkItems = saved }()
	chunkItems = n
	if n == 0 {
		chunkItems = 1 << 30
	}
	return ParseNewest(fuzzFeedURL, data, max)
}

// sameParse: a document parsed in chunks gives what it gives parsed
// whole, item for item.
func sameParse(t *testing.T, name string, data []byte, chunk, max int) {
	t.Helper()
	whole, werr := withChunks(t, 0, data, max)
	got, err := withChunks(t, chunk, data, max)
	if (werr == nil) != (err == nil) || (err != nil && err.Error() != werr.Error()) {
		t.Fatalf("%s: chunks of %d: error %v, whole: %v", name, chunk, err, werr)
	}
	if err != nil {
		return
	}
	if got.Title != whole.Title || got.SiteURL != whole.SiteURL || got.Lang != whole.Lang || got.Total != whole.Total || len(got.Items) != len(whole.Items) {
		t.Fatalf("%s: chunks of %d: %q %q %q %d items of %d; whole: %q %q %q %d items of %d", name, chunk,
			got.Title, got.SiteURL, got.Lang, len(got.Items), got.Total, whole.Title, whole.SiteURL, whole.Lang, len(whole.Items), whole.Total)
	}
	for i := range got.Items {
		if !reflect.DeepEqual(got.Items[i], whole.Items[i]) {
			t.Fatalf("%s: chunks of %d: item %d\n got %+v\nwant %+v", name, chunk, i, got.Items[i], whole.Items[i])
		}
	}
}

func TestChunksMatchWhole(t *testing.T) {
	var rss, atom, rdf strings.Builder
	rss.WriteString(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Caf` + "\xe9" + `</title><link>https://r.example/news/</link><language>fr</language>`)
	atom.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><author><name>Desk</name></author>`)
	rdf.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title><link>https://rdf.example/</link></channel>`)
	for i := range 53 {
		fmt.Fprintf(&rss, `<item><title>Story %d</title><link>%d.html</link><dc:creator>Ana</dc:creator><description><![CDATA[<p>Para <a href="/x/%d">x</a></p><item>not one</item>]]></description><!-- <item> --></item>`+"\n", i, i, i)
		fmt.Fprintf(&atom, `<entry><title type="html">&lt;i&gt;E%d&lt;/i&gt;</title><id>tag:a,2026:%d</id><updated>2026-11-%02dT00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body %d</p></div></content></entry>`, i, i, 1+i%28, i)
		fmt.Fprintf(&rdf, `<item rdf:about="https://rdf.example/%d"><title>t%d</title><link>https://rdf.example/%d</link></item>`, i, i, i)
	}
	rss.WriteString(`<image><url>https://r.example/i.png</url></image></channel></rss>`)
	atom.WriteString(`<link href="https://a.example/"/><subtitle>after the entries</subtitle></feed>`)
	rdf.WriteString(`<textinput rdf:about="x"><title>s</title></textinput></rdf:RDF>`)
	docs := map[string]string{"rss": rss.String(), "atom": atom.String(), "rdf": rdf.String(), "archive": oldestFirst(1_200)}
	for name, doc := range docs {
		for _, chunk := range []int{1, 2, 7, 52, 53} {
			sameParse(t, name, []byte(doc), chunk, 0)
		}
		sameParse(t, name+" newest 40", []byte(doc), 7, 40)
	}
	// A cut inside an item that holds another element named item, not
	// hidden in CDATA: that chunk is no document and the whole is parsed.
	nested := `<rss version="2.0"><channel><title>N</title>` + strings.Repeat(`<item><title>a</title><x><item>b</item></x></item>`, 9) + `</channel></rss>`
	sameParse(t, "nested", []byte(nested), 1, 0)
	// A document with no end after its last item.
	sameParse(t, "unclosed", []byte(`<rss><channel><item><title>a</title></item><item><title>unclosed`), 1, 0)
}

// TestChunksSpendTheBudgetInOrder: the document's element budget runs
// out at the same item, chunks or not.
func TestChunksSpendTheBudgetInOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("converts 260,000 elements twice")
	}
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>B</title>`)
	for i := range 260 {
		fmt.Fprintf(&b, `<item><title>%d</title><guid>%d</guid><description><![CDATA[%s]]></description></item>`, i, i, strings.Repeat("<p>word</p>", 1_000))
	}
	b.WriteString(`</channel></rss>`)
	doc := []byte(b.String())
	p, err := withChunks(t, 100, doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	plain := 0
	for _, it := range p.Items {
		if strings.Contains(it.Body, "(Shown as plain text") {
			plain++
		}
	}
	if plain != 10 {
		t.Errorf("%d items kept as plain text, want the 10 past 250,000 elements (1,000 an item)", plain)
	}
	sameParse(t, "budget", doc, 100, 0)
}

// FuzzChunks: whatever the document, parsing it in chunks gives what
// parsing it whole gives.
func FuzzChunks(f *testing.F) {
	addFeedSeeds(f)
	f.Add([]byte(oldestFirst(5)))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameParse(t, "fuzz", data, 1, 0)
	})
}

// TestRefreshStreamsALongFeed: a feed of more than streamItems items is
// stored a chunk at a time, held in memory or spooled to a file, and
// lists as the document orders it, its undated items included (one
// sort key: the order is the ids').
func TestRefreshStreamsALongFeed(t *testing.T) {
	n := streamItems + 150
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title><link>https://long.example/</link>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><title>L %d</title><guid>l-%d</guid><description>Body %d.</description></item>\n", i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	doc := []byte(b.String())
	if p, err := parseNewest(fuzzFeedURL, doc, 0, true); err != nil || p.Rest == nil || len(p.Items) != chunkItems || p.Total != n {
		t.Fatalf("not streamed: %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(doc)
	}))
	defer srv.Close()
	for _, spool := range []int64{1 << 30, 4 << 10} {
		t.Run(fmt.Sprintf("spool over %d", spool), func(t *testing.T) {
			defer func(n int64) { spoolOver = n }(spoolOver)
			spoolOver = spool
			t.Setenv("TMPDIR", t.TempDir())
			s, err := store.Open(filepath.Join(t.TempDir(), "brief.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, _, err := s.AddFeed(ctx, store.Feed{URL: srv.URL + "/long.xml"}); err != nil {
				t.Fatal(err)
			}
			res, err := (&Refresher{Store: s, MaxItems: -1}).Refresh(ctx, nil, nil)
			if err != nil || res.New != n || len(res.Trimmed) != 0 {
				t.Fatalf("%+v %v", res, err)
			}
			list, err := s.Items(ctx, store.Filter{})
			if err != nil || len(list) != n {
				t.Fatalf("%d listed, %v", len(list), err)
			}
			for i, it := range list {
				if want := fmt.Sprintf("L %d", i); it.Title != want || it.Feed != "Long" {
					t.Fatalf("row %d is %q of %q, want %q of Long", i, it.Title, it.Feed, want)
				}
			}
			// Again: nothing new, nothing changed.
			if res, err := (&Refresher{Store: s, MaxItems: -1}).Refresh(ctx, nil, nil); err != nil || res.New != 0 {
				t.Fatalf("again: %+v %v", res, err)
			}
			// The default cap: the newest 1,000 of a spooled archive.
			s.RemoveFeed(ctx, list[0].FeedID)
			s.AddFeed(ctx, store.Feed{URL: srv.URL + "/again.xml"})
			res, err = (&Refresher{Store: s}).Refresh(ctx, nil, nil)
			if err != nil || res.New != DefaultMaxItems || len(res.Trimmed) != 1 || !strings.Contains(res.Trimmed[0], "of 2,150 items") {
				t.Fatalf("capped: %+v %v", res, err)
			}
			if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestParseSpooledAsHeld: a document read back from its file parses as
// the same document held, whatever its kind and whatever max keeps.
func TestParseSpooledAsHeld(t *testing.T) {
	docs := map[string][]byte{"archive": []byte(oldestFirst(2_600)), "json": readTestdata(t, "feed.json"),
		"rss": readTestdata(t, "rss2.xml"), "not a feed": []byte("<html><body>no</body></html>")}
	for name, doc := range docs {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(doc) }))
		f := fetch.New()
		resp, err := f.Fetch(ctx, fetch.Request{URL: srv.URL, SpoolOver: 16})
		srv.Close()
		if err != nil || resp.File == nil {
			t.Fatalf("%s: not spooled: %v", name, err)
		}
		for _, max := range []int{0, 1_000, 2_000, 3_000} {
			want, werr := ParseNewest(fuzzFeedURL, doc, max)
			got, err := parseSpooled(fuzzFeedURL, resp.File, max)
			if (err == nil) != (werr == nil) {
				t.Fatalf("%s, max %d: error %v, held: %v", name, max, err, werr)
			}
			if err != nil {
				continue
			}
			if got.Rest != nil {
				var rest []store.NewItem
				if err := got.Rest(func(items []store.NewItem) error { rest = append(rest, items...); return nil }); err != nil {
					t.Fatal(err)
				}
				got.Items, got.Rest = append(got.Items, rest...), nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, max %d: spooled %q %d items of %d, held %q %d of %d", name, max, got.Title, len(got.Items), got.Total, want.Title, len(want.Items), want.Total)
			}
		}
		resp.File.Close()
	}
}

// FuzzItemStartsIn: read a block at a time, whatever the blocks' size,
// a document's item starts are itemStarts' of it whole.
func FuzzItemStartsIn(f *testing.F) {
	addFeedSeeds(f)
	f.Add([]byte(`<rss><item>a<![CDATA[<item>]]></item><!-- <entry> --><entry/><item`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want := itemStarts(data)
		for _, size := range []int{1, 3, 9, 10, 11, 64, 1 << 16} {
			got, err := itemStartsIn(bytes.NewReader(data), size)
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("blocks of %d: %v %v, whole: %v", size, got, err, want)
			}
		}
	})
}

// TestErrChunkSurvivesTheStore: a chunk gofeed refuses mid-update comes
// back from the store as errChunk, which is what makes refresh roll
// back and parse the document whole (write.go).
func TestErrChunkSurvivesTheStore(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, _, err := s.AddFeed(ctx, store.Feed{URL: "https://x.example/feed"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ApplyUpdate(ctx, store.Update{FeedID: f.ID, Total: 3, Items: []store.NewItem{{GUID: "a", Title: "A"}},
		More: func(func([]store.NewItem) error) error { return errChunk }})
	if !errors.Is(err, errChunk) {
		t.Fatalf("got %v", err)
	}
	if list, _ := s.Items(ctx, store.Filter{}); len(list) != 0 {
		t.Errorf("%d items stored", len(list))
	}
}

// TestRestStopsWithPut: when put fails, Rest returns its error and its
// parser has ended; it never parses past the chunk after the last put.
func TestRestStopsWithPut(t *testing.T) {
	p, err := parseNewest(fuzzFeedURL, []byte(oldestFirst(streamItems+3*chunkItems)), 0, true)
	if err != nil || p.Rest == nil {
		t.Fatalf("not streamed: %v", err)
	}
	before := runtime.NumGoroutine()
	stop := errors.New("disk full")
	calls, got := 0, 0
	err = p.Rest(func(items []store.NewItem) error {
		calls++
		got += len(items)
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 || got != 2*chunkItems {
		t.Fatalf("Rest: %v after %d calls, %d items", err, calls, got)
	}
	// The parser's goroutine has closed its channel when Rest returns;
	// it may take a moment more to be gone from the count.
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines 2 s after Rest, %d before", runtime.NumGoroutine(), before)
		}
	}
	// Every chunk, in order, when put takes them all.
	p, _ = parseNewest(fuzzFeedURL, []byte(oldestFirst(streamItems+3*chunkItems)), 0, true)
	titles := []string{}
	for _, it := range p.Items {
		titles = append(titles, it.Title)
	}
	if err := p.Rest(func(items []store.NewItem) error {
		for _, it := range items {
			titles = append(titles, it.Title)
		}
		return nil
	}); err != nil || len(titles) != streamItems+3*chunkItems || titles[0] != "Story 0" || titles[len(titles)-1] != fmt.Sprintf("Story %d", len(titles)-1) {
		t.Fatalf("all: %v, %d titles", err, len(titles))
	}
}

// FuzzStreamedStore: a document stored as it is parsed, a chunk of one
// item at a time, lists as the same document parsed whole and stored in
// one update: the same articles in the same order (the first of a GUID
// standing), the same count added, and nothing added the second time.
func FuzzStreamedStore(f *testing.F) {
	addFeedSeeds(f)
	f.Add([]byte(`<rss><channel><title>D</title><item><guid>a</guid><title>1</title></item><item><guid>b</guid><title>2</title></item>` +
		`<item><guid>a</guid><title>dup</title></item><item><title>no guid</title></item><item><guid>c</guid></item></channel></rss>`))
	savedChunk, savedStream := chunkItems, streamItems
	chunkItems, streamItems = 1, 1
	f.Cleanup(func() { chunkItems, streamItems = savedChunk, savedStream })
	s, err := store.Open(filepath.Join(f.TempDir(), "brief.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	at := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	n := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, err := ParseNewest(fuzzFeedURL, data, 0)
		if err != nil {
			return
		}
		streamed, err := parseNewest(fuzzFeedURL, data, 0, true)
		if err != nil {
			t.Fatalf("streamed: %v, whole parsed", err)
		}
		var feeds [2]int64
		var added [2]int
		for i, p := range []*Parsed{whole, streamed} {
			n++
			fd, _, err := s.AddFeed(ctx, store.Feed{URL: fmt.Sprintf("%s/%d", fuzzFeedURL, n)})
			if err != nil {
				t.Fatal(err)
			}
			defer s.RemoveFeed(ctx, fd.ID)
			feeds[i] = fd.ID
			u := store.Update{FeedID: fd.ID, Title: p.Title, At: at, Items: p.Items, More: p.Rest, Total: p.Total}
			if added[i], err = s.ApplyUpdate(ctx, u); err != nil {
				t.Fatalf("ApplyUpdate %d: %v", i, err)
			}
		}
		if added[0] != added[1] {
			t.Fatalf("added %d whole, %d streamed", added[0], added[1])
		}
		var lists [2][]string
		for i, id := range feeds {
			items, err := s.Items(ctx, store.Filter{FeedID: id})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				lists[i] = append(lists[i], it.GUID+"\x00"+it.Title)
			}
		}
		if !slices.Equal(lists[0], lists[1]) {
			t.Fatalf("whole lists %q\nstreamed %q", lists[0], lists[1])
		}
		if streamed.Rest == nil {
			return
		}
		again, _ := parseNewest(fuzzFeedURL, data, 0, true)
		u := store.Update{FeedID: feeds[1], At: at.Add(time.Hour), Items: again.Items, More: again.Rest, Total: again.Total}
		if got, err := s.ApplyUpdate(ctx, u); err != nil || got != 0 {
			t.Fatalf("streamed again: %d added, %v", got, err)
		}
	})
}
