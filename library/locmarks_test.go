package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Marks of files and of the sample edition survive a restart; starting
// with no database creates none until the first mark.
func TestLocationMarksPersist(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "data", "brief", "brief.db")
	m := OpenLocationMarks(ctx, db, FileKey)
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Fatalf("starting created the library's folder: %v", err)
	}
	if m.IsRead("news/a.txt") {
		t.Fatal("read with no database")
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("closing with no mark created the database: %v", err)
	}

	m = OpenLocationMarks(ctx, db, FileKey)
	m.QueueRead("news/a.txt", true)
	m.QueueRead("-", true) // standard input: this session only
	m.QueueRead("https://example.com/story", true)
	m.QueueRead("https://example.com/story", false)
	if !m.IsRead("news/a.txt") || !m.IsRead("-") {
		t.Error("marks are not shown at once")
	}
	if err := m.Close(); err != nil { // flushes
		t.Fatal(err)
	}

	m = OpenLocationMarks(ctx, db, FileKey)
	defer m.Close()
	abs, _ := filepath.Abs("news/a.txt")
	if !m.IsRead("news/a.txt") || !m.IsRead(abs) {
		t.Error("the file's mark was lost on restart")
	}
	if m.IsRead("-") || m.IsRead("https://example.com/story") {
		t.Error("standard input or an unread page kept a mark")
	}
}
