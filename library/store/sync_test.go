package store

import (
	"testing"
	"time"
)

// syncFixture is a store linked to a server: one feed (remote "f1")
// with two articles (remote "1" and "2"), and a local feed the server
// does not have.
func syncFixture(t *testing.T) (*Store, int64, int64) {
	t.Helper()
	s, _ := openTemp(t)
	if _, err := s.BindSyncServer(ctx, "miniflux https://mf.example ann"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplySyncFeeds(ctx, []SyncFeed{{RemoteID: "f1", URL: "https://news.example/feed", Title: "News", Category: "Town"}}, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddFeed(ctx, Feed{URL: "https://local.example/feed"}); err != nil {
		t.Fatal(err)
	}
	entries := []SyncEntry{
		{RemoteID: "1", RemoteFeed: "f1", Item: NewItem{GUID: "https://news.example/1", URL: "https://news.example/1", Title: "One", Body: "One."}},
		{RemoteID: "2", RemoteFeed: "f1", Item: NewItem{GUID: "https://news.example/2", URL: "https://news.example/2", Title: "Two", Body: "Two."}, Read: true},
		{RemoteID: "3", RemoteFeed: "gone", Item: NewItem{GUID: "x", Title: "Three"}},
	}
	added, missing, err := s.ApplySyncEntries(ctx, entries, map[string]string{"mf_after": "3"})
	if err != nil || added != 2 || len(missing) != 1 || missing[0] != "gone" {
		t.Fatalf("ApplySyncEntries: %d added, missing %v, %v", added, missing, err)
	}
	one, _ := s.Lookup(ctx, "https://news.example/1")
	two, _ := s.Lookup(ctx, "https://news.example/2")
	return s, one, two
}

// Every way of marking queues the change for the server, in the same
// transaction; the sync's own changes are not queued.
func TestSyncQueueFollowsMarks(t *testing.T) {
	s, one, two := syncFixture(t)
	if q, _ := s.PendingSync(ctx); len(q) != 0 {
		t.Fatalf("the sync's own changes were queued: %+v", q)
	}
	s.SetRead(ctx, one, true)
	s.SetSaved(ctx, one, true)
	s.SetSaved(ctx, one, false)
	s.SetSaved(ctx, one, true)
	s.SetRead(ctx, two, true) // no change: nothing to send
	if _, err := s.MarkAllRead(ctx, Filter{}); err != nil {
		t.Fatal(err)
	}
	q, err := s.PendingSync(ctx)
	if err != nil || len(q) != 2 {
		t.Fatalf("queued: %+v, %v", q, err)
	}
	for _, m := range q {
		if m.RemoteID != "1" || !m.Value || (m.Kind != "read" && m.Kind != "saved") {
			t.Errorf("queued %+v", m)
		}
	}
	// A mark made while the first was being sent stays queued.
	s.SetRead(ctx, one, false)
	if err := s.SyncSent(ctx, q); err != nil {
		t.Fatal(err)
	}
	q, _ = s.PendingSync(ctx)
	if len(q) != 1 || q[0].Kind != "read" || q[0].Value {
		t.Errorf("after sending: %+v", q)
	}
	// Removing the feed here queues its unsubscription; its saved
	// article stays, and the server's copies are not fetched again.
	fs, _ := s.Feeds(ctx)
	for _, f := range fs {
		if f.URL == "https://news.example/feed" {
			if err := s.RemoveFeed(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	q, _ = s.PendingSync(ctx)
	if len(q) != 2 || q[1].Kind != "unsubscribe" || q[1].RemoteID != "f1" {
		t.Errorf("after removing the feed: %+v", q)
	}
	if unknown, _ := s.UnknownRemote(ctx, []string{"1", "2", "9"}); len(unknown) != 1 || unknown[0] != "9" {
		t.Errorf("unknown ids: %v", unknown)
	}
	if n, _ := s.Count(ctx, Filter{View: Saved}); n != 1 {
		t.Errorf("saved articles after the removal: %d", n)
	}
}

// Three-way merge: a mark changed on one side only takes that side's
// value; on both, the later change (the server says when) wins, and
// saving wins the saved mark.
func TestSyncMerge(t *testing.T) {
	s, one, two := syncFixture(t)
	s.SetRead(ctx, one, true) // queued here; the server unchanged
	past := time.Now().Add(-time.Hour)
	err := s.ApplyRemoteMarks(ctx, []RemoteMark{
		{RemoteID: "1", Read: false, Saved: false, Changed: past},
		{RemoteID: "2", Read: true, Saved: true, Changed: past}, // saved there
	}, map[string]string{"mf_changed": "1"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Item(ctx, one)
	b, _ := s.Item(ctx, two)
	if !a.Read || !b.Saved {
		t.Errorf("one side changed: one read %v (changed here), two saved %v (changed there)", a.Read, b.Saved)
	}
	// Both sides made the same change: they agree, nothing is left to send.
	s.SetRead(ctx, two, false)
	s.ApplyRemoteMarks(ctx, []RemoteMark{{RemoteID: "2", Read: false, Saved: true, Changed: time.Now().Add(time.Minute)}}, nil)
	if b, _ = s.Item(ctx, two); b.Read {
		t.Errorf("unread on both sides: read")
	}
	for _, q := range mustPending(t, s) {
		if q.RemoteID == "2" && q.Kind == "read" {
			t.Errorf("unread on both sides, still queued: %+v", q)
		}
	}
	// Saved: unsaved here, saved there again after it was unsaved.
	s.ApplyRemoteMarks(ctx, []RemoteMark{{RemoteID: "2", Read: false, Saved: false, Changed: time.Now()}}, nil)
	if b, _ = s.Item(ctx, two); b.Saved {
		t.Errorf("unsaved there, unchanged here: still saved")
	}
	s.SetSaved(ctx, two, true)
	s.ApplyRemoteMarks(ctx, []RemoteMark{{RemoteID: "2", Read: false, Saved: false, Changed: time.Now().Add(time.Hour)}}, nil)
	if b, _ = s.Item(ctx, two); !b.Saved {
		t.Errorf("saved here, unchanged there: lost")
	}
	if st, _ := s.SyncState(ctx); st["mf_changed"] != "1" || st["mf_after"] != "3" {
		t.Errorf("state: %v", st)
	}
}

// Another server starts afresh: links and queue go, articles stay.
func TestSyncAnotherServer(t *testing.T) {
	s, one, _ := syncFixture(t)
	s.SetRead(ctx, one, true)
	fresh, err := s.BindSyncServer(ctx, "greader https://fr.example ann")
	if err != nil || !fresh {
		t.Fatalf("rebind: %v %v", fresh, err)
	}
	st, _ := s.SyncStatus(ctx)
	if st.Feeds != 0 || st.Items != 0 || st.PendingMarks != 0 || st.Server != "greader https://fr.example ann" {
		t.Errorf("after another server: %+v", st)
	}
	if n, _ := s.Count(ctx, Filter{}); n != 2 {
		t.Errorf("articles after another server: %d", n)
	}
}

func mustPending(t *testing.T, s *Store) []Queued {
	t.Helper()
	q, err := s.PendingSync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// undoSyncSchema takes a database back to before migration 4.
const undoSyncSchema = `DROP TRIGGER sync_queue_read; DROP TRIGGER sync_queue_saved; DROP TRIGGER sync_queue_unsubscribe;
	DROP TRIGGER sync_items_gone; DROP TABLE sync_feeds; DROP TABLE sync_items; DROP TABLE sync_queue;
	DROP TABLE sync_state; DROP TABLE sync_applying;`

// A library of schema 3 gains the sync tables and keeps its articles
// and marks; marks made before any sync queue nothing.
func TestSyncMigrate(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0, Items: doc(2, "a")}); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Items(ctx, Filter{})
	s.SetSaved(ctx, items[0].ID, true)
	if _, err := s.db.Exec(undoSyncSchema + `PRAGMA user_version = 3`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion || SchemaVersion != 4 {
		t.Errorf("version %d, want %d", v, SchemaVersion)
	}
	if n, _ := s.Count(ctx, Filter{View: Saved}); n != 1 {
		t.Errorf("%d saved after the upgrade, want 1", n)
	}
	s.SetRead(ctx, items[1].ID, true)
	if q := mustPending(t, s); len(q) != 0 {
		t.Errorf("a library without a server queued %+v", q)
	}
}

// A feed subscribed to again on the server (a new remote id, the same
// URL) stays the same feed here.
func TestSyncFeedResubscribed(t *testing.T) {
	s, one, _ := syncFixture(t)
	added, removed, err := s.ApplySyncFeeds(ctx, []SyncFeed{{RemoteID: "f9", URL: "https://news.example/feed", Title: "News"}}, true)
	if err != nil || added != 0 || removed != 0 {
		t.Fatalf("resubscribed: %d added, %d removed, %v", added, removed, err)
	}
	if m, _ := s.SyncedFeeds(ctx); len(m) != 1 || m["f9"] == 0 {
		t.Errorf("links: %v", m)
	}
	if _, err := s.Item(ctx, one); err != nil {
		t.Errorf("its article: %v", err)
	}
}
