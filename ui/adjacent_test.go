package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// An article with only a next link to the article above it: the list's
// neighbour would be that same article as previous. It is not offered.
func TestListNeighbourNeverDuplicatesTheOtherLink(t *testing.T) {
	x := textArticle(t, "news/x.txt", "Xylo Opens", "", "", "The first story. It has no links.")
	y := textArticle(t, "news/y.txt", "Yarrow Links Back", "", "", "The second story. Its page links on to the first.")
	z := textArticle(t, "news/z.txt", "Zinc Closes", "", "", "The third story. It has no links.")
	c := reader.NewCollection([]*reader.Article{x, y, z})
	c.Articles = []*reader.Article{x, y, z}
	y.Next = &reader.Link{Label: "Next", Title: x.Title, Kind: reader.KindRel, Resolved: true, Target: x.Location}
	tm := newTestModelOn(t, c, 100, 24)
	tm.keys("j", "enter")
	v := ansi.Strip(tm.m.View())
	if !strings.Contains(v, "Xylo Opens →") || strings.Contains(v, "← Xylo Opens") {
		t.Fatalf("footer:\n%s", v)
	}
	tm.keys("p")
	tm.expect("Yarrow Links Back", "no previous article: the only one at hand is the next, “Xylo Opens”")
	tm.keys("n")
	tm.expect("Xylo Opens")
}

