package store

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
)

// TestEntryCleansStoredBody: a body stored by an older brief, before
// CleanMarkdown dropped character references to controls, comes out
// clean.
func TestEntryCleansStoredBody(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://h.example/feed")
	items := doc(1, "h")
	items[0].Body = "Old body &#27;]0;PWNED&#7; and &#x202e;RLO and &ZeroWidthSpace;.\n\n" + hostiletest.Join(hostiletest.Valid(), " ")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: items}); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := s.db.QueryRow(`SELECT id FROM items`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	e, err := s.Entry(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := hostiletest.Check([]byte(e.Article.Body)); err != nil {
		t.Error(err)
	}
	if strings.Contains(e.Article.Body, "&#27;") || !strings.Contains(e.Article.Body, "]0;PWNED") {
		t.Errorf("body %q", e.Article.Body)
	}
}
