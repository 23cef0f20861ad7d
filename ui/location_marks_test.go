package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/sample"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
)

var _ ReadState = (*library.LocationMarks)(nil)

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
	first := c.Articles[0].Location
	// enter; once the article is open (its mark queued), q q at once.
	in := &stepReader{steps: []string{"\r", "qq"}, ready: func() bool { return marks.IsRead(first) }}
	err = Run(context.Background(), c, Options{ReadState: marks, Style: "dark", Input: in, Output: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := marks.Close(); err != nil {
		t.Fatal(err)
	}
	again := library.OpenLocationMarks(context.Background(), db, same)
	defer again.Close()
	if !again.IsRead(first) {
		t.Errorf("%s is unread after a restart", first)
	}
	if again.IsRead(c.Articles[1].Location) {
		t.Errorf("an article not opened is read")
	}
}

// stepReader types its steps one Read at a time; each after the first
// waits until ready reports true (for up to five seconds), then it
// reports the end of input.
type stepReader struct {
	steps []string
	ready func() bool
	n     int
}

func (r *stepReader) Read(p []byte) (int, error) {
	if r.n >= len(r.steps) {
		return 0, io.EOF
	}
	if r.n > 0 {
		for deadline := time.Now().Add(5 * time.Second); !r.ready() && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
	}
	r.n++
	return copy(p, r.steps[r.n-1]), nil
}

// The data folder is a file, so read marks cannot be kept: opening an
// article says so in the status bar, once per article, naming the file
// and what is wrong, and reading goes on, marks shown for the session.
func TestReadMarksNotSavedStillReads(t *testing.T) {
	d := t.TempDir()
	t.Setenv("XDG_DATA_HOME", d)
	if err := os.WriteFile(filepath.Join(d, "brief"), []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	marks := library.OpenLocationMarks(context.Background(), config.DBPath(), func(loc string) string { return loc })
	defer marks.Close()
	tm := newTestModel(t, 120, 24)
	tm.m.read, tm.m.marks.store = marks, marks
	tm.keys("enter")
	tm.expect("could not save the read mark: ")
	if want := "could not save the read mark: " + config.DBPath() + ": data folder is not a folder"; tm.m.status.Text() != want {
		t.Errorf("status %q, want %q", tm.m.status.Text(), want)
	}
	tm.keys("n")
	tm.expect("Beta")
	tm.keys("q")
	tm.expect("✓ Alpha", "✓ Beta")
}
