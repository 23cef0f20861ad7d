package store

import "testing"

// undoSyncSchema takes a database back to before migration 5 (and so
// before 6 as well).
const undoSyncSchema = undoListIndex + `DROP TRIGGER sync_queue_read; DROP TRIGGER sync_queue_saved; DROP TRIGGER sync_queue_unsubscribe;
	DROP TRIGGER sync_items_gone; DROP TABLE sync_feeds; DROP TABLE sync_items; DROP TABLE sync_queue;
	DROP TABLE sync_state; DROP TABLE sync_applying;`

// A library of schema 4 gains the sync tables and keeps its articles
// and marks; marks made before any sync queue nothing.
func TestSyncMigrate(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0, Items: doc(2, "a")}); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Items(ctx, Filter{})
	s.SetSaved(ctx, items[0].ID, true)
	if _, err := s.db.Exec(undoSyncSchema + `PRAGMA user_version = 4`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion || SchemaVersion != 6 {
		t.Errorf("version %d, want %d", v, SchemaVersion)
	}
	if n, _ := s.Count(ctx, Filter{View: Saved}); n != 1 {
		t.Errorf("%d saved after the upgrade, want 1", n)
	}
	s.SetRead(ctx, items[1].ID, true)
	var queued int
	if err := s.db.QueryRow(`SELECT count(*) FROM sync_queue`).Scan(&queued); err != nil || queued != 0 {
		t.Errorf("a library without a server queued %d marks (%v)", queued, err)
	}
}
