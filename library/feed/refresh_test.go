package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader/fetch"
)

var ctx = context.Background()

// rssDoc makes an RSS document with n items named prefix-i.
func rssDoc(title, prefix string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link>`, title, prefix)
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, `<item><title>%s item %d</title><link>https://%s.example/%d</link><guid>%s-%d</guid>
			<pubDate>%s</pubDate><description>Body of %s item %d about trams.</description></item>`,
			prefix, i, prefix, i, prefix, i, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), prefix, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// feedServer serves feeds with ETag support and counts requests.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	docs     map[string]string
	hits     map[string]int
	notMod   atomic.Int32
	inFlight atomic.Int32
	maxIn    atomic.Int32
	delay    time.Duration
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{docs: map[string]string{}, hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := fs.inFlight.Add(1)
		defer fs.inFlight.Add(-1)
		for {
			m := fs.maxIn.Load()
			if n <= m || fs.maxIn.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(fs.delay)
		fs.mu.Lock()
		doc, ok := fs.docs[r.URL.Path]
		fs.hits[r.URL.Path]++
		fs.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(doc))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			fs.notMod.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".html") || r.URL.Path == "/" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "application/rss+xml")
		}
		fmt.Fprint(w, doc)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(path, doc string) {
	fs.mu.Lock()
	fs.docs[path] = doc
	fs.mu.Unlock()
}

func openStore(t *testing.T) *store.Store {
	s, err := store.Open(filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSubscribeFeedAndHomePage(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/a.xml", rssDoc("Feed A", "a", 3))
	srv.set("/", `<html><head><link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
		<link rel="alternate" type="application/rss+xml" href="/b.xml"></head><body>home</body></html>`)
	srv.set("/b.xml", rssDoc("Feed B", "b", 2))
	srv.set("/nofeed.html", `<html><head><title>x</title></head><body>nothing</body></html>`)
	s := openStore(t)
	f, added, n, err := Subscribe(ctx, s, nil, srv.URL+"/a.xml")
	if err != nil || !added || n != 3 || f.Title != "Feed A" {
		t.Fatalf("subscribe a: %+v %v %d %v", f, added, n, err)
	}
	f, added, n, err = Subscribe(ctx, s, nil, srv.URL+"/")
	if err != nil || !added || n != 2 || f.URL != srv.URL+"/b.xml" {
		t.Fatalf("subscribe home page: %+v %v %d %v", f, added, n, err)
	}
	if _, added, _, err = Subscribe(ctx, s, nil, srv.URL+"/a.xml"); err != nil || added {
		t.Fatalf("second subscribe: %v %v", added, err)
	}
	_, _, _, err = Subscribe(ctx, s, nil, srv.URL+"/nofeed.html")
	if err == nil || !strings.Contains(err.Error(), "announces no feed") || !strings.HasPrefix(err.Error(), srv.URL) {
		t.Errorf("page without feed: %v", err)
	}
	_, _, _, err = Subscribe(ctx, s, nil, srv.URL+"/missing.xml")
	if err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing feed: %v", err)
	}
}

func TestRefreshConditionalAndFailures(t *testing.T) {
	srv := newFeedServer(t)
	s := openStore(t)
	for i := 0; i < 5; i++ {
		p := fmt.Sprintf("/f%d.xml", i)
		srv.set(p, rssDoc(fmt.Sprintf("Feed %d", i), fmt.Sprintf("f%d", i), 4))
		if _, _, err := s.AddFeed(ctx, store.Feed{URL: srv.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	s.AddFeed(ctx, store.Feed{URL: srv.URL + "/gone.xml"})
	srv.set("/bad.xml", "<rss><channel><item><title>broken")
	s.AddFeed(ctx, store.Feed{URL: srv.URL + "/bad.xml"})
	srv.set("/html.xml", "<html><body>not a feed</body></html>")
	s.AddFeed(ctx, store.Feed{URL: srv.URL + "/html.xml"})

	r := &Refresher{Store: s, Fetcher: fetch.New(), Concurrency: 4, PerHost: 2}
	var calls []Progress
	res, err := r.Refresh(ctx, nil, func(p Progress) { calls = append(calls, p) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Feeds != 8 || res.New < 20 || len(calls) != 8 || calls[7].Done != 8 {
		t.Fatalf("result %+v, %d progress calls", res, len(calls))
	}
	if len(res.Failed) < 2 {
		t.Fatalf("failures: %v", res.Failed)
	}
	sum := res.Summary()
	if !strings.Contains(sum, "8 feeds") || !strings.Contains(sum, "failed") {
		t.Errorf("summary %q", sum)
	}
	var gone bool
	for _, e := range res.Failed {
		if strings.HasSuffix(e.Error(), "/gone.xml: 404 Not Found") && !strings.Contains(e.Error(), "http://") {
			gone = true
		}
	}
	if !gone {
		t.Errorf("404 not reported as host/path: 404 Not Found: %v", res.Failed)
	}
	if max := srv.maxIn.Load(); max > 2 {
		t.Errorf("%d requests at once to one host, PerHost is 2", max)
	}
	feeds, _ := s.Feeds(ctx)
	for _, f := range feeds {
		bad := strings.Contains(f.URL, "gone") || strings.Contains(f.URL, "html.xml") || strings.Contains(f.URL, "bad.xml")
		if bad != (f.Error != "") {
			t.Errorf("feed %s error %q", f.URL, f.Error)
		}
		if f.Checked.IsZero() {
			t.Errorf("feed %s not marked checked", f.URL)
		}
	}
	// Second refresh: every good feed answers 304.
	before := srv.notMod.Load()
	res, err = r.Refresh(ctx, nil, nil)
	if err != nil || res.New != 0 {
		t.Fatalf("second refresh: %+v %v", res, err)
	}
	if got := srv.notMod.Load() - before; got < 5 {
		t.Errorf("%d conditional GETs answered 304, want 5", got)
	}
	// A new item appears.
	srv.set("/f0.xml", rssDoc("Feed 0", "f0", 6))
	res, _ = r.Refresh(ctx, nil, nil)
	if res.New != 2 {
		t.Errorf("new items: %d", res.New)
	}
}

func TestRefreshRetention(t *testing.T) {
	srv := newFeedServer(t)
	s := openStore(t)
	srv.set("/f.xml", rssDoc("F", "f", 3))
	f, _, _, err := Subscribe(ctx, s, nil, srv.URL+"/f.xml")
	if err != nil {
		t.Fatal(err)
	}
	items, _ := s.Items(ctx, store.Filter{})
	s.SetRead(ctx, items[0].ID, true)
	s.SetRead(ctx, items[1].ID, true)
	s.SetSaved(ctx, items[1].ID, true)
	// The items are from 2026-11-01; "now" is a month later, retention a week.
	r := &Refresher{Store: s, Retention: 7 * 24 * time.Hour, Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}
	res, err := r.Refresh(ctx, nil, nil)
	if err != nil || res.Pruned != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if n, _ := s.Count(ctx, store.Filter{FeedID: f.ID}); n != 2 {
		t.Errorf("%d items left", n)
	}
	srv.set("/f.xml", rssDoc("F", "f", 3)+" ") // changed ETag: refetched
	if res, _ := r.Refresh(ctx, nil, nil); res.New != 0 {
		t.Errorf("pruned item came back: %+v", res)
	}
}

func TestRefreshCancel(t *testing.T) {
	srv := newFeedServer(t)
	srv.delay = 200 * time.Millisecond
	s := openStore(t)
	for i := 0; i < 6; i++ {
		srv.set(fmt.Sprintf("/%d.xml", i), rssDoc("x", "x", 1))
		s.AddFeed(ctx, store.Feed{URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)})
	}
	c, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	r := &Refresher{Store: s, PerHost: 1}
	if _, err := r.Refresh(c, nil, nil); err == nil {
		t.Fatal("cancelled refresh reported success")
	}
	if v, err := s.Version(); err != nil || v != store.SchemaVersion {
		t.Fatalf("store after cancel: %d %v", v, err)
	}
}

func TestShortURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/feed/":   "example.com/feed",
		"http://example.com":          "example.com",
		"https://a.example/f.xml?x=1": "a.example/f.xml?x=1",
	} {
		if got := ShortURL(in); got != want {
			t.Errorf("ShortURL(%q) = %q, want %q", in, got, want)
		}
	}
}
