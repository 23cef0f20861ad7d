package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/reader"
)

var ctx = context.Background()

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "lib", "brief.db")
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func addFeed(t testing.TB, s *Store, url string) Feed {
	t.Helper()
	f, added, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil || !added {
		t.Fatalf("AddFeed(%s) = %v, %v", url, added, err)
	}
	return f
}

var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func doc(n int, prefix string) []NewItem {
	var out []NewItem
	for i := n - 1; i >= 0; i-- { // newest first, as feeds list them
		out = append(out, NewItem{
			GUID:      fmt.Sprintf("%s-%d", prefix, i),
			URL:       fmt.Sprintf("https://example.com/%s/%d", prefix, i),
			Title:     fmt.Sprintf("%s story %d", prefix, i),
			Published: t0.Add(time.Duration(i) * time.Hour),
			Body:      fmt.Sprintf("Paragraph about **%s** number %d.\n\nSecond paragraph with [a link](https://x.test/).", prefix, i),
		})
	}
	return out
}

func TestSchemaVersionAndNewerRefused(t *testing.T) {
	s, p := openTemp(t)
	v, err := s.Version()
	if err != nil || v != SchemaVersion {
		t.Fatalf("version %d, %v; want %d", v, err, SchemaVersion)
	}
	s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	s.Close()
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "newer brief") || !strings.Contains(err.Error(), p) {
		t.Fatalf("Open newer = %v", err)
	}
}

func TestAddFeedTwice(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	g, added, err := s.AddFeed(ctx, Feed{URL: "https://a.test/feed"})
	if err != nil || added || g.ID != f.ID {
		t.Fatalf("second add: %+v %v %v", g, added, err)
	}
}

func TestUpdateDedupAndKeepsState(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	items := doc(5, "a")
	items = append(items, items[0]) // a duplicate GUID
	n, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "Feed A", ETag: `"v1"`, At: t0.Add(10 * time.Hour), Items: items})
	if err != nil || n != 5 {
		t.Fatalf("first update: %d, %v", n, err)
	}
	list, _ := s.Items(ctx, Filter{})
	if len(list) != 5 || list[0].Title != "a story 4" || list[0].Feed != "Feed A" || list[0].Words == 0 {
		t.Fatalf("list: %+v", list)
	}
	if err := s.SetRead(ctx, list[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSaved(ctx, list[1].ID, true); err != nil {
		t.Fatal(err)
	}
	// The same document with one changed body and one new item.
	items = doc(6, "a")
	items[1].Body = "Rewritten."
	n, err = s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0.Add(11 * time.Hour), Items: items})
	if err != nil || n != 1 {
		t.Fatalf("second update: %d, %v", n, err)
	}
	s.Close()
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	list, _ = s2.Items(ctx, Filter{})
	if len(list) != 6 {
		t.Fatalf("%d items", len(list))
	}
	if !list[1].Read || list[1].Title != "a story 4" {
		t.Errorf("read mark lost: %+v", list[1])
	}
	if !list[2].Saved {
		t.Errorf("saved mark lost: %+v", list[2])
	}
	if b, _ := s2.Body(ctx, list[1].ID); b != "Rewritten." {
		t.Errorf("body not updated: %q", b)
	}
	for v, want := range map[View]int{All: 6, Unread: 5, Saved: 1} {
		if c, _ := s2.Count(ctx, Filter{View: v}); c != want {
			t.Errorf("Count(%v) = %d, want %d", v, c, want)
		}
		if l, _ := s2.Items(ctx, Filter{View: v}); len(l) != want {
			t.Errorf("Items(%v) = %d, want %d", v, len(l), want)
		}
	}
	feeds, _ := s2.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Total != 6 || feeds[0].Unread != 5 || feeds[0].ETag != "" || feeds[0].Updated.IsZero() {
		t.Errorf("feeds: %+v", feeds)
	}
}

func TestBadDatesAndUndatedOrder(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	at := t0
	items := []NewItem{
		{GUID: "future", Title: "future", Published: at.Add(400 * 24 * time.Hour)},
		{GUID: "ancient", Title: "ancient", Published: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{GUID: "top", Title: "top"},
		{GUID: "bottom", Title: "bottom"},
	}
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: at, Items: items}); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Items(ctx, Filter{})
	var got []string
	for _, it := range list {
		got = append(got, it.Title)
		if !it.Published.IsZero() {
			t.Errorf("%s kept an impossible date %v", it.Title, it.Published)
		}
		if !it.Date().Equal(at) {
			t.Errorf("%s dated %v", it.Title, it.Date())
		}
	}
	if strings.Join(got, ",") != "future,ancient,top,bottom" {
		t.Errorf("undated items out of document order: %v", got)
	}
}

