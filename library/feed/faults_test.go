package feed

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader/fetch"
)

// faultyFeeds serves good feeds beside broken ones: one that stalls
// after part of its document, one that trickles a byte at a time, one
// that never ends, and one that is a video. written counts the bytes
// the endless and the video ones got onto the wire.
func faultyFeeds(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var written atomic.Int64
	mux := http.NewServeMux()
	for i := 0; i < 3; i++ {
		doc := rssDoc(fmt.Sprintf("Good %d", i), fmt.Sprintf("good%d", i), 3)
		mux.HandleFunc(fmt.Sprintf("/good%d.xml", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, doc)
		})
	}
	mux.HandleFunc("/stall.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		doc := rssDoc("Stall", "stall", 3)
		w.Header().Set("Content-Length", fmt.Sprint(len(doc)))
		fmt.Fprint(w, doc[:50])
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/trickle.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		for _, c := range []byte(rssDoc("Trickle", "trickle", 3)) {
			w.Write([]byte{c})
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	endless := func(contentType string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", contentType)
			chunk := []byte(strings.Repeat("<item><title>again</title></item>", 1000))
			for r.Context().Err() == nil {
				n, err := w.Write(chunk)
				written.Add(int64(n))
				if err != nil {
					return
				}
			}
		}
	}
	mux.HandleFunc("/endless.xml", endless("application/rss+xml"))
	mux.HandleFunc("/episode.xml", endless("video/mp4"))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &written
}

// One refresh over good and broken feeds: the broken ones fail within
// the fetcher's limits, each with its reason, and the good ones are
// refreshed all the same.
func TestRefreshSurvivesFaultyFeeds(t *testing.T) {
	srv, written := faultyFeeds(t)
	s := openStore(t)
	paths := []string{"/good0.xml", "/stall.xml", "/good1.xml", "/trickle.xml", "/endless.xml", "/episode.xml", "/good2.xml"}
	for _, p := range paths {
		if _, _, err := s.AddFeed(ctx, store.Feed{URL: srv.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	f := fetch.New()
	f.Timeout = 700 * time.Millisecond
	f.MaxBytes = 1 << 20
	r := &Refresher{Store: s, Fetcher: f, Concurrency: 8, PerHost: 8}
	start := time.Now()
	done := make(chan struct{})
	var res *Result
	var err error
	go func() {
		res, err = r.Refresh(ctx, nil, nil)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		srv.CloseClientConnections()
		t.Fatal("the refresh is still running after 15s")
	}
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("the refresh took %v with a 700ms timeout per feed", el)
	}
	if res.New != 9 {
		t.Errorf("%d new articles, want the good feeds' 9", res.New)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	want := map[string]string{
		"/stall.xml":   "timed out after 700ms while downloading (got 50 of ",
		"/trickle.xml": "timed out after 700ms while downloading (got ",
		"/endless.xml": "is too large (over the 1 MB limit)",
		"/episode.xml": "is not a feed (video/mp4)",
	}
	if len(res.Failed) != len(want) {
		t.Errorf("failures: %v", res.Failed)
	}
	for _, e := range res.Failed {
		var fe *FeedError
		if !errors.As(e, &fe) {
			t.Fatalf("failure %T %v", e, e)
		}
		path := strings.TrimPrefix(fe.URL, srv.URL)
		if w := want[path]; w == "" || !strings.HasPrefix(fe.Reason, w) {
			t.Errorf("%s: reason %q, want %q…", path, fe.Reason, w)
		}
		if !strings.HasPrefix(e.Error(), host+path+": ") || strings.Contains(e.Error(), "\n") {
			t.Errorf("failure line %q", e.Error())
		}
	}
	feeds, _ := s.Feeds(ctx)
	for _, fd := range feeds {
		bad := want[strings.TrimPrefix(fd.URL, srv.URL)] != ""
		if bad != (fd.Error != "") {
			t.Errorf("feed %s: stored error %q", fd.URL, fd.Error)
		}
	}
	srv.CloseClientConnections()
	srv.Close()
	// The endless feed stops at the cap; the video is refused before
	// its body (what the sockets buffer aside).
	if n := written.Load(); n > 1<<20+32<<20 {
		t.Errorf("the endless feeds wrote %d bytes", n)
	}
}

// A feed's item links are web addresses or nothing: an item that links
// to a file, a script or an inline document has no page to fetch.
func TestFeedItemLinksAreWebOnly(t *testing.T) {
	hrefs := []string{"file:///etc/passwd", "javascript:alert(1)", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
		"vbscript:msgbox(1)", "ftp://example.com/x", "FILE:///etc/shadow"}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Odd links</title><link>javascript:alert(0)</link>`)
	for i, h := range hrefs {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s</link><guid isPermaLink="false">g%d</guid><description>Short teaser %d.</description></item>`, i, h, i, i)
	}
	b.WriteString(`<item><title>Relative</title><link>../up/story</link><guid isPermaLink="false">rel</guid><description>Fine.</description></item>`)
	b.WriteString(`</channel></rss>`)
	p, err := Parse("https://news.example/feeds/rss.xml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if p.SiteURL != "" {
		t.Errorf("site URL %q", p.SiteURL)
	}
	if len(p.Items) != len(hrefs)+1 {
		t.Fatalf("%d items", len(p.Items))
	}
	for i, it := range p.Items[:len(hrefs)] {
		if it.URL != "" || it.Teaser {
			t.Errorf("item linking %s: URL %q teaser %v", hrefs[i], it.URL, it.Teaser)
		}
	}
	if got := p.Items[len(hrefs)].URL; got != "https://news.example/up/story" {
		t.Errorf("relative link resolved to %q", got)
	}
}
