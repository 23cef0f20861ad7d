package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// uncheckpointed makes a library whose latest commits are only in its
// WAL, as a brief killed during a refresh or while marking leaves it: a
// writer holds the database open (so nothing checkpoints it) while its
// three files are copied to another folder. With schemaInWAL even the
// tables are only in brief.db-wal; otherwise the schema was checkpointed
// and a feed, its five articles and a read mark are in the WAL. It
// returns the copy's path.
func uncheckpointed(t *testing.T, schemaInWAL bool) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "brief.db")
	if !schemaInWAL {
		s, err := Open(src)
		if err != nil {
			t.Fatal(err)
		}
		s.Close() // the last connection checkpoints the schema
	}
	s, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	f := addFeed(t, s, "https://harbour.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Items: doc(5, "harbour")}); err != nil {
		t.Fatal(err)
	}
	items, err := s.Items(ctx, Filter{})
	if err != nil || len(items) != 5 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	if err := s.SetRead(ctx, items[0].ID, true); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "brief.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+suffix, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The commits are not in brief.db itself.
	alone := filepath.Join(t.TempDir(), "brief.db")
	if data, err := os.ReadFile(dst); err != nil || os.WriteFile(alone, data, 0o644) != nil {
		t.Fatal("cannot copy brief.db")
	}
	if ms, err := open(alone, true); schemaInWAL {
		if err == nil {
			ms.Close()
			t.Fatal("brief.db alone has the schema: the test checks nothing")
		}
	} else {
		if err != nil {
			t.Fatal(err)
		}
		if fs, _ := ms.Feeds(ctx); len(fs) != 0 {
			t.Fatalf("brief.db alone has %d feeds: the test checks nothing", len(fs))
		}
		ms.Close()
	}
	return dst
}

// files reads the library's three files.
func files(t *testing.T, p string) [3][]byte {
	t.Helper()
	var out [3][]byte
	for i, suffix := range []string{"", "-wal", "-shm"} {
		out[i], _ = os.ReadFile(p + suffix)
	}
	return out
}

// checkWALRead checks the read-only library p has every committed row:
// the feed, its five articles, the one read.
func checkWALRead(t *testing.T, p string) {
	t.Helper()
	before := files(t, p)
	s, err := open(p, true)
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	if v, err := s.Version(); err != nil || v != SchemaVersion {
		t.Errorf("schema %d %v, want %d", v, err, SchemaVersion)
	}
	if w := s.Warning(); w != nil {
		t.Errorf("warning %v, want none", w)
	}
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 1 || fs[0].URL != "https://harbour.test/feed" {
		t.Errorf("feeds %v %v, want the one committed", fs, err)
	}
	if n, err := s.Count(ctx, Filter{}); err != nil || n != 5 {
		t.Errorf("%d articles %v, want 5", n, err)
	}
	if n, err := s.Count(ctx, Filter{View: Unread}); err != nil || n != 4 {
		t.Errorf("%d unread %v, want 4 (the read mark is lost)", n, err)
	}
	if err := s.SetRead(ctx, 2, true); err == nil {
		t.Error("a read-only library took a change")
	}
	s.Close()
	// Reading wrote nothing: the WAL is still there for the writer.
	after := files(t, p)
	if !bytes.Equal(before[0], after[0]) || !bytes.Equal(before[1], after[1]) {
		t.Error("the read-only open changed brief.db or brief.db-wal")
	}
}

// A library whose feed, articles and read mark were committed but not
// yet checkpointed (they are in brief.db-wal) reads them all read-only.
func TestReadOnlyReadsWAL(t *testing.T) {
	checkWALRead(t, uncheckpointed(t, false))
}

// Even when the schema itself is only in the WAL.
func TestReadOnlySchemaOnlyInWAL(t *testing.T) {
	checkWALRead(t, uncheckpointed(t, true))
}

// The WAL cannot be read (its shared-memory index can be neither opened
// nor created): the library opens as of its last checkpoint with a
// warning saying so; with the schema only in the WAL, opening fails
// with an error naming the file, and nothing is written.
func TestReadOnlyWALUnreadable(t *testing.T) {
	for _, schemaInWAL := range []bool{false, true} {
		p := uncheckpointed(t, schemaInWAL)
		// A symbolic link where the index should be: SQLite, which
		// follows none, can neither open nor create it, as in a
		// read-only folder without the file.
		os.Remove(p + "-shm")
		if err := os.Symlink(filepath.Join(t.TempDir(), "shm"), p+"-shm"); err != nil {
			t.Fatal(err)
		}
		before := files(t, p)
		s, err := open(p, true)
		if schemaInWAL {
			if err == nil {
				s.Close()
				t.Fatal("opened a library whose tables cannot be read")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, p+": ") || strings.Contains(msg, "file is read-only") || !strings.Contains(msg, "cannot be read") {
				t.Errorf("error %q: want one naming %s and saying its tables cannot be read", msg, p)
			}
		} else {
			if err != nil {
				t.Fatalf("open read-only: %v", err)
			}
			// (The folder can be written here: cmd/brief checks the
			// message for a read-only one.)
			want := p + ": changes since the last checkpoint cannot be read (brief.db-shm cannot be opened)"
			if w := s.Warning(); w == nil || w.Error() != want {
				t.Errorf("warning %v, want %q", w, want)
			}
			if n, err := s.Count(ctx, Filter{}); err != nil || n != 0 {
				t.Errorf("%d articles %v, want those of the last checkpoint (none)", n, err)
			}
			s.Close()
		}
		after := files(t, p)
		if !bytes.Equal(before[0], after[0]) || !bytes.Equal(before[1], after[1]) {
			t.Error("the read-only open changed brief.db or brief.db-wal")
		}
	}
}

// An empty database opened read-only: migrate does not try to write,
// and says which file cannot be read.
func TestReadOnlyEmptyDatabase(t *testing.T) {
	p := filepath.Join(t.TempDir(), "brief.db")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := open(p, true)
	if err == nil {
		s.Close()
		t.Fatal("opened an empty database read-only")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, p+": ") || strings.Contains(msg, "file is read-only") {
		t.Errorf("error %q", msg)
	}
}
