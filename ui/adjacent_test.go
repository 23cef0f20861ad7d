package ui

import (
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
