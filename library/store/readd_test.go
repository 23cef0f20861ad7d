package store

import (
	"testing"
	"time"
)

func maxItemID(t *testing.T, s *Store) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(`SELECT COALESCE(max(id), 0) FROM items`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Unsubscribing keeps saved articles; subscribing to the same feed
// again re-attaches them (same GUID, or same link) instead of storing
// them twice, with their marks.
func TestResubscribeReattachesSaved(t *testing.T) {
	s, _ := openTemp(t)
	const url = "https://a.test/feed"
	f := addFeed(t, s, url)
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: doc(3, "a")}); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Items(ctx, Filter{})
	saved, savedRead := list[1], list[2]
	s.SetSaved(ctx, saved.ID, true)
	s.SetSaved(ctx, savedRead.ID, true)
	s.SetRead(ctx, savedRead.ID, true)
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}

	f2 := addFeed(t, s, url)
	if f2.ID == f.ID {
		t.Errorf("the feed got its old id %d again", f.ID)
	}
	// The feed now gives one of the saved articles a new GUID, same link.
	items := doc(3, "a")
	items[2].GUID = "renamed-guid"
	added, err := s.ApplyUpdate(ctx, Update{FeedID: f2.ID, At: t0.Add(time.Hour), Items: items})
	if err != nil {
		t.Fatal(err)
	}
	if added != 1 {
		t.Errorf("added %d, want 1 (the two saved articles are known)", added)
	}
	all, _ := s.Items(ctx, Filter{})
	if len(all) != 3 {
		t.Fatalf("%d articles, want 3: %+v", len(all), all)
	}
	byID := map[int64]Item{}
	for _, it := range all {
		byID[it.ID] = it
		if it.FeedID != f2.ID {
			t.Errorf("%s not in the feed again: feed %d", it.Title, it.FeedID)
		}
	}
	if it, ok := byID[saved.ID]; !ok || !it.Saved || it.Read {
		t.Errorf("saved article: %+v", it)
	}
	if it, ok := byID[savedRead.ID]; !ok || !it.Saved || !it.Read || it.GUID != "renamed-guid" {
		t.Errorf("saved, read article: %+v", it)
	}
	if n, _ := s.Count(ctx, Filter{View: Saved}); n != 2 {
		t.Errorf("%d saved, want 2", n)
	}
	// A later refresh finds them by GUID as usual.
	if added, _ := s.ApplyUpdate(ctx, Update{FeedID: f2.ID, At: t0.Add(2 * time.Hour), Items: items}); added != 0 {
		t.Errorf("second refresh added %d", added)
	}

	// Another feed carrying the same article does not take it over.
	s.RemoveFeed(ctx, f2.ID)
	f3 := addFeed(t, s, "https://mirror.test/feed")
	if added, _ := s.ApplyUpdate(ctx, Update{FeedID: f3.ID, At: t0, Items: doc(3, "a")}); added != 3 {
		t.Errorf("other feed added %d, want 3", added)
	}
	if it, _ := s.Item(ctx, saved.ID); it.FeedID != 0 {
		t.Errorf("another feed took the kept article: %+v", it)
	}
}

// afterRemovedFeed opens a store, stores two articles of a feed a and
// bItems of a feed b, then removes b, whose articles have the newest
// ids. It returns the store, b, and the highest article id given.
func afterRemovedFeed(t *testing.T, bItems int) (s *Store, b Feed, top int64) {
	t.Helper()
	s, _ = openTemp(t)
	a := addFeed(t, s, "https://a.test/feed")
	b = addFeed(t, s, "https://b.test/feed")
	s.ApplyUpdate(ctx, Update{FeedID: a.ID, At: t0, Items: doc(2, "a")})
	s.ApplyUpdate(ctx, Update{FeedID: b.ID, At: t0, Items: doc(bItems, "b")})
	top = maxItemID(t, s)
	if err := s.RemoveFeed(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	return s, b, top
}

// Article and feed numbers are never given again: a number from an
// earlier brief list or brief feeds cannot name something else.
func TestIDsNeverReused(t *testing.T) {
	s, b, top := afterRemovedFeed(t, 2)
	c := addFeed(t, s, "https://c.test/feed")
	if c.ID <= b.ID {
		t.Errorf("feed id %d reused (removed %d)", c.ID, b.ID)
	}
	s.ApplyUpdate(ctx, Update{FeedID: c.ID, At: t0, Items: doc(2, "c")})
	list, _ := s.Items(ctx, Filter{FeedID: c.ID})
	for _, it := range list {
		if it.ID <= top {
			t.Errorf("article id %d reused (ids up to %d were given)", it.ID, top)
		}
	}
}
