package store

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// streamed applies items as refresh does for a long feed: the first
// run in Items, the rest through More, runs of n.
func streamed(items []NewItem, n int) Update {
	first := min(n, len(items))
	rest := items[first:]
	return Update{Items: items[:first], Total: len(items), More: func(put func([]NewItem) error) error {
		for len(rest) > 0 {
			k := min(n, len(rest))
			if err := put(rest[:k]); err != nil {
				return err
			}
			rest = rest[k:]
		}
		return nil
	}}
}

// mixed is a document whose items list in document order only by id:
// undated items and items of one date, with a repeated GUID (the first
// stands) and an item without one.
func mixed(prefix string) []NewItem {
	var out []NewItem
	for i := range 11 {
		it := NewItem{GUID: fmt.Sprintf("%s-%d", prefix, i), Title: fmt.Sprintf("%d", i), Body: fmt.Sprintf("Body %d.", i)}
		if i%3 == 0 {
			it.Published = t0.Add(-time.Hour)
		}
		out = append(out, it)
	}
	out[7].GUID = out[2].GUID
	out[9].GUID = ""
	return out
}

func titles(t *testing.T, s *Store, feedID int64) []string {
	t.Helper()
	list, err := s.Items(ctx, Filter{FeedID: feedID})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range list {
		out = append(out, it.Title)
	}
	return out
}

// TestStreamedUpdateStoresAsWhole: a document stored a run at a time
// lists as the same document stored whole, and adds what it adds.
func TestStreamedUpdateStoresAsWhole(t *testing.T) {
	s, _ := openTemp(t)
	whole := addFeed(t, s, "https://whole.test/feed")
	added, err := s.ApplyUpdate(ctx, Update{FeedID: whole.ID, At: t0, Items: mixed("w")})
	if err != nil || added != 9 {
		t.Fatalf("whole: %d added, %v", added, err)
	}
	want := titles(t, s, whole.ID)
	for _, run := range []int{1, 2, 4, 11, 20} {
		f := addFeed(t, s, fmt.Sprintf("https://s%d.test/feed", run))
		u := streamed(mixed("s"), run)
		u.FeedID, u.At = f.ID, t0
		if added, err := s.ApplyUpdate(ctx, u); err != nil || added != 9 {
			t.Fatalf("runs of %d: %d added, %v", run, added, err)
		}
		if got := titles(t, s, f.ID); !slices.Equal(got, want) {
			t.Errorf("runs of %d list %v, stored whole %v", run, got, want)
		}
		// The same document again adds nothing.
		u = streamed(mixed("s"), run)
		u.FeedID, u.At = f.ID, t0.Add(time.Hour)
		if added, err := s.ApplyUpdate(ctx, u); err != nil || added != 0 {
			t.Errorf("runs of %d, again: %d added, %v", run, added, err)
		}
	}
}

// TestStreamedUpdateNeverReusesIDs: the ids a streamed update chooses
// are above every id ever given, a removed feed's included.
func TestStreamedUpdateNeverReusesIDs(t *testing.T) {
	s, _, top := afterRemovedFeed(t, 3)
	c := addFeed(t, s, "https://c.test/feed")
	u := streamed(doc(5, "c"), 2)
	u.FeedID, u.At = c.ID, t0
	if added, err := s.ApplyUpdate(ctx, u); err != nil || added != 5 {
		t.Fatalf("%d added, %v", added, err)
	}
	list, _ := s.Items(ctx, Filter{FeedID: c.ID})
	for _, it := range list {
		if it.ID <= top {
			t.Errorf("article id %d reused (ids up to %d were given)", it.ID, top)
		}
	}
	// And the next update's, stored whole, are above those.
	d := addFeed(t, s, "https://d.test/feed")
	s.ApplyUpdate(ctx, Update{FeedID: d.ID, At: t0, Items: doc(1, "d")})
	if got := maxItemID(t, s); got <= list[0].ID {
		t.Errorf("the next id %d is not above the streamed ones", got)
	}
}

// TestStreamedUpdateRollsBack: an error from More stores nothing of
// the document, not even its first run or the feed's validators.
func TestStreamedUpdateRollsBack(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://r.test/feed")
	u := streamed(doc(6, "r"), 2)
	more := u.More
	u.More = func(put func([]NewItem) error) error {
		calls := 0
		return more(func(items []NewItem) error {
			if calls++; calls == 2 {
				return fmt.Errorf("a chunk does not parse")
			}
			return put(items)
		})
	}
	u.FeedID, u.At, u.ETag = f.ID, t0, `"v1"`
	if _, err := s.ApplyUpdate(ctx, u); err == nil {
		t.Fatal("no error")
	}
	if got := titles(t, s, f.ID); len(got) != 0 {
		t.Errorf("stored %v", got)
	}
	feeds, _ := s.Feeds(ctx)
	for _, g := range feeds {
		if g.ID == f.ID && g.ETag != "" {
			t.Errorf("validator %q stored", g.ETag)
		}
	}
}
