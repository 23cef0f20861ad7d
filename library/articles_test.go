package library

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/store"
)

// fixture is a library of three feeds, two of them with the same
// title, and an article in each, stored without the network.
func fixture(t *testing.T) (*Local, []Feed, []Item) {
	t.Helper()
	lib, err := Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	for i, f := range []Feed{
		{URL: "https://harbour.test/feed/", Title: "Harbour News", SiteURL: "https://harbour.test/"},
		{URL: "http://tram.test/blog.xml?lang=en", Title: "Tram Blog"},
		{URL: "https://other.test/harbour.xml", Title: "harbour news"},
	} {
		fd, _, err := lib.Store.AddFeed(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		u := fmt.Sprintf("https://story.test/%d", i+1)
		it := store.NewItem{GUID: u, URL: u, Title: fmt.Sprintf("Story %d", i+1), Body: "The story."}
		if _, err := lib.Store.ApplyUpdate(ctx, store.Update{FeedID: fd.ID, At: time.Now(), Items: []store.NewItem{it}}); err != nil {
			t.Fatal(err)
		}
	}
	feeds, err := lib.Feeds(ctx)
	if err != nil || len(feeds) != 3 {
		t.Fatalf("feeds %v %+v", err, feeds)
	}
	items, err := lib.Items(ctx, Filter{})
	if err != nil || len(items) != 3 {
		t.Fatalf("items %v %+v", err, items)
	}
	return lib, feeds, items
}

func TestFindItem(t *testing.T) {
	lib, _, items := fixture(t)
	it := items[1]
	for _, arg := range []string{fmt.Sprint(it.ID), fmt.Sprintf("#%d", it.ID), fmt.Sprintf("item:%d", it.ID), it.URL} {
		if id, err := lib.FindItem(ctx, arg); err != nil || id != it.ID {
			t.Errorf("FindItem(%q) = %d %v, want %d", arg, id, err, it.ID)
		}
	}
	for _, c := range []struct{ arg, msg string }{
		{"999", "article 999 is not in the library"},
		{"#999", "article #999 is not in the library"},
		{"item:999", "item:999 is not in the library (brief list shows its articles)"},
		{"https://story.test/9", "https://story.test/9 is not in the library (brief list shows its articles)"},
		{"0", "0 is not in the library (brief list shows its articles)"},
	} {
		if id, err := lib.FindItem(ctx, c.arg); err == nil || err.Error() != c.msg {
			t.Errorf("FindItem(%q) = %d, %v; want the error %q", c.arg, id, err, c.msg)
		}
	}
}

func TestMarksByReference(t *testing.T) {
	lib, _, items := fixture(t)
	if err := lib.MarkRead(ctx, items[0].URL, true); err != nil {
		t.Fatal(err)
	}
	if err := lib.MarkSaved(ctx, fmt.Sprintf("#%d", items[2].ID), true); err != nil {
		t.Fatal(err)
	}
	if err := lib.MarkRead(ctx, "https://story.test/9", true); err == nil || !strings.Contains(err.Error(), "is not in the library") {
		t.Errorf("marking an article not stored: %v", err)
	}
	unread, err := lib.List(ctx, Unread, "")
	if err != nil || len(unread) != 2 {
		t.Fatalf("unread %v %+v", err, unread)
	}
	for _, it := range unread {
		if it.ID == items[0].ID {
			t.Errorf("%s still unread", it.URL)
		}
	}
	saved, err := lib.List(ctx, Saved, "")
	if err != nil || len(saved) != 1 || saved[0].ID != items[2].ID {
		t.Errorf("saved %v %+v", err, saved)
	}
	if err := lib.MarkRead(ctx, items[0].URL, false); err != nil {
		t.Fatal(err)
	}
	if n, _ := lib.Count(ctx, Filter{View: Unread}); n != 3 {
		t.Errorf("%d unread after marking unread, want 3", n)
	}
	// A view of one feed, named as the commands name it: by its id
	// (brief feeds shows it), here the second feed subscribed.
	one, err := lib.List(ctx, All, "2")
	if err != nil || len(one) != 1 || one[0].FeedID != 2 || one[0].Feed != "Tram Blog" {
		t.Errorf("feed 2: %v %+v", err, one)
	}
	if _, err := lib.List(ctx, All, "Harbour News"); err == nil || !strings.Contains(err.Error(), "2 subscriptions have this title") {
		t.Errorf("an ambiguous feed lists: %v", err)
	}
}

// wrapped is a Library seen through another type, as tests and
// decorators hand it to a Source.
type wrapped struct{ Library }

// A Source reads the library through the Library interface alone: a
// wrapped library keeps its refresh_on_start setting, and the articles
// it stores are found by URL without the network.
func TestSourceThroughTheInterface(t *testing.T) {
	lib, srv, _ := setup(t)
	for _, on := range []bool{true, false} {
		lib.Config.RefreshOnStart = on
		src, err := NewSource(ctx, wrapped{lib}, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if src.RefreshOnStart() != on {
			t.Errorf("refresh_on_start %v: the source says %v", on, src.RefreshOnStart())
		}
	}
	src, _ := NewSource(ctx, wrapped{lib}, Filter{})
	first := src.Articles()[1]
	srv.Close()
	a, err := src.Fetch(ctx, first.URL)
	if err != nil || a.Title != "First" {
		t.Errorf("fetching a stored article offline: %v %+v", err, a)
	}
}
