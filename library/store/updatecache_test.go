package store

import (
	"errors"
	"testing"
)

// ApplyUpdate writes with a small page cache and sets the connection's
// cache back afterwards, whether the update was stored or failed, so
// that the reads that follow on the connection have the whole cache.
func TestApplyUpdateGivesTheCacheBack(t *testing.T) {
	s, _ := openTemp(t)
	s.db.SetMaxOpenConns(1) // one connection: the one the update used
	f := addFeed(t, s, "https://a.test/feed")
	cache := func() int {
		var kb int
		if err := s.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&kb); err != nil {
			t.Fatal(err)
		}
		return kb
	}
	if got := cache(); got != -cacheKB {
		t.Fatalf("cache_size before = %d, want %d", got, -cacheKB)
	}
	if n, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: doc(50, "a")}); err != nil || n != 50 {
		t.Fatalf("ApplyUpdate = %d, %v", n, err)
	}
	if got := cache(); got != -cacheKB {
		t.Errorf("cache_size after an update = %d, want %d", got, -cacheKB)
	}
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID + 99, At: t0, Items: doc(5, "b")}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of a missing feed: %v", err)
	}
	if got := cache(); got != -cacheKB {
		t.Errorf("cache_size after a failed update = %d, want %d", got, -cacheKB)
	}
}
