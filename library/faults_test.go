package library

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
)

// A teaser whose link is a download (a 10 GB video, declared or
// endless): opening it keeps the feed's text and says why, without the
// download being read.
func TestTeaserLinkingADownload(t *testing.T) {
	var written atomic.Int64
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, strings.ReplaceAll(teaserFeed, "HOST", srv.URL))
			return
		}
		w.Header().Set("Content-Type", "video/mp4")
		if r.URL.Path == "/2.html" {
			w.Header().Set("Content-Length", fmt.Sprint(int64(10<<30)))
		}
		chunk := make([]byte, 32<<10)
		for r.Context().Err() == nil {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	lib, err := Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if _, _, _, err := feed.Subscribe(ctx, lib.Store, lib.Fetcher, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	items, _ := lib.Items(ctx, store.Filter{})
	if len(items) != 2 {
		t.Fatalf("items %+v", items)
	}
	for _, it := range items {
		start := time.Now()
		e, err := lib.Open(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s: opening took %v", it.URL, el)
		}
		if e.PageErr == nil || e.Source != store.FromFeed {
			t.Fatalf("%s: source %s, page error %v", it.URL, e.Source, e.PageErr)
		}
		if want := it.URL + " is not a web page (video/mp4)"; e.PageErr.Error() != want {
			t.Errorf("page error %q, want %q", e.PageErr, want)
		}
	}
	srv.CloseClientConnections()
	srv.Close()
	if n := written.Load(); n > 32<<20 {
		t.Errorf("the server wrote %d bytes", n)
	}
}
