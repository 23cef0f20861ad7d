package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/library/config"
)

// fill makes the database full: SQLite's page limit (on the one
// connection the store keeps) stands for a full disk, and writes fail
// with SQLITE_FULL.
func fill(t *testing.T, s *Store) {
	t.Helper()
	s.db.SetMaxOpenConns(1)
	var pages int
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
}

// A full disk: the write fails with a one-line message naming the file
// and saying the data folder is full; what was committed before stays,
// and the library still reads.
func TestFullDiskKeepsTheLibrary(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	p := config.DBPath()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0, Items: doc(3, "a")}); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Items(ctx, Filter{})
	if err := s.SetRead(ctx, items[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLocationRead(ctx, "/news/a.txt", true); err != nil {
		t.Fatal(err)
	}
	fill(t, s)

	big := doc(200, "big")
	for i := range big {
		big[i].Body = strings.Repeat("A long paragraph of the harbour council. ", 200)
	}
	_, err = s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: big})
	want := p + ": data folder is full (no space left on the device)"
	if err == nil || err.Error() != want {
		t.Fatalf("refresh on a full disk: %v, want %q", err, want)
	}
	var se *config.StateError
	if !errors.As(err, &se) {
		t.Errorf("%T is not a StateError", err)
	}
	var long []string
	for i := range 2000 {
		long = append(long, fmt.Sprintf("/news/%s/%d.txt", strings.Repeat("x", 200), i))
	}
	err = nil
	for _, loc := range long {
		if err = s.SetLocationRead(ctx, loc, true); err != nil {
			break
		}
	}
	if err == nil || err.Error() != want {
		t.Fatalf("read marks on a full disk: %v, want %q", err, want)
	}

	// Still readable, nothing committed lost, the file whole.
	if n, err := s.Count(ctx, Filter{}); err != nil || n != 3 {
		t.Errorf("count after the failed refresh: %d, %v", n, err)
	}
	if n, _ := s.Count(ctx, Filter{View: Unread}); n != 2 {
		t.Errorf("%d unread, want 2: the read mark is lost", n)
	}
	if read, err := s.ReadLocations(ctx); err != nil || !read["/news/a.txt"] {
		t.Errorf("location marks: %v, %v", len(read), err)
	}
	var check string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q %v", check, err)
	}
	s.Close()
	if s, err = Open(filepath.Clean(p)); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, Filter{View: Unread}); n != 2 {
		t.Errorf("after reopening: %d unread, want 2", n)
	}
}
