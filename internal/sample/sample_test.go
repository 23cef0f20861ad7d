package sample

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/reader"
)

// The edition opens on a welcome that teaches the keys and says how to
// go on; every previous/next link it has leads within it (none is
// "(not here)"), and the articles are the edition's, not files.
func TestEdition(t *testing.T) {
	c, err := Collection()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 9 {
		t.Fatalf("%d articles, want the welcome and eight stories", len(c.Articles))
	}
	w := c.Articles[0]
	if !strings.HasPrefix(w.Title, "Welcome to brief") || w.Prev != nil || !w.Next.InCollection() {
		t.Errorf("first article %q, prev %+v, next %+v", w.Title, w.Prev, w.Next)
	}
	for _, teach := range []string{"brief add", "enter opens", "n and N", "Press f", "? on any screen", "brief config", "F lists your feeds", "A marks"} {
		if !strings.Contains(w.Body, teach) {
			t.Errorf("the welcome does not teach %q", teach)
		}
	}
	for _, a := range c.Articles {
		if !IsSample(a) {
			t.Errorf("%s is not marked as the sample's", a.Location)
		}
		for _, l := range []struct {
			dir  string
			link *reader.Link
		}{{"previous", a.Prev}, {"next", a.Next}} {
			if l.link != nil && !l.link.InCollection() {
				t.Errorf("%q: its %s link leads out of the edition", a.Title, l.dir)
			}
		}
	}
	if a := c.Articles[1]; a.Prev == nil || c.Lookup(a.Prev.Target) != w {
		t.Errorf("the first story's previous is %+v, want the welcome", a.Prev)
	}
}
