package store

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The library benchmarks run on 100,000 stored articles (100 feeds of
// 1,000), built once per run; building takes a while and is not timed.

const benchArticles = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

var benchWords = strings.Fields(`the a of to and in that is for on with as was by at from it his be has
	have are this an said not its were but had which more after been one their new also who when will
	first two would over year people about city government police minister council school health market
	election court report water energy climate river tram harbour glacier inflation bank rain festival
	museum weaver soil sensor clinic flu rover team coach striker village farmers bridge station budget`)

// benchBody is about 150 words from a small vocabulary, plus one rare
// word every 1,000 articles, so searches have common and rare terms.
func benchBody(r *rand.Rand, i int) string {
	var b strings.Builder
	for p := 0; p < 3; p++ {
		for w := 0; w < 50; w++ {
			b.WriteString(benchWords[r.Intn(len(benchWords))])
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	if i%1000 == 0 {
		b.WriteString("A zeppelin was seen.")
	}
	return b.String()
}

func benchLibrary(b *testing.B) string {
	benchOnce.Do(func() {
		// BRIEF_BENCH_DB keeps the library between runs (delete it when
		// the schema changes).
		if p := os.Getenv("BRIEF_BENCH_DB"); p != "" {
			benchPath = p
			if _, err := os.Stat(p); err == nil {
				return
			}
		} else {
			dir, err := os.MkdirTemp("", "brief-bench")
			if err != nil {
				benchErr = err
				return
			}
			benchPath = filepath.Join(dir, "brief.db")
		}
		s, err := Open(benchPath)
		if err != nil {
			benchErr = err
			return
		}
		defer s.Close()
		r := rand.New(rand.NewSource(1))
		at := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
		n := 0
		for f := 0; f < 100; f++ {
			feed, _, err := s.AddFeed(ctx, Feed{URL: fmt.Sprintf("https://feed%d.example/rss", f)})
			if err != nil {
				benchErr = err
				return
			}
			items := make([]NewItem, 1000)
			for i := range items {
				items[i] = NewItem{
					GUID:      fmt.Sprintf("f%d-%d", f, i),
					URL:       fmt.Sprintf("https://feed%d.example/a/%d", f, i),
					Title:     fmt.Sprintf("Story %d of feed %d: %s %s", i, f, benchWords[r.Intn(len(benchWords))], benchWords[r.Intn(len(benchWords))]),
					Published: at.Add(-time.Duration(r.Intn(90*24*60)) * time.Minute),
					Body:      benchBody(r, n),
				}
				n++
			}
			if _, err := s.ApplyUpdate(ctx, Update{FeedID: feed.ID, Title: fmt.Sprintf("Feed %d", f), At: at, Items: items}); err != nil {
				benchErr = err
				return
			}
		}
		// A third read, a few saved.
		if _, err := s.db.Exec(`UPDATE items SET read = 1 WHERE id % 3 = 0`); err != nil {
			benchErr = err
		}
		s.db.Exec(`UPDATE items SET saved = 1 WHERE id % 97 = 0`)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func openBench(b *testing.B) *Store {
	s, err := Open(benchLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLibraryOpen is what `brief` does before showing the library:
// open the database and read the counts and the first screenful.
func BenchmarkLibraryOpen(b *testing.B) {
	path := benchLibrary(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if n, err := s.Count(ctx, Filter{View: Unread}); err != nil || n == 0 {
			b.Fatal(n, err)
		}
		if items, err := s.Items(ctx, Filter{Limit: 200}); err != nil || len(items) != 200 {
			b.Fatal(len(items), err)
		}
		s.Close()
	}
}

func BenchmarkLibraryListPage(b *testing.B) {
	s := openBench(b)
	for _, v := range []View{All, Unread, Saved} {
		b.Run(v.String(), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Items(ctx, Filter{View: v, Limit: 200}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// The reader's library view loads the newest 2,000.
	b.Run("newest2000", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if items, err := s.Items(ctx, Filter{Limit: 2000}); err != nil || len(items) != 2000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("feed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Items(ctx, Filter{FeedID: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLibraryListAll lists all 100,000 articles (brief list).
func BenchmarkLibraryListAll(b *testing.B) {
	s := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := s.Items(ctx, Filter{})
		if err != nil || len(items) != benchArticles {
			b.Fatal(len(items), err)
		}
	}
}

func BenchmarkLibraryFeeds(b *testing.B) {
	s := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if fs, err := s.Feeds(ctx); err != nil || len(fs) != 100 {
			b.Fatal(len(fs), err)
		}
	}
}

func BenchmarkLibrarySearch(b *testing.B) {
	s := openBench(b)
	for _, q := range []string{"zeppelin", "glacier tram", "harbour"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				hits, err := s.Search(ctx, q, 50)
				if err != nil || len(hits) == 0 {
					b.Fatal(len(hits), err)
				}
			}
		})
	}
}

func BenchmarkLibraryEntry(b *testing.B) {
	s := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Entry(ctx, int64(1+i%benchArticles)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLibraryEachAll streams all 100,000 articles (what brief list
// prints), one row at a time.
func BenchmarkLibraryEachAll(b *testing.B) {
	s := openBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := s.EachItem(ctx, Filter{}, func(*Item) error { n++; return nil })
		if err != nil || n != benchArticles {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkLibraryEachHeadline streams all 100,000 articles with only
// the columns brief list prints (the index walk alone).
func BenchmarkLibraryEachHeadline(b *testing.B) {
	s := openBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := s.EachHeadline(ctx, Filter{}, func(*Item) error { n++; return nil })
		if err != nil || n != benchArticles {
			b.Fatal(n, err)
		}
	}
}