func TestSearch(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	items := []NewItem{
		{GUID: "1", Title: "Council approves tram line", Body: "The city council voted on Tuesday to extend the night trams to the harbour."},
		{GUID: "2", Title: "Weather", Body: "Rain expected. Trams run as usual; the **elections** were postponed."},
		{GUID: "3", Title: "Markets", Body: "Nothing about transport here."},
	}
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: items}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "tram", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Title != "Council approves tram line" {
		t.Fatalf("hits: %+v", hits)
	}
	h := hits[1]
	if len(h.Highlights) == 0 {
		t.Fatalf("no highlight in %q", h.Snippet)
	}
	if w := h.Snippet[h.Highlights[0][0]:h.Highlights[0][1]]; w != "Trams" {
		t.Errorf("highlighted %q in %q", w, h.Snippet)
	}
	if strings.Contains(h.Snippet, "**") {
		t.Errorf("markdown in snippet %q", h.Snippet)
	}
	if hits, _ := s.Search(ctx, "election", 10); len(hits) != 1 {
		t.Errorf("stemmed search: %d hits", len(hits))
	}
	if hits, _ := s.Search(ctx, `harb*`, 10); len(hits) != 1 {
		t.Errorf("prefix search: %d hits", len(hits))
	}
	for _, q := range []string{`"unclosed`, `AND OR NOT`, `(`, `col:x`, `tram -`, `"night trams"`} {
		if _, err := s.Search(ctx, q, 10); err != nil && !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Search(%q) = %v", q, err)
		}
	}
	if _, err := s.Search(ctx, " * ", 10); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("empty query: %v", err)
	}
}

func TestEntryFeedNeighboursAndPageLinks(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0.Add(24 * time.Hour), Items: doc(3, "a")}); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Items(ctx, Filter{})
	mid := list[1] // "a story 1"
	e, err := s.Entry(ctx, mid.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Article.Body == "" || e.Article.Partial {
		t.Fatalf("no body: %+v", e.Article)
	}
	p, n := e.Article.Prev, e.Article.Next
	if p == nil || p.Kind != reader.KindFeed || p.Title != "a story 0" || e.PrevID != list[2].ID || p.Label != "Previous in A" {
		t.Errorf("prev %+v id %d", p, e.PrevID)
	}
	if n == nil || n.Kind != reader.KindFeed || n.Title != "a story 2" || e.NextID != list[0].ID {
		t.Errorf("next %+v id %d", n, e.NextID)
	}
	// The page's own links win once the page was extracted.
	page := &reader.Article{Body: "Full text of the page, much longer.", Prev: &reader.Link{Kind: reader.KindRel, URL: list[0].URL, Title: "x"}}
	if err := s.SetPage(ctx, mid.ID, page); err != nil {
		t.Fatal(err)
	}
	e, _ = s.Entry(ctx, mid.ID)
	if e.Source != FromPage || e.Article.Body != page.Body {
		t.Errorf("page not stored: %+v", e.Item)
	}
	if e.Article.Prev.Kind != reader.KindRel || e.PrevID != list[0].ID || !e.Article.Prev.Resolved {
		t.Errorf("page prev %+v id %d", e.Article.Prev, e.PrevID)
	}
	// The feed's next (the newer article) is where the page's previous
	// leads: it is left out rather than named in both directions.
	if e.Article.Next != nil || e.NextID != 0 {
		t.Errorf("next falls back to the page's previous: %+v id %d", e.Article.Next, e.NextID)
	}
	// A page link elsewhere leaves the feed's fallback in place.
	page.Prev = &reader.Link{Kind: reader.KindRel, URL: "https://elsewhere.test/", Title: "y"}
	if err := s.SetPage(ctx, mid.ID, page); err != nil {
		t.Fatal(err)
	}
	e, _ = s.Entry(ctx, mid.ID)
	if e.Article.Next == nil || e.Article.Next.Kind != reader.KindFeed || e.NextID != list[0].ID {
		t.Errorf("next should fall back to the feed: %+v", e.Article.Next)
	}
	// Only a rel=next to the older article: the feed's previous (that
	// same article) is left out.
	page.Prev, page.Next = nil, &reader.Link{Kind: reader.KindRel, URL: list[2].URL, Title: "z"}
	if err := s.SetPage(ctx, mid.ID, page); err != nil {
		t.Fatal(err)
	}
	e, _ = s.Entry(ctx, mid.ID)
	if e.Article.Prev != nil || e.NextID != list[2].ID {
		t.Errorf("prev %+v, next id %d: previous and next name the same article", e.Article.Prev, e.NextID)
	}
	page.Prev, page.Next = page.Next, nil
	if err := s.SetPage(ctx, mid.ID, page); err != nil {
		t.Fatal(err)
	}
	// A refresh does not overwrite the page text with the teaser again.
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0.Add(25 * time.Hour), Items: doc(3, "a")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.Body(ctx, mid.ID); b != page.Body {
		t.Errorf("page text replaced by %q", b)
	}
	if hits, _ := s.Search(ctx, "longer", 5); len(hits) != 1 {
		t.Errorf("page text not indexed")
	}
	if id, _ := s.Lookup(ctx, list[0].URL); id != list[0].ID {
		t.Errorf("Lookup = %d", id)
	}
}

