package ui

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/reader/library"
	"github.com/brief-news/brief/reader/sample"
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
