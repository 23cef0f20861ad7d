package feed

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/benchfeed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader/fetch"
)

// bigFeed is an RSS document of n items with HTML content of about 100
// words each.
func bigFeed(n int) []byte { return benchfeed.RSS(n, "big") }

// BenchmarkRefresh10k refreshes one feed of 10,000 items: into an empty
// library (every item new), then again with all items known. The
// max_items cap is lifted (MaxItems -1) so that all 10,000 are stored:
// the benchmark measures storing them, not the cap.
func BenchmarkRefresh10k(b *testing.B) {
	doc := bigFeed(10_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(doc)
	}))
	defer srv.Close()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	f := fetch.New()
	f.MaxBytes = 64 << 20
	b.Run("new", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s, err := store.Open(filepath.Join(b.TempDir(), "brief.db"))
			if err != nil {
				b.Fatal(err)
			}
			s.AddFeed(ctx, store.Feed{URL: srv.URL + "/big.xml"})
			r := &Refresher{Store: s, Fetcher: f, MaxItems: -1}
			b.StartTimer()
			res, err := r.Refresh(ctx, nil, nil)
			if err != nil || res.New != 10_000 {
				b.Fatal(res, err)
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})
	b.Run("known", func(b *testing.B) {
		s, err := store.Open(filepath.Join(b.TempDir(), "brief.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		s.AddFeed(ctx, store.Feed{URL: srv.URL + "/big.xml"})
		r := &Refresher{Store: s, Fetcher: f, MaxItems: -1}
		if _, err := r.Refresh(ctx, nil, nil); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if res, err := r.Refresh(ctx, nil, nil); err != nil || res.New != 0 || len(res.Failed) != 0 {
				b.Fatal(res, err)
			}
		}
	})
}

// BenchmarkParse10k is the parsing part alone.
func BenchmarkParse10k(b *testing.B) {
	doc := bigFeed(10_000)
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		if p, err := Parse("https://big.example/rss", doc); err != nil || len(p.Items) != 10_000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkRefresh100kItems refreshes a feed of 100,000 short items (24
// MB) into an empty library: the newest DefaultMaxItems are stored.
//
//	go test ./library/feed -run '^$' -bench Refresh100k -benchmem -benchtime 3x
func BenchmarkRefresh100kItems(b *testing.B) {
	doc := []byte(oldestFirst(100_000))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(doc)
	}))
	defer srv.Close()
	f := fetch.New()
	f.MaxBytes = 64 << 20
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(filepath.Join(b.TempDir(), "brief.db"))
		if err != nil {
			b.Fatal(err)
		}
		s.AddFeed(ctx, store.Feed{URL: srv.URL + "/big.xml"})
		r := &Refresher{Store: s, Fetcher: f}
		b.StartTimer()
		if res, err := r.Refresh(ctx, nil, nil); err != nil || res.New != DefaultMaxItems {
			b.Fatal(res, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
