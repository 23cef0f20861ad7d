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
