package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Looking up creates no database; storing does, and the answer is
// there for the next cache on the same file.
func TestModelCacheOpensLazily(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", "brief.db")
	c := NewModelCache(path)
	if _, ok, err := c.ModelSummary(ctx, "t", "m", "p"); ok || err != nil {
		t.Fatalf("lookup: %v %v", ok, err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a lookup created the database")
	}
	if err := c.PutModelSummary(ctx, "t", "m", "p", "- One."); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c = NewModelCache(path)
	defer c.Close()
	if s, ok, err := c.ModelSummary(ctx, "t", "m", "p"); !ok || err != nil || s != "- One." {
		t.Errorf("after reopening: %q %v %v", s, ok, err)
	}
}
