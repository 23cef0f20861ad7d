package ui

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/sample"
)

// The list filter matches words, not scattered letters: every word of the
// query must appear in the title, the source or the file name shown.
func TestFilterMatchesWordsNotLetters(t *testing.T) {
	c, err := sample.Collection()
	if err != nil {
		t.Fatal(err)
	}
	// The sample's files are embedded and rows do not name them: make
	// the last article a file on disk, whose name its row shows.
	flu := c.Articles[len(c.Articles)-1]
	flu.Location, flu.Site = "news/08-flu-clinics.txt", ""
	cases := []struct {
		query string
		want  int
	}{
		{"rain", 1},           // "Autumn Rainfall", not every title with r…a…i…n
		{"tram", 1},           // "Overnight Tram Service"
		{"08-flu", 1},         // the file name as the row shows it
		{"flu-clinics", 1},    // likewise
		{"clinics.txt", 1},    // likewise
		{"FLU winter", 1},     // any case, every word must match
		{"flu glacier", 0},    // words are ANDed
		{"sample edition", 8}, // the source
		{"trams.txt", 0},      // a sample article's file name, not shown
		{"xyzzy", 0},
	}
	for _, tc := range cases {
		tm := newTestModelOn(t, c, 100, 40)
		tm.keys("/")
		tm.typeText(tc.query)
		if got := tm.m.list.Shown(); got != tc.want {
			t.Errorf("/%s shows %d of 8, want %d:\n%s", tc.query, got, tc.want, tm.view())
		}
	}
}

// Rows whose title holds the words come before rows matched only by
// their source or file.
func TestFilterTitleMatchesFirst(t *testing.T) {
	c := testCollection(t)
	c.Articles[0].Site = "Glacier Weekly"
	tm := newTestModelOn(t, c, 80, 24)
	tm.keys("/")
	tm.typeText("glacier")
	v := tm.view()
	if b, a := strings.Index(v, "Beta Glacier"), strings.Index(v, "Alpha Council"); b < 0 || a < 0 || b > a {
		t.Fatalf("want the title match first:\n%s", v)
	}
}