func TestPruneAndRemove(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	at := t0.Add(10 * 24 * time.Hour)
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: at, Items: doc(4, "a")}); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Items(ctx, Filter{})
	for _, it := range list {
		s.SetRead(ctx, it.ID, true)
	}
	s.SetSaved(ctx, list[3].ID, true)
	s.SetRead(ctx, list[0].ID, false)
	// Items 0..3 are dated t0..t0+3h; cut at t0+2h30: items 0,1,2 are
	// older; item 0 (list[3]) is saved, so 1 and 2 go.
	n, err := s.Prune(ctx, t0.Add(150*time.Minute))
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v", n, err)
	}
	if c, _ := s.Count(ctx, Filter{}); c != 2 {
		t.Fatalf("%d left", c)
	}
	if hits, _ := s.Search(ctx, "story", 10); len(hits) != 2 {
		t.Errorf("pruned items still found: %d", len(hits))
	}
	// The feed still carries them: they must not come back as new.
	added, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: at.Add(time.Hour), Items: doc(4, "a")})
	if err != nil || added != 0 {
		t.Fatalf("pruned items came back: %d, %v", added, err)
	}
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	left, _ := s.Items(ctx, Filter{})
	if len(left) != 1 || !left[0].Saved || left[0].FeedID != 0 || left[0].Feed == "" {
		t.Fatalf("after remove: %+v", left)
	}
	if _, err := s.Entry(ctx, left[0].ID); err != nil {
		t.Errorf("saved article unreadable after remove: %v", err)
	}
	if err := s.RemoveFeed(ctx, f.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v", err)
	}
}

func TestMarkAllRead(t *testing.T) {
	s, _ := openTemp(t)
	a := addFeed(t, s, "https://a.test/feed")
	b := addFeed(t, s, "https://b.test/feed")
	s.ApplyUpdate(ctx, Update{FeedID: a.ID, At: t0, Items: doc(3, "a")})
	s.ApplyUpdate(ctx, Update{FeedID: b.ID, At: t0, Items: doc(2, "b")})
	if n, err := s.MarkAllRead(ctx, Filter{FeedID: a.ID}); n != 3 || err != nil {
		t.Fatalf("MarkAllRead = %d, %v", n, err)
	}
	if c, _ := s.Count(ctx, Filter{View: Unread}); c != 2 {
		t.Errorf("unread %d", c)
	}
	if c, _ := s.Count(ctx, Filter{View: Unread, FeedID: b.ID}); c != 2 {
		t.Errorf("unread in b %d", c)
	}
}

// Two processes (here two connections pools) writing at once must both
// succeed and leave every write in place.
func TestConcurrentWriters(t *testing.T) {
	s1, p := openTemp(t)
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	f := addFeed(t, s1, "https://a.test/feed")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w, s := range []*Store{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				_, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: doc(3, fmt.Sprintf("w%d-%d", w, i))})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if c, _ := s1.Count(ctx, Filter{}); c != 120 {
		t.Errorf("count %d, want 120", c)
	}
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		`tram line`:         `"tram" "line"`,
		`"night trams" now`: `"night trams" "now"`,
		`harb*`:             `"harb"*`,
		`e-mail`:            `"e mail"`,
		`AND`:               `"AND"`,
		`"open`:             `"open"`,
		`*`:                 ``,
	} {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSearch: whatever a user types, search answers or says the query
// has no words; it never fails on FTS5 syntax.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{`tram`, `"night trams"`, `harb*`, `AND OR NOT`, `(`, `col:x`, `"`, `*`, `a-b c^d`, `NEAR(a b)`, "\ue000x\ue001", `'"'`} {
		f.Add(q)
	}
	s, _ := openTemp(f)
	feed := addFeed(f, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: feed.ID, At: t0, Items: doc(3, "tram")}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, q, 5)
		if err != nil && !errors.Is(err, ErrEmptyQuery) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			for _, r := range h.Highlights {
				if r[0] < 0 || r[1] > len(h.Snippet) || r[0] >= r[1] {
					t.Fatalf("highlight %v outside %q", r, h.Snippet)
				}
			}
		}
	})
}

// An upgrade adds a migration; a library written by the older build
// opens, migrates in place and keeps its read and saved marks.
func TestUpgradeKeepsState(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	s.ApplyUpdate(ctx, Update{FeedID: f.ID, At: t0, Items: doc(3, "a")})
	list, _ := s.Items(ctx, Filter{})
	s.SetRead(ctx, list[0].ID, true)
	s.SetSaved(ctx, list[1].ID, true)
	s.Close()

	old := migrations
	defer func() { migrations = old }()
	migrations = append(append([]string(nil), old...), `ALTER TABLE items ADD COLUMN starred_note TEXT NOT NULL DEFAULT ''`)
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, _ := s2.Version(); v != len(old)+1 {
		t.Fatalf("version %d after upgrade", v)
	}
	if c, _ := s2.Count(ctx, Filter{View: Unread}); c != 2 {
		t.Errorf("unread %d after upgrade", c)
	}
	if c, _ := s2.Count(ctx, Filter{View: Saved}); c != 1 {
		t.Errorf("saved %d after upgrade", c)
	}
}
