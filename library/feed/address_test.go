package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/library/store"
)

// Address takes web addresses (a bare host gains https://) and refuses
// files, folders and other words, each error starting with what was given.
func TestAddress(t *testing.T) {
	dir := t.TempDir()
	opml := filepath.Join(dir, "subs.OPML")
	file := filepath.Join(dir, "feed.rss")
	for _, p := range []string{opml, file} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ in, want, problem string }{
		{"https://example.com/feed", "https://example.com/feed", ""},
		{"http://example.com", "http://example.com", ""},
		{"example.com/feed", "https://example.com/feed", ""},
		{dir, "", dir + " is a folder: "},
		{opml, "", opml + " is an OPML file: `brief import`"},
		{file, "", file + " is a local file: "},
		{filepath.Join(dir, "gone.xml"), "", " does not exist (`brief add` takes a feed's web address)"},
		{"feeds", "", "feeds is not an http(s) URL"},
		{"ftp://example.com/feed", "", "ftp://example.com/feed is not an http(s) URL"},
	} {
		got, err := Address(c.in)
		switch {
		case c.problem == "" && (err != nil || got != c.want):
			t.Errorf("Address(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.problem != "" && (err == nil || got != "" || !strings.Contains(err.Error(), c.problem)):
			t.Errorf("Address(%q) = %q, %v; want an error with %q", c.in, got, err, c.problem)
		}
	}
}

// Progress.Line names the feed shortly, cleaned, and says what came of it.
func TestProgressLine(t *testing.T) {
	f := store.Feed{URL: "https://example.com/feed/"}
	for _, c := range []struct {
		p    Progress
		want string
	}{
		{Progress{Feed: f, Done: 3, Total: 12, New: 4}, "[3/12] example.com/feed: 4 new"},
		{Progress{Feed: f, Done: 1, Total: 2, NotModified: true}, "[1/2] example.com/feed: unchanged"},
		{Progress{Feed: f, Done: 2, Total: 2, Err: errors.New("404")}, "[2/2] example.com/feed: failed"},
	} {
		if got := c.p.Line(); got != c.want {
			t.Errorf("Line() = %q, want %q", got, c.want)
		}
	}
	// A feed's address reaches the terminal without its escapes.
	hostile := Progress{Feed: store.Feed{URL: "https://ex\x1b]0;x\x07ample.com/"}, Done: 1, Total: 1}
	if got := hostile.Line(); strings.ContainsAny(got, "\x1b\x07") || !strings.HasSuffix(got, ": 0 new") {
		t.Errorf("Line() = %q", got)
	}
}