// relNextSite serves a feed of three teasers, Teaser 0 the oldest, and
// their pages; the page of Teaser 0 has only a rel=next link, to
// Teaser 1.
func relNextSite(t *testing.T) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			var b strings.Builder
			fmt.Fprintf(&b, `<rss version="2.0"><channel><title>Library Desk</title><link>%s/</link>`, srv.URL)
			for i := 2; i >= 0; i-- {
				fmt.Fprintf(&b, `<item><title>Teaser %d</title><link>%s/%d.html</link><guid>t%d</guid><pubDate>%s</pubDate><description>Teaser %d begins. Read more</description></item>`,
					i, srv.URL, i, i, time.Date(2026, 11, 20, 8, i, 0, 0, time.UTC).Format(time.RFC1123Z), i)
			}
			b.WriteString(`</channel></rss>`)
			fmt.Fprint(w, b.String())
			return
		}
		n := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".html")
		w.Header().Set("Content-Type", "text/html")
		head := ""
		if n == "0" {
			head = fmt.Sprintf(`<link rel="next" href="%s/1.html">`, srv.URL)
		}
		fmt.Fprintf(w, `<!doctype html><html><head><title>Teaser %s</title>%s</head><body><article><h1>Teaser %s</h1>`, n, head, n)
		for i := 0; i < 8; i++ {
			fmt.Fprintf(w, "<p>Paragraph %d of page %s: the city library extends its opening hours into the evening, and readers welcomed it.</p>", i, n)
		}
		fmt.Fprint(w, `</article></body></html>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// In the library (newest first) previous is the older article, as in
// the feed's own links, and a stand-in never names the article the
// other direction leads to.
func TestLibraryPreviousAndNextDiffer(t *testing.T) {
	srv := relNextSite(t)
	d, _, _ := newLibDriver(t, srv.URL+"/feed.xml")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if got := strings.Join(d.titles(), ","); got != "Teaser 2,Teaser 1,Teaser 0" {
		t.Fatalf("list: %s", got)
	}
	footer := func() string {
		lines := strings.Split(ansi.Strip(d.m.View()), "\n")
		for i := len(lines) - 1; i >= 0; i-- {
			if strings.Contains(lines[i], "%") {
				return lines[i]
			}
		}
		return ""
	}
	// The oldest: its page's next leads to Teaser 1; there is no older
	// article, in the feed or the list.
	d.keys("G")
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if f := footer(); !strings.Contains(f, "Teaser 1 →") || strings.Contains(f, "←") {
		t.Errorf("oldest article's footer: %q", f)
	}
	d.keys("p")
	if !strings.Contains(d.m.status.Text(), "no previous article") {
		t.Errorf("p on the oldest: status %q, article %s", d.m.status.Text(), d.m.current)
	}
	// The newest: previous is Teaser 1, its feed's older article; there
	// is no newer one.
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	d.keys("g")
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if f := footer(); !strings.Contains(f, "← Teaser 1") || strings.Contains(f, "→") {
		t.Errorf("newest article's footer: %q", f)
	}
	d.keys("n")
	if !strings.Contains(d.m.status.Text(), "no next article") {
		t.Errorf("n on the newest: status %q", d.m.status.Text())
	}
	d.keys("p")
	if a := d.m.lookup(d.m.current); a == nil || a.Title != "Teaser 1" {
		t.Errorf("p from the newest opened %v", d.m.current)
	}
}

// routeNotes is what the footer must say after each kind of target.
var routeNotes = map[reader.RouteKind]string{
	reader.RouteArticle: "", reader.RouteList: " (list)", reader.RouteWeb: " (web)",
	reader.RouteUnresolved: " (not here)", reader.RouteUnfollowed: " (not here)",
}

// The footer, the n and p keys and the rule (reader.FindRoutes) agree on
// every article of collections that hold every kind of route, and one
// press of n or p works the routes out at most once.
func TestFooterKeysAndRuleAgree(t *testing.T) {
	calls := 0
	find := findRoutes
	findRoutes = func(l reader.List, web func(string) *reader.Article, a *reader.Article) reader.Routes {
		calls++
		return find(l, web, a)
	}
	t.Cleanup(func() { findRoutes = find })

	standIn := func(t testing.TB) *reader.Collection {
		x := textArticle(t, "news/x.txt", "Xylo Opens", "", "", "The first story. It has no links.")
		y := textArticle(t, "news/y.txt", "Yarrow Links Back", "", "", "The second story. Its page links on to the first.")
		z := textArticle(t, "news/z.txt", "Zinc Closes", "", "", "The third story. Its next link is script.")
		c := reader.NewCollection([]*reader.Article{x, y, z})
		c.Articles = []*reader.Article{x, y, z}
		y.Next = &reader.Link{Label: "Next", Title: x.Title, Kind: reader.KindRel, Resolved: true, Target: x.Location}
		z.Next = &reader.Link{Label: "Next", URL: "javascript:alert(1)", Kind: reader.KindRel}
		return c
	}
	kinds := map[reader.RouteKind]bool{}
	for name, build := range map[string]func(testing.TB) *reader.Collection{"test": testCollection, "stand-in": standIn} {
		n := len(build(t).Articles)
		for i := 0; i < n; i++ {
			for _, key := range []string{"n", "p"} {
				fetched := ""
				tm := newTestModelOn(t, build(t), 160, 30, func(s *fakeSource) {
					s.fetch = func(_ context.Context, url string) (*reader.Article, error) {
						fetched = url
						return nil, errors.New("no network in tests")
					}
				})
				tm.keys("g")
				for j := 0; j < i; j++ {
					tm.keys("j")
				}
				tm.keys("enter")
				from := tm.m.current
				rs := reader.FindRoutes(sourceList{tm.m.src}, nil, tm.m.lookup(from))
				if tm.m.routes.routes != rs {
					t.Errorf("%s %s: the model keeps %+v, the rule says %+v", name, from, tm.m.routes.routes, rs)
				}
				footer := ansi.Strip(tm.m.article.Footer())
				for _, side := range []struct {
					r         reader.Route
					pre, post string
				}{{rs.Prev, "← ", ""}, {rs.Next, "", " →"}} {
					kinds[side.r.Kind] = true
					want := side.pre + side.r.Title + routeNotes[side.r.Kind] + side.post
					if side.r.Title == "" {
						if strings.Contains(footer, strings.TrimSpace(side.pre+side.post)) {
							t.Errorf("%s %s: footer %q names a %s route", name, from, footer, side.r.Kind)
						}
					} else if !strings.Contains(footer, want) {
						t.Errorf("%s %s: footer %q lacks %q", name, from, footer, want)
					}
				}
				r := rs.Next
				if key == "p" {
					r = rs.Prev
				}
				calls = 0
				tm.keys(key)
				tm.wait()
				if calls > 1 {
					t.Errorf("%s %s %s: the routes were worked out %d times", name, from, key, calls)
				}
				switch r.Kind {
				case reader.RouteArticle, reader.RouteList:
					if tm.m.current != r.Loc {
						t.Errorf("%s %s %s: opened %q, the route leads to %q", name, from, key, tm.m.current, r.Loc)
					}
				case reader.RouteWeb:
					if fetched != r.URL || tm.m.current != r.URL {
						t.Errorf("%s %s %s: fetched %q and opened %q, the route loads %q", name, from, key, fetched, tm.m.current, r.URL)
					}
				default:
					if tm.m.current != from || tm.m.status.Text() != r.Why || fetched != "" {
						t.Errorf("%s %s %s: at %q with status %q, the route says %q", name, from, key, tm.m.current, tm.m.status.Text(), r.Why)
					}
				}
			}
		}
	}
	for _, k := range []reader.RouteKind{reader.RouteArticle, reader.RouteList, reader.RouteWeb, reader.RouteUnresolved, reader.RouteUnfollowed, reader.RouteNone} {
		if !kinds[k] {
			t.Errorf("no %s route was checked", k)
		}
	}
}

// The routes are worked out again when the list changes under the open
// article (a library reload), and only then.
func TestRoutesFollowTheList(t *testing.T) {
	tm := newTestModel(t, 100, 30)
	tm.keys("G", "enter")
	tm.expect("Epsilon Has No Links", "← Delta Web Linked Story (list)")
	tm.expectNot("→")
	calls := 0
	find := findRoutes
	findRoutes = func(l reader.List, web func(string) *reader.Article, a *reader.Article) reader.Routes {
		calls++
		return find(l, web, a)
	}
	t.Cleanup(func() { findRoutes = find })
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if calls != 0 {
		t.Errorf("nothing changed, yet the routes were worked out %d times", calls)
	}
	c := testCollection(t)
	zeta := textArticle(t, "news/z.txt", "Zeta Arrives Later", "", "", "A story that came with a reload.")
	tm.src.c = reader.NewCollection(append(c.Articles, zeta))
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.expect("Zeta Arrives Later (list) →")
	if calls != 1 {
		t.Errorf("a new list: the routes were worked out %d times", calls)
	}
}
