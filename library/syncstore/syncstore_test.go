package syncstore

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
)

var ctx = context.Background()

// syncFixture is a store linked to a server: one feed (remote "f1")
// with two articles (remote "1" and "2"), and a local feed the server
// does not have.
func syncFixture(t *testing.T) (*DB, int64, int64) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st)
	if _, err := s.Bind(ctx, "miniflux https://mf.example ann"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyFeeds(ctx, []Feed{{RemoteID: "f1", URL: "https://news.example/feed", Title: "News", Category: "Town"}}, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.s.AddFeed(ctx, store.Feed{URL: "https://local.example/feed"}); err != nil {
		t.Fatal(err)
	}
	entries := []Entry{
		{RemoteID: "1", RemoteFeed: "f1", Item: store.NewItem{GUID: "https://news.example/1", URL: "https://news.example/1", Title: "One", Body: "One."}},
		{RemoteID: "2", RemoteFeed: "f1", Item: store.NewItem{GUID: "https://news.example/2", URL: "https://news.example/2", Title: "Two", Body: "Two."}, Read: true},
		{RemoteID: "3", RemoteFeed: "gone", Item: store.NewItem{GUID: "x", Title: "Three"}},
	}
	added, missing, err := s.ApplyEntries(ctx, entries, map[string]string{"mf_after": "3"})
	if err != nil || added != 2 || len(missing) != 1 || missing[0] != "gone" {
		t.Fatalf("ApplyEntries: %d added, missing %v, %v", added, missing, err)
	}
	one, _ := s.s.Lookup(ctx, "https://news.example/1")
	two, _ := s.s.Lookup(ctx, "https://news.example/2")
	return s, one, two
}

// Every way of marking queues the change for the server, in the same
// transaction; the sync's own changes are not queued.
func TestSyncQueueFollowsMarks(t *testing.T) {
	s, one, two := syncFixture(t)
	if q, _ := s.Pending(ctx); len(q) != 0 {
		t.Fatalf("the sync's own changes were queued: %+v", q)
	}
	s.s.SetRead(ctx, one, true)
	s.s.SetSaved(ctx, one, true)
	s.s.SetSaved(ctx, one, false)
	s.s.SetSaved(ctx, one, true)
	s.s.SetRead(ctx, two, true) // no change: nothing to send
	if _, err := s.s.MarkAllRead(ctx, store.Filter{}); err != nil {
		t.Fatal(err)
	}
	q, err := s.Pending(ctx)
	if err != nil || len(q) != 2 {
		t.Fatalf("queued: %+v, %v", q, err)
	}
	for _, m := range q {
		if m.RemoteID != "1" || !m.Value || (m.Kind != "read" && m.Kind != "saved") {
			t.Errorf("queued %+v", m)
		}
	}
	// A mark made while the first was being sent stays queued.
	s.s.SetRead(ctx, one, false)
	if err := s.Sent(ctx, q); err != nil {
		t.Fatal(err)
	}
	q, _ = s.Pending(ctx)
	if len(q) != 1 || q[0].Kind != "read" || q[0].Value {
		t.Errorf("after sending: %+v", q)
	}
	// Removing the feed here queues its unsubscription; its saved
	// article stays, and the server's copies are not fetched again.
	fs, _ := s.s.Feeds(ctx)
	for _, f := range fs {
		if f.URL == "https://news.example/feed" {
			if err := s.s.RemoveFeed(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	q, _ = s.Pending(ctx)
	if len(q) != 2 || q[1].Kind != "unsubscribe" || q[1].RemoteID != "f1" {
		t.Errorf("after removing the feed: %+v", q)
	}
	if unknown, _ := s.Unknown(ctx, []string{"1", "2", "9"}); len(unknown) != 1 || unknown[0] != "9" {
		t.Errorf("unknown ids: %v", unknown)
	}
	if n, _ := s.s.Count(ctx, store.Filter{View: store.Saved}); n != 1 {
		t.Errorf("saved articles after the removal: %d", n)
	}
}

// Three-way merge: a mark changed on one side only takes that side's
// value; on both, the later change (the server says when) wins, and
// saving wins the saved mark.
func TestSyncMerge(t *testing.T) {
	s, one, two := syncFixture(t)
	s.s.SetRead(ctx, one, true) // queued here; the server unchanged
	past := time.Now().Add(-time.Hour)
	err := s.ApplyMarks(ctx, []Mark{
		{RemoteID: "1", Read: false, Saved: false, Changed: past},
		{RemoteID: "2", Read: true, Saved: true, Changed: past}, // saved there
	}, map[string]string{"mf_changed": "1"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.s.Item(ctx, one)
	b, _ := s.s.Item(ctx, two)
	if !a.Read || !b.Saved {
		t.Errorf("one side changed: one read %v (changed here), two saved %v (changed there)", a.Read, b.Saved)
	}
	// Both sides made the same change: they agree, nothing is left to send.
	s.s.SetRead(ctx, two, false)
	s.ApplyMarks(ctx, []Mark{{RemoteID: "2", Read: false, Saved: true, Changed: time.Now().Add(time.Minute)}}, nil)
	if b, _ = s.s.Item(ctx, two); b.Read {
		t.Errorf("unread on both sides: read")
	}
	for _, q := range mustPending(t, s) {
		if q.RemoteID == "2" && q.Kind == "read" {
			t.Errorf("unread on both sides, still queued: %+v", q)
		}
	}
	// Saved: unsaved here, saved there again after it was unsaved.
	s.ApplyMarks(ctx, []Mark{{RemoteID: "2", Read: false, Saved: false, Changed: time.Now()}}, nil)
	if b, _ = s.s.Item(ctx, two); b.Saved {
		t.Errorf("unsaved there, unchanged here: still saved")
	}
	s.s.SetSaved(ctx, two, true)
	s.ApplyMarks(ctx, []Mark{{RemoteID: "2", Read: false, Saved: false, Changed: time.Now().Add(time.Hour)}}, nil)
	if b, _ = s.s.Item(ctx, two); !b.Saved {
		t.Errorf("saved here, unchanged there: lost")
	}
	if st, _ := s.State(ctx); st["mf_changed"] != "1" || st["mf_after"] != "3" {
		t.Errorf("state: %v", st)
	}
}

// Another server starts afresh: links and queue go, articles stay.
func TestSyncAnotherServer(t *testing.T) {
	s, one, _ := syncFixture(t)
	s.s.SetRead(ctx, one, true)
	fresh, err := s.Bind(ctx, "greader https://fr.example ann")
	if err != nil || !fresh {
		t.Fatalf("rebind: %v %v", fresh, err)
	}
	st, _ := s.Status(ctx)
	if st.Feeds != 0 || st.Items != 0 || st.PendingMarks != 0 || st.Server != "greader https://fr.example ann" {
		t.Errorf("after another server: %+v", st)
	}
	if n, _ := s.s.Count(ctx, store.Filter{}); n != 2 {
		t.Errorf("articles after another server: %d", n)
	}
}

func mustPending(t *testing.T, s *DB) []Queued {
	t.Helper()
	q, err := s.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// A feed subscribed to again on the server (a new remote id, the same
// URL) stays the same feed here.
func TestSyncFeedResubscribed(t *testing.T) {
	s, one, _ := syncFixture(t)
	added, removed, err := s.ApplyFeeds(ctx, []Feed{{RemoteID: "f9", URL: "https://news.example/feed", Title: "News"}}, true)
	if err != nil || added != 0 || removed != 0 {
		t.Fatalf("resubscribed: %d added, %d removed, %v", added, removed, err)
	}
	if m, _ := s.Linked(ctx); len(m) != 1 || m["f9"] == 0 {
		t.Errorf("links: %v", m)
	}
	if _, err := s.s.Item(ctx, one); err != nil {
		t.Errorf("its article: %v", err)
	}
}
