package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files that are not articles, named on the command line (issue 14):
// one line naming the file and saying what it is.
func TestNamedNonArticleFiles(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "science.atom")
	os.WriteFile(feed, []byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>S</title></feed>`), 0o644)
	data := filepath.Join(dir, "x.json")
	os.WriteFile(data, []byte(`{"a": 1}`), 0o644)
	bmw := filepath.Join(dir, "bmw.txt")
	os.WriteFile(bmw, []byte("BMW is to recall 100,000 cars\n\nThe carmaker said on Monday that a part made by one supplier could fail in the cold.\n"), 0o644)
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"read", feed}, 1, "brief: " + feed + " is a feed: `brief add` subscribes to it\n"},
		{[]string{"list", feed}, 1, "brief: " + feed + " is a feed: `brief add` subscribes to it\n"},
		{[]string{"list", data}, 1, "brief: " + data + " is not an article file (brief reads .txt, .html, .htm and .md)\n"},
		{[]string{"read", bmw}, 0, ""},
	} {
		r := brief(t, "", tt.args...)
		if r.code != tt.code || r.stderr != tt.stderr {
			t.Errorf("%v: exit %d stderr %q, want %d %q", tt.args, r.code, r.stderr, tt.code, tt.stderr)
		}
		if tt.code == 0 && !strings.Contains(r.stdout, "BMW is to recall") {
			t.Errorf("%v: stdout %q", tt.args, r.stdout)
		}
	}
}

// `brief add` refuses a local file as itself (brief subscribes by web
// address, which a refresh fetches again), before opening any library.
func TestAddLocalFile(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.rss")
	os.WriteFile(feed, []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`), 0o644)
	subs := filepath.Join(dir, "subs.opml")
	os.WriteFile(subs, []byte(`<opml version="2.0"></opml>`), 0o644)
	for arg, want := range map[string]string{
		feed:                feed + " is a local file: `brief add` subscribes to a feed by its web address (http or https), which it refreshes from",
		subs:                subs + " is an OPML file: `brief import` subscribes to its feeds",
		"/no/such/feed.rss": "/no/such/feed.rss does not exist (`brief add` takes a feed's web address)",
		dir:                 dir + " is a folder: `brief add` subscribes to a feed by its web address (http or https)",
	} {
		r := brief(t, "", "add", arg)
		if r.code != 2 || !strings.HasPrefix(r.stderr, "brief: add: "+want+"\n") || strings.Contains(r.stderr, "https:///") {
			t.Errorf("add %s: exit %d stderr %q", arg, r.code, r.stderr)
		}
	}
}
