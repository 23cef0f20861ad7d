package reader

import (
	"path/filepath"
	"testing"
)

// Collection.From finds what a source gave: the file itself, the files
// under a folder (not a folder that merely shares its name's start),
// a URL or stdin by their own name, and everything for ".".
func TestCollectionFrom(t *testing.T) {
	loc := func(p ...string) string { return filepath.Join(p...) }
	c := NewCollection([]*Article{
		{Location: loc("news", "a.txt")}, {Location: loc("news", "sub", "b.md")},
		{Location: loc("newsletter", "c.txt")}, {Location: "https://example.com/x"}, {Location: "-"},
	})
	for _, tc := range []struct {
		source string
		want   int
	}{
		{"news", 2}, {"news/", 2}, {loc("news", "a.txt"), 1}, {"newsletter", 1},
		{"https://example.com/x", 1}, {"https://example.com", 0}, {"-", 1}, {".", 5}, {"missing", 0},
	} {
		if got := c.From(tc.source); len(got) != tc.want {
			t.Errorf("From(%q): %d articles, want %d", tc.source, len(got), tc.want)
		}
	}
}
