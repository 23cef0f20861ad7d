package library

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library/config"
)

func TestFindFeed(t *testing.T) {
	lib, feeds, _ := fixture(t)
	byURL := map[string]Feed{}
	for _, f := range feeds {
		byURL[f.URL] = f
	}
	harbour, tram, other := byURL["https://harbour.test/feed/"], byURL["http://tram.test/blog.xml?lang=en"], byURL["https://other.test/harbour.xml"]
	for _, c := range []struct {
		arg  string
		want Feed
	}{
		// Numbers are ids, in the order of subscribing, not positions
		// in the list (sorted by name: harbour, other, tram).
		{"1", harbour},
		{"2", tram},
		{"3", other},
		{"#3", other},
		{"https://harbour.test/feed/", harbour},      // its URL
		{"harbour.test/feed", harbour},               // as brief feeds shows it
		{"http://harbour.test/feed", harbour},        // another scheme, no slash
		{"tram.test/blog.xml?lang=en", tram},         // with its query
		{"TRAM BLOG", tram},                          // its title, in any case
		{"http://tram.test/blog.xml?lang=en", tram},  // exactly
		{"https://tram.test/blog.xml?lang=en", tram}, // short URLs ignore the scheme
		{"other.test/harbour.xml", byURL["https://other.test/harbour.xml"]},
	} {
		f, err := lib.FindFeed(ctx, c.arg)
		if err != nil || f.ID != c.want.ID {
			t.Errorf("FindFeed(%q) = %d %v, want %d (%s)", c.arg, f.ID, err, c.want.ID, c.want.URL)
		}
	}
	for _, c := range []struct{ arg, msg string }{
		{"0", "0: no such subscription (brief feeds lists them)"},
		{"4", "4: no such subscription (brief feeds lists them)"},
		{"-1", "-1: no such subscription (brief feeds lists them)"},
		{"Nowhere Gazette", "Nowhere Gazette: no such subscription (brief feeds lists them)"},
		{"harbour.test", "harbour.test: no such subscription (brief feeds lists them)"},
		{"Harbour News", "Harbour News: 2 subscriptions have this title; name one by URL"},
	} {
		if f, err := lib.FindFeed(ctx, c.arg); err == nil || err.Error() != c.msg {
			t.Errorf("FindFeed(%q) = %+v, %v; want the error %q", c.arg, f, err, c.msg)
		}
	}
}

// A feed's number names the same feed after others are added or
// removed: brief remove N tomorrow removes the feed N was today.
func TestFeedNumbersAreStable(t *testing.T) {
	lib, _, _ := fixture(t)
	tram, err := lib.FindFeed(ctx, "2")
	if err != nil || tram.Title != "Tram Blog" {
		t.Fatalf("FindFeed(2) = %+v, %v", tram, err)
	}
	// A feed whose name sorts first, and the removal of another.
	if _, _, err := lib.Store.AddFeed(ctx, Feed{URL: "https://aardvark.test/feed", Title: "Aardvark"}); err != nil {
		t.Fatal(err)
	}
	if err := lib.RemoveFeed(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if f, err := lib.FindFeed(ctx, "2"); err != nil || f.ID != tram.ID || f.Title != "Tram Blog" {
		t.Errorf("after adding and removing: FindFeed(2) = %+v, %v; want Tram Blog", f, err)
	}
	if f, err := lib.FindFeed(ctx, "1"); err == nil {
		t.Errorf("the removed feed's number still names %+v", f)
	}
	if f, err := lib.FindFeed(ctx, "4"); err != nil || f.Title != "Aardvark" {
		t.Errorf("the new feed's number: FindFeed(4) = %+v, %v", f, err)
	}
}

func TestMarkAllRead(t *testing.T) {
	lib, feeds, _ := fixture(t)
	n, err := lib.MarkAllRead(ctx, Filter{FeedID: feeds[0].ID})
	if err != nil || n != 1 {
		t.Fatalf("MarkAllRead(one feed) = %d, %v; want 1", n, err)
	}
	if left, _ := lib.Count(ctx, Filter{View: Unread}); left != 2 {
		t.Errorf("%d unread after marking one feed, want 2", left)
	}
	if n, err := lib.MarkAllRead(ctx, Filter{}); err != nil || n != 2 {
		t.Errorf("MarkAllRead(all) = %d, %v; want 2", n, err)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	lib, feeds, _ := fixture(t)
	var b bytes.Buffer
	if err := WriteOPML(&b, feeds, time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<title>brief subscriptions</title>") || !strings.Contains(b.String(), `htmlUrl="https://harbour.test/"`) {
		t.Errorf("OPML:\n%s", b.String())
	}
	outs, err := ParseOPML("subs.opml", b.Bytes())
	if err != nil || len(outs) != 3 {
		t.Fatalf("parse: %v %+v", err, outs)
	}
	// Into the same library: all there already.
	if added, err := lib.Import(ctx, outs); err != nil || added != 0 {
		t.Errorf("import again: %d %v", added, err)
	}
	other, err := Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if added, err := other.Import(ctx, outs); err != nil || added != 3 {
		t.Fatalf("import: %d %v", added, err)
	}
	got, _ := other.Feeds(ctx)
	if len(got) != 3 || got[0].Title == "" || got[0].URL != feeds[0].URL {
		t.Errorf("imported %+v", got)
	}
	// No feed in it: an error naming the file, not an empty import.
	_, err = ParseOPML("empty.opml", []byte(`<opml version="2.0"><head/><body><outline text="folder"/></body></opml>`))
	if err == nil || err.Error() != "empty.opml has no feeds (no outline with an xmlUrl)" {
		t.Errorf("empty OPML: %v", err)
	}
	// Nothing subscribed: a valid document with no outline.
	b.Reset()
	if err := WriteOPML(&b, nil, time.Time{}); err != nil || !strings.Contains(b.String(), "<opml") || strings.Contains(b.String(), "<outline") {
		t.Errorf("empty export %v:\n%s", err, b.String())
	}
}

func TestSubscribeSaysWhatItTrimmed(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>`)
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/%d</link><guid>%d</guid><description>Story %d in full.</description><pubDate>Fri, 0%d Nov 2026 10:00:00 +0000</pubDate></item>`, i, srv.URL, i, i, i, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	cfg := config.Default()
	cfg.MaxItems = 2
	lib, err := Open(filepath.Join(t.TempDir(), "brief.db"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	sub, err := lib.Subscribe(ctx, srv.URL+"/feed.xml")
	if err != nil || !sub.Added || sub.New != 2 || sub.Feed.Title != "Long" {
		t.Fatalf("subscribe: %v %+v", err, sub)
	}
	want := strings.TrimPrefix(srv.URL, "http://") + "/feed.xml: kept the newest 2 of 3 items"
	if sub.Trimmed != want {
		t.Errorf("trimmed %q, want %q", sub.Trimmed, want)
	}
	again, err := lib.Subscribe(ctx, srv.URL+"/feed.xml")
	if err != nil || again.Added || again.Feed.ID != sub.Feed.ID {
		t.Errorf("subscribing again: %v %+v", err, again)
	}
	res, err := lib.RefreshFeeds(ctx, nil, nil)
	if err != nil || res.Feeds != 1 || res.New != 0 {
		t.Errorf("refresh: %v %+v", err, res)
	}
	if err := lib.RemoveFeed(ctx, sub.Feed.ID); err != nil {
		t.Fatal(err)
	}
	if fs, _ := lib.Feeds(ctx); len(fs) != 0 {
		t.Errorf("removed, still %+v", fs)
	}
}
