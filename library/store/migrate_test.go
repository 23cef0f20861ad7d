package store

import (
	"path/filepath"
	"testing"
)

// A library written by schema 1 (the first release) migrates to ids
// that are never reused, keeping every article, its marks, its text and
// search; the rebuilt tables keep their foreign keys.
func TestMigrateFromSchema1(t *testing.T) {
	p := filepath.Join(t.TempDir(), "brief.db")
	all := migrations
	migrations = all[:1]
	old, err := Open(p)
	migrations = all
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(); v != 1 {
		t.Fatalf("old library at schema %d", v)
	}
	// Rows as schema 1 stored them (this build's code writes schema 2):
	// feeds a (1), b (2), and a removed one whose saved article was kept;
	// items 1-3 of a (1 read, 2 saved, 3 with its page's text), 4 kept
	// from gone (saved, read), 5-6 of b; 7 was pruned.
	for _, q := range []string{
		`INSERT INTO feeds(id, url, title, added_at) VALUES (1, 'https://a.test/feed', 'A', 1), (2, 'https://b.test/feed', 'B', 1)`,
		`INSERT INTO items(id, feed_id, guid, url, title, site, published, fetched_at, sort_key, words, source, read, saved) VALUES
			(1, 1, 'a-0', 'https://example.com/a/0', 'a story 0', 'A', 100, 100, 100, 3, 'feed', 1, 0),
			(2, 1, 'a-1', 'https://example.com/a/1', 'a story 1', 'A', 200, 200, 200, 3, 'feed', 0, 1),
			(3, 1, 'a-2', 'https://example.com/a/2', 'a story 2', 'A', 300, 300, 300, 5, 'page', 0, 0),
			(4, NULL, 'gone-0', 'https://example.com/gone/0', 'gone story 0', 'Gone', 400, 400, 400, 3, 'feed', 1, 1),
			(5, 2, 'b-0', 'https://example.com/b/0', 'b story 0', 'B', 500, 500, 500, 3, 'feed', 0, 0),
			(6, 2, 'b-1', 'https://example.com/b/1', 'b story 1', 'B', 600, 600, 600, 3, 'feed', 0, 0)`,
		`UPDATE items SET author = 'Ann' WHERE id = 3`,
		`INSERT INTO bodies(item_id, body) VALUES (1, 'a story 0'), (2, 'a story 1'), (3, 'The whole page about zeppelins.'),
			(4, 'gone story 0'), (5, 'b story 0'), (6, 'b story 1')`,
		`INSERT INTO items_fts(rowid, title, text) VALUES (1, 'a story 0', 'a story 0'), (2, 'a story 1', 'a story 1'),
			(3, 'a story 2', 'The whole page about zeppelins.'), (4, 'gone story 0', 'gone story 0'),
			(5, 'b story 0', 'b story 0'), (6, 'b story 1', 'b story 1')`,
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	a, b := Feed{ID: 1}, Feed{ID: 2}
	la := []Item{{ID: 1}, {ID: 2}, {ID: 3}}
	lg := []Item{{ID: 4}}
	const top = 6

	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion || SchemaVersion < 2 {
		t.Fatalf("schema %d after upgrade, want %d", v, SchemaVersion)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %s %v", check, err)
	}
	for i := 0; i < 6; i++ { // every pooled connection has its keys on
		var on int
		if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
			t.Fatalf("foreign_keys = %d, %v", on, err)
		}
	}
	if n, _ := s.Count(ctx, Filter{}); n != 6 {
		t.Errorf("%d articles after upgrade, want 6", n)
	}
	if n, _ := s.Count(ctx, Filter{View: Unread}); n != 4 {
		t.Errorf("%d unread after upgrade, want 4", n)
	}
	if n, _ := s.Count(ctx, Filter{View: Saved}); n != 2 {
		t.Errorf("%d saved after upgrade, want 2", n)
	}
	if it, err := s.Item(ctx, la[0].ID); err != nil || !it.Read || it.FeedID != a.ID {
		t.Errorf("read article: %+v %v", it, err)
	}
	if it, err := s.Item(ctx, lg[0].ID); err != nil || !it.Saved || !it.Read || it.FeedID != 0 || it.Feed == "" {
		t.Errorf("kept article of a removed feed: %+v %v", it, err)
	}
	e, err := s.Entry(ctx, la[2].ID)
	if err != nil || e.Article.Body != "The whole page about zeppelins." || e.Source != FromPage || e.Author != "Ann" {
		t.Errorf("page text after upgrade: %+v %v", e, err)
	}
	if hits, err := s.Search(ctx, "zeppelins", 5); err != nil || len(hits) != 1 || hits[0].ID != la[2].ID {
		t.Errorf("search after upgrade: %+v %v", hits, err)
	}

	// The keys still act: removing a feed deletes its unsaved articles'
	// bodies and detaches its saved one.
	if err := s.RemoveFeed(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	var bodies int
	s.db.QueryRow(`SELECT count(*) FROM bodies b JOIN items i ON i.id = b.item_id`).Scan(&bodies)
	var allBodies int
	s.db.QueryRow(`SELECT count(*) FROM bodies`).Scan(&allBodies)
	if bodies != allBodies {
		t.Errorf("%d bodies of removed articles left", allBodies-bodies)
	}
	if it, err := s.Item(ctx, la[1].ID); err != nil || it.FeedID != 0 || !it.Saved {
		t.Errorf("saved article of a removed feed: %+v %v", it, err)
	}

	// Removed articles' numbers are not given again (b held the top ids).
	if err := s.RemoveFeed(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	c := addFeed(t, s, "https://c.test/feed")
	if c.ID <= b.ID {
		t.Errorf("feed id %d after upgrade, not above %d", c.ID, b.ID)
	}
	s.ApplyUpdate(ctx, Update{FeedID: c.ID, At: t0, Items: doc(1, "c")})
	if lc, _ := s.Items(ctx, Filter{FeedID: c.ID}); len(lc) != 1 || lc[0].ID <= top {
		t.Errorf("article ids after upgrade: %+v (top was %d)", lc, top)
	}

	// The article kept before the upgrade comes back to its feed when
	// it is subscribed again (same GUID and link).
	g := addFeed(t, s, "https://gone.test/feed")
	if added, _ := s.ApplyUpdate(ctx, Update{FeedID: g.ID, At: t0, Items: doc(2, "gone")}); added != 1 {
		t.Errorf("re-subscribed feed added %d, want 1", added)
	}
	if it, _ := s.Item(ctx, lg[0].ID); it.FeedID != g.ID || !it.Saved || !it.Read {
		t.Errorf("kept article not re-attached: %+v", it)
	}
}
