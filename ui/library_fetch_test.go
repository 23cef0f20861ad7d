package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/ui/common"
)

// teaserSite serves a feed of n teasers at /feed.xml and their pages,
// counting the page GETs.
type teaserSite struct {
	srv   *httptest.Server
	pages atomic.Int32
	// slow delays pages whose path is in it.
	slow map[string]time.Duration
	// gone counts slow requests the client gave up on.
	gone atomic.Int32
}

func newTeaserSite(t *testing.T, n int) *teaserSite {
	s := &teaserSite{slow: map[string]time.Duration{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			var b strings.Builder
			fmt.Fprintf(&b, `<rss version="2.0"><channel><title>Teasers</title><link>%s/</link>`, s.srv.URL)
			for i := n - 1; i >= 0; i-- {
				fmt.Fprintf(&b, `<item><title>Teaser %d</title><link>%s/%d.html</link><guid>t%d</guid><pubDate>%s</pubDate><description>Teaser %d begins. Read more</description></item>`,
					i, s.srv.URL, i, i, time.Date(2026, 11, 20, 8, i, 0, 0, time.UTC).Format(time.RFC1123Z), i)
			}
			b.WriteString(`</channel></rss>`)
			fmt.Fprint(w, b.String())
			return
		}
		s.pages.Add(1)
		if d := s.slow[r.URL.Path]; d > 0 {
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				s.gone.Add(1)
				return
			}
		}
		w.Header().Set("Content-Type", "text/html")
		title := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".html")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Page %s</title></head><body><article><h1>Page %s</h1>`, title, title)
		for i := 0; i < 8; i++ {
			fmt.Fprintf(w, "<p>Paragraph %d of page %s: the council met on Tuesday to discuss the harbour, the trams and the budget for the coming year, and agreed on most points.</p>", i, title)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// newLibDriver opens a library in a temporary directory subscribed to
// feedURL, and the library model over it.
func newLibDriver(t *testing.T, feedURL string) (*libDriver, *library.Source, *library.Local) {
	t.Helper()
	return newLibDriverOn(t, func(lib *library.Local) {
		if _, _, _, err := feed.Subscribe(context.Background(), lib.Store, nil, feedURL); err != nil {
			t.Fatal(err)
		}
	})
}

// newLibDriverOn is newLibDriver with setup run on the library before
// the view is read (nil: an empty library).
func newLibDriverOn(t *testing.T, setup func(*library.Local)) (*libDriver, *library.Source, *library.Local) {
	t.Helper()
	lib, err := library.Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	ctx := context.Background()
	if setup != nil {
		setup(lib)
	}
	src, err := library.NewSource(ctx, lib, store.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	d := deps{
		src: src, sum: fakeSummarizer{}, read: src, lib: src,
		after:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
		openURL: func(string) error { return nil },
		copy:    func(string) error { return nil },
	}
	return &libDriver{t: t, m: newModel(ctx, d, testRender)}, src, lib
}

func TestLibraryListDoesNotFetchPages(t *testing.T) {
	site := newTeaserSite(t, 10)
	d, _, _ := newLibDriver(t, site.srv.URL+"/feed.xml")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if n := site.pages.Load(); n != 0 {
		t.Fatalf("the list fetched %d article pages, want none", n)
	}
	// The rows have their summary line, from the stored text.
	if !strings.Contains(d.m.View(), "Teaser 9 begins.") {
		t.Errorf("no summary line:\n%s", d.m.View())
	}
	// Opening one article fetches its page, and only its page.
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if n := site.pages.Load(); n != 1 {
		t.Fatalf("opening one article fetched %d pages, want 1", n)
	}
	if v := d.m.View(); !strings.Contains(v, "Paragraph 7 of page 9") {
		t.Errorf("the opened article is not completed from its page:\n%s", v)
	}
}

func TestLeavingAnArticleCancelsItsPageLoad(t *testing.T) {
	site := newTeaserSite(t, 3)
	site.slow["/2.html"] = 10 * time.Second
	d, _, _ := newLibDriver(t, site.srv.URL+"/feed.xml")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	// Open the first article and leave it, holding its Cmds back.
	loc := d.m.list.Selected().Location
	next, open := d.m.Update(common.OpenMsg{Loc: loc})
	d.m = next.(Model)
	if l := d.m.cache.loading[loc]; l == nil || !l.open {
		t.Fatalf("no page load under way: %+v", d.m.cache.loading)
	}
	next, _ = d.m.Update(common.ToListMsg{})
	d.m = next.(Model)
	if l := d.m.cache.loading[loc]; l != nil {
		t.Fatalf("the page load is still wanted after leaving")
	}
	// The load, run now, gives up at once rather than wait for the page.
	start := time.Now()
	msgs := d.run(open)
	for len(msgs) > 0 {
		msg := msgs[0]
		msgs = msgs[1:]
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				msgs = append(msgs, d.run(c)...)
			}
			continue
		}
		if lm, ok := msg.(loadedMsg); ok && lm.Loc == loc && lm.Err == nil && !lm.Partial {
			t.Errorf("the cancelled load completed the article")
		}
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("the cancelled load took %v", time.Since(start))
	}
}

// While an article's page loads from a server that does not answer,
// the library reader handles keys and resizes at once and says it is
// loading; esc leaves for the list and ends the request (the server
// sees the client go), and the load's late answer changes nothing.
func TestLibraryPageLoadStaysResponsiveAndEscCancels(t *testing.T) {
	site := newTeaserSite(t, 3)
	site.slow["/2.html"] = time.Minute
	d, _, _ := newLibDriver(t, site.srv.URL+"/feed.xml")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	loc := d.m.list.Selected().Location
	next, open := d.m.Update(common.OpenMsg{Loc: loc})
	d.m = next.(Model)
	// The load runs in the background, as the program would run it.
	results := make(chan tea.Msg, 16)
	var start func(c tea.Cmd)
	start = func(c tea.Cmd) {
		if c == nil {
			return
		}
		go func() {
			msg := c()
			if b, ok := msg.(tea.BatchMsg); ok {
				for _, c := range b {
					start(c)
				}
				return
			}
			results <- msg
		}()
	}
	start(open)
	for deadline := time.Now().Add(3 * time.Second); site.pages.Load() == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page was never requested")
		}
	}

	begin := time.Now()
	for _, k := range []tea.Msg{keyMsg("j"), keyMsg("k"), keyMsg("?"), keyMsg("?"), tea.WindowSizeMsg{Width: 90, Height: 25}} {
		next, _ := d.m.Update(k)
		d.m = next.(Model)
		v := d.m.View()
		if d.m.screen == screenHelp {
			if !strings.Contains(v, "Keys: article") {
				t.Fatalf("after %v the help is not shown:\n%s", k, v)
			}
			continue
		}
		if !strings.Contains(v, "Teaser 2") || !strings.Contains(v, "loading") {
			t.Fatalf("after %v the screen lacks the article or the loading note:\n%s", k, v)
		}
	}
	if el := time.Since(begin); el > time.Second {
		t.Errorf("keys took %v while the page loaded", el)
	}

	next, _ = d.m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	d.m = next.(Model)
	if d.m.screen != screenList {
		t.Fatalf("esc did not leave for the list")
	}
	deadline := time.Now().Add(3 * time.Second)
	for site.gone.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the page request was not cancelled by esc")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The cancelled load answers late: dropped.
	timeout := time.After(3 * time.Second)
	for {
		select {
		case msg := <-results:
			if lm, ok := msg.(loadedMsg); ok && lm.Loc == loc && !lm.Partial {
				if lm.Err == nil {
					t.Fatalf("the cancelled load completed the article")
				}
				next, _ := d.m.Update(msg)
				d.m = next.(Model)
				if d.m.screen != screenList || d.m.cache.docs[loc] != nil && !d.m.cache.docs[loc].partial {
					t.Fatalf("the late answer changed the reader")
				}
				return
			}
		case <-timeout:
			t.Fatal("the cancelled load never answered")
		}
	}
}
