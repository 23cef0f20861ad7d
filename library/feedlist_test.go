package library

import (
	"testing"
)

// The feed list has a row for every feed, then each subscription by
// name with its unread count; showing one feed lists its articles; A
// marks what is shown read, the whole view and not only the page.
func TestFeedListAndMarkAllRead(t *testing.T) {
	lib, feeds, items := fixture(t)
	src, err := NewSource(ctx, lib, Filter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := src.FeedList(ctx)
	if err != nil || len(rows) != 4 {
		t.Fatalf("FeedList = %+v, %v", rows, err)
	}
	if rows[0].ID != 0 || rows[0].Name != "every feed" || rows[0].Unread != 3 || rows[0].Total != 3 {
		t.Errorf("every feed row %+v", rows[0])
	}
	for i, f := range feeds {
		if r := rows[i+1]; r.ID != f.ID || r.Name != f.Name() || r.Unread != 1 {
			t.Errorf("row %d = %+v, want feed %+v", i+1, r, f)
		}
	}
	// A on the feed list: one feed, whatever the view shows.
	if n, err := src.MarkFeedRead(ctx, rows[1].ID); n != 1 || err != nil {
		t.Errorf("MarkFeedRead = %d, %v", n, err)
	}
	rows, _ = src.FeedList(ctx)
	if rows[0].Unread != 2 || rows[1].Unread != 0 {
		t.Errorf("after marking %s: %+v", rows[1].Name, rows)
	}
	for _, it := range items {
		if it.FeedID == rows[1].ID {
			lib.Store.SetRead(ctx, it.ID, false)
		}
	}
	tram := rows[3]
	if err := src.ShowFeed(ctx, tram.ID); err != nil {
		t.Fatal(err)
	}
	if src.FeedShown() != tram.ID || src.Describe() != "all · Tram Blog" {
		t.Errorf("shown %d, %q", src.FeedShown(), src.Describe())
	}
	arts := src.Articles()
	if len(arts) != 1 || arts[0].Title != "Story 2" {
		t.Fatalf("Tram Blog's articles %+v", arts)
	}
	if n, err := src.MarkAllRead(ctx); n != 1 || err != nil {
		t.Errorf("MarkAllRead(Tram Blog) = %d, %v", n, err)
	}
	if !src.IsRead(arts[0].Location) {
		t.Error("the list does not show the article read at once")
	}
	rows, _ = src.FeedList(ctx)
	if rows[0].Unread != 2 || rows[3].Unread != 0 {
		t.Errorf("after marking Tram Blog: %+v", rows)
	}
	// Every feed, one article a page: A marks all of them.
	if err := src.ShowFeed(ctx, 0); err != nil || src.Describe() != "all · every feed" {
		t.Fatal(err, src.Describe())
	}
	if n, err := src.MarkAllRead(ctx); n != 2 || err != nil {
		t.Errorf("MarkAllRead(every feed, a page of 1) = %d, %v", n, err)
	}
	if n, _ := lib.Store.Count(ctx, Filter{View: Unread}); n != 0 {
		t.Errorf("%d unread left", n)
	}
	// Search results: A marks those found, and no other.
	for _, it := range items {
		lib.Store.SetRead(ctx, it.ID, false)
	}
	if err := src.Search(ctx, "story"); err != nil || len(src.Articles()) != 3 {
		t.Fatalf("search: %v %d", err, len(src.Articles()))
	}
	if err := src.Search(ctx, "\"story 1\""); err != nil || len(src.Articles()) != 1 {
		t.Fatalf("search: %v %d", err, len(src.Articles()))
	}
	if n, err := src.MarkAllRead(ctx); n != 1 || err != nil {
		t.Errorf("MarkAllRead(search) = %d, %v", n, err)
	}
	if n, _ := lib.Store.Count(ctx, Filter{View: Unread}); n != 2 {
		t.Errorf("%d unread after marking a search's one result, want 2", n)
	}
}
