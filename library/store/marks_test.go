package store

import "testing"

// Read marks of articles outside the library survive closing the
// database, and m (unread) removes them.
func TestLocationMarksPersist(t *testing.T) {
	s, p := openTemp(t)
	for _, loc := range []string{"/home/ann/news/a.txt", "sample/01-lighthouse.txt", "https://example.com/story"} {
		if err := s.SetLocationRead(ctx, loc, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetLocationRead(ctx, "/home/ann/news/a.txt", true); err != nil { // again
		t.Fatal(err)
	}
	if err := s.SetLocationRead(ctx, "https://example.com/story", false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read, err := s.ReadLocations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != 2 || !read["/home/ann/news/a.txt"] || !read["sample/01-lighthouse.txt"] {
		t.Errorf("after reopening: %v", read)
	}
}

// A library written before location marks existed gains their table
// and keeps its articles.
func TestLocationMarksMigrate(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0, Items: doc(2, "a")}); err != nil {
		t.Fatal(err)
	}
	// The schema before location marks (3): it and the migrations
	// after it undone.
	if _, err := s.db.Exec(undoSyncSchema + `DROP TABLE location_marks; DROP TABLE model_summaries; PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion {
		t.Errorf("version %d, want %d", v, SchemaVersion)
	}
	if n, _ := s.Count(ctx, Filter{}); n != 2 {
		t.Errorf("%d articles after the upgrade, want 2", n)
	}
	if err := s.SetLocationRead(ctx, "/x.txt", true); err != nil {
		t.Error(err)
	}
}
