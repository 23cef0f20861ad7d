package ui

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/reader/library"
	"github.com/brief-news/brief/reader/sample"
)

var _ markQueue = (*library.LocationMarks)(nil)

// Opening an article of the sample edition and quitting at once: the
// read mark is in the database when Run returns, and read again on the
// next start.
func TestRunKeepsReadMarksOfFiles(t *testing.T) {
	c, err := sample.Collection()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "brief.db")
	same := func(loc string) string { return loc }
	marks := library.OpenLocationMarks(context.Background(), db, same)
	err = Run(context.Background(), c, Options{ReadState: marks, Style: "dark", Input: strings.NewReader("\rqq"), Output: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}
	first := c.Articles[0].Location
	again := library.OpenLocationMarks(context.Background(), db, same)
	defer again.Close()
	if !again.IsRead(first) {
		t.Errorf("%s is unread after a restart", first)
	}
	if again.IsRead(c.Articles[1].Location) {
		t.Errorf("an article not opened is read")
	}
}
