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
