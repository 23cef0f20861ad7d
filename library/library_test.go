package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

var ctx = context.Background()

const teaserFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><link>HOST/</link>
<item><title>Second</title><link>HOST/2.html</link><guid>2</guid><pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate><description>The second story begins… Read more</description></item>
<item><title>First</title><link>HOST/1.html</link><guid>1</guid><pubDate>Fri, 20 Nov 2026 09:00:00 +0000</pubDate><description>The first story begins… Read more</description></item>
</channel></rss>`

func page(title, next string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1>`, title, title)
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d of %s: the council met on Tuesday to discuss the harbour, the trams and the budget for the coming year, and agreed on most points.</p>", i, title)
	}
	b.WriteString(`</article>`)
	if next != "" {
		fmt.Fprintf(&b, `<nav class="post-navigation"><a rel="next" href="%s">Next story</a></nav>`, next)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

func setup(t *testing.T) (*Local, *httptest.Server, *int) {
	pages := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, strings.ReplaceAll(teaserFeed, "HOST", srv.URL))
		case "/1.html":
			pages++
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("First", "/elsewhere.html")) // relative: resolves against the page
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	lib, err := Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	if _, _, _, err := feed.Subscribe(ctx, lib.Store, lib.Fetcher, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	return lib, srv, &pages
}

func TestOpenCompletesTeaserFromPage(t *testing.T) {
	lib, srv, pages := setup(t)
	items, _ := lib.Items(ctx, store.Filter{})
	if len(items) != 2 || !items[1].Teaser || items[1].Title != "First" {
		t.Fatalf("items %+v", items)
	}
	e, err := lib.Open(ctx, items[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Source != store.FromPage || !strings.Contains(e.Article.Body, "Paragraph 7 of First") || e.PageErr != nil {
		t.Fatalf("not completed: source %s err %v body %q", e.Source, e.PageErr, e.Article.Body)
	}
	if !e.Read {
		t.Error("opening did not mark read")
	}
	// The page's own next link wins over the feed's neighbour.
	if e.Article.Next == nil || e.Article.Next.Kind == reader.KindFeed || e.Article.Next.URL != srv.URL+"/elsewhere.html" {
		t.Errorf("next %+v", e.Article.Next)
	}
	if e.Article.Prev != nil {
		t.Errorf("prev %+v", e.Article.Prev)
	}
	// Offline afterwards: the stored page text, no second fetch.
	srv.Close()
	e, err = lib.Open(ctx, items[1].ID)
	if err != nil || e.Source != store.FromPage || *pages != 1 {
		t.Fatalf("reopen: %v %s pages %d", err, e.Source, *pages)
	}
	// The other teaser cannot be completed offline: the feed's text, with
	// the reason.
	e, err = lib.Open(ctx, items[0].ID)
	if err != nil || e.PageErr == nil || e.Source != store.FromFeed || !strings.Contains(e.Article.Body, "second story") {
		t.Fatalf("offline teaser: %v %+v", err, e)
	}
	if e.Article.Prev == nil || e.Article.Prev.Kind != reader.KindFeed || e.PrevID != items[1].ID {
		t.Errorf("feed prev link %+v", e.Article.Prev)
	}
	if hits, _ := lib.Search(ctx, "budget", 5); len(hits) != 1 || hits[0].ID != items[1].ID {
		t.Errorf("page text not searchable: %+v", hits)
	}
}

func TestSource(t *testing.T) {
	lib, _, _ := setup(t)
	src, err := NewSource(ctx, lib, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	arts := src.Articles()
	if len(arts) != 2 || arts[0].Title != "Second" || !arts[0].Partial {
		t.Fatalf("articles %+v", arts)
	}
	if src.IsRead(arts[0].Location) {
		t.Error("read before opening")
	}
	a, err := src.Open(ctx, arts[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Location != arts[0].Location || a.Prev == nil || !a.Prev.InCollection() || src.Lookup(a.Prev.Target) != arts[1] {
		t.Errorf("opened %+v prev %+v", a, a.Prev)
	}
	if src.IsRead(arts[0].Location) {
		t.Error("read by Open: the reader opens articles ahead of the user")
	}
	src.SetRead(arts[0].Location, true)
	if !src.IsRead(arts[0].Location) {
		t.Error("not read after SetRead")
	}
	if err := src.SetSaved(arts[1].Location, true); err != nil {
		t.Fatal(err)
	}
	src2, _ := NewSource(ctx, lib, store.Filter{View: store.Saved})
	if len(src2.Articles()) != 1 || src2.Articles()[0].Title != "First" {
		t.Errorf("saved view %+v", src2.Articles())
	}
	// A web page a link led to is not in the library: reading it is
	// no error, saving it is.
	if err := src.SetRead("https://elsewhere.example/story", true); err != nil {
		t.Errorf("read mark outside the library: %v", err)
	}
	if err := src.SetSaved("https://elsewhere.example/story", true); err == nil {
		t.Error("saving a page outside the library must say it cannot")
	}
	src.SetRead(arts[0].Location, false)
	src3, _ := NewSource(ctx, lib, store.Filter{View: store.Unread})
	if len(src3.Articles()) != 2 {
		t.Errorf("unread view %d", len(src3.Articles()))
	}
}

func TestMaxItemsSetting(t *testing.T) {
	for _, c := range []struct{ setting, want int }{{1000, 1000}, {50, 50}, {0, -1}} {
		cfg := config.Default()
		cfg.MaxItems = c.setting
		l, err := Open(filepath.Join(t.TempDir(), "brief.db"), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if l.Refresher.MaxItems != c.want {
			t.Errorf("max_items %d: Refresher.MaxItems %d, want %d", c.setting, l.Refresher.MaxItems, c.want)
		}
		l.Close()
	}
}
