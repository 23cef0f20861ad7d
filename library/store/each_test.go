package store

import (
	"errors"
	"testing"
)

// TestEachItemStreamsWhatItemsLists: EachItem sees the same rows in the
// same order as Items (all, one feed, a page), and an error from its
// callback stops the walk at once and is returned.
func TestEachItemStreamsWhatItemsLists(t *testing.T) {
	s, _ := openTemp(t)
	a, b := addFeed(t, s, "https://a.example/rss"), addFeed(t, s, "https://b.example/rss")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: a.ID, Title: "Feed A", At: t0, Items: doc(30, "a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: b.ID, At: t0, Items: doc(20, "b")}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{{}, {FeedID: b.ID}, {Limit: 7, Offset: 5}} {
		want, err := s.Items(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []Item
		if err := s.EachItem(ctx, f, func(it *Item) error { got = append(got, *it); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(want) == 0 {
			t.Fatalf("%+v: %d rows streamed, %d listed", f, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%+v row %d: %+v, listed %+v", f, i, got[i], want[i])
			}
		}
	}
	stop := errors.New("enough")
	n := 0
	err := s.EachItem(ctx, Filter{}, func(it *Item) error {
		if n++; n == 3 {
			return stop
		}
		if it.Feed == "" {
			t.Errorf("item %d has no feed name", it.ID)
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("stopped after %d rows with %v", n, err)
	}
}

// TestEachItemRestoresConnection: the lean settings of a walk or a
// refresh's write (no mapped pages, a small page cache) do not stay on
// the pooled connection the TUI's lists use afterwards.
func TestEachItemRestoresConnection(t *testing.T) {
	s, _ := openTemp(t)
	s.db.SetMaxOpenConns(1) // the walk and the checks share one connection
	settings := func() (mmap, cache int64) {
		if err := s.db.QueryRow("PRAGMA mmap_size").Scan(&mmap); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow("PRAGMA cache_size").Scan(&cache); err != nil {
			t.Fatal(err)
		}
		return
	}
	m0, c0 := settings()
	if c0 != -65536 {
		t.Fatalf("cache_size %d before the walk", c0)
	}
	err := s.EachItem(ctx, Filter{}, func(*Item) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if m, c := settings(); m != m0 || c != c0 {
		t.Fatalf("after the walk mmap_size %d, cache_size %d; before %d, %d", m, c, m0, c0)
	}
	// A refresh's write runs lean too, and leaves the connection as it was.
	f := addFeed(t, s, "https://a.example/rss")
	if n, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: doc(5, "a")}); err != nil || n != 5 {
		t.Fatalf("ApplyUpdate: %d, %v", n, err)
	}
	if m, c := settings(); m != m0 || c != c0 {
		t.Fatalf("after ApplyUpdate mmap_size %d, cache_size %d; before %d, %d", m, c, m0, c0)
	}
}
