package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/feed"
)

// newTwoFeeds is library mode on two feeds: Harbour (3 stories) and
// Tram Blog of the Northern Harbour District (2), whose name is too
// long for a row's meta with its date.
func newTwoFeeds(t *testing.T) *libDriver {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc := libFeed(srv.URL, 3)
		if r.URL.Path == "/tram.xml" {
			doc = strings.ReplaceAll(libFeed(srv.URL+"/tram", 2), "<title>Harbour</title>", "<title>Tram Blog of the Northern Harbour District</title>")
			doc = strings.ReplaceAll(doc, "Story ", "Tram ")
		}
		fmt.Fprint(w, doc)
	}))
	t.Cleanup(srv.Close)
	d, _, _ := newLibDriverOn(t, func(lib *library.Local) {
		for _, p := range []string{"/feed.xml", "/tram.xml"} {
			if _, _, _, err := feed.Subscribe(context.Background(), lib.Store, nil, srv.URL+p); err != nil {
				t.Fatal(err)
			}
		}
	})
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return d
}

// F opens the feed list (newsboat's first screen): every feed, then
// each with its unread count; enter lists one feed; A there marks a
// feed read and the counts follow; A on the article list marks what it
// shows read.
func TestFeedList(t *testing.T) {
	d := newTwoFeeds(t)
	d.keys("F")
	v := ansi.Strip(d.m.View())
	for _, want := range []string{"feeds", "5  • every feed", "3    Harbour", "2    Tram Blog", "enter open feed", "A mark feed read"} {
		if !strings.Contains(v, want) {
			t.Fatalf("feed list lacks %q:\n%s", want, v)
		}
	}
	d.keys("jj") // Tram Blog
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if got := strings.Join(d.titles(), ","); got != "Tram 1,Tram 0" {
		t.Errorf("enter on Tram Blog lists %s", got)
	}
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "all · Tram Blog") {
		t.Errorf("the list does not name the feed:\n%s", v)
	}
	// A on the article list: the feed shown.
	d.keys("A")
	v = ansi.Strip(d.m.View())
	if !strings.Contains(v, "marked 2 articles read") || strings.Contains(v, "• Tram") || !strings.Contains(v, "✓  Tram 1") {
		t.Errorf("A did not mark the feed's articles read:\n%s", v)
	}
	// Back on the feed list, the counts follow; A marks Harbour there.
	d.keys("F")
	v = ansi.Strip(d.m.View())
	if !strings.Contains(v, "3  • every feed") && !strings.Contains(v, "3    every feed") || !strings.Contains(v, "0  • Tram Blog") {
		t.Errorf("counts after A:\n%s", v)
	}
	d.keys("k") // Harbour
	d.keys("A")
	v = ansi.Strip(d.m.View())
	if !strings.Contains(v, "marked 3 articles read") || !strings.Contains(v, "0    Harbour") {
		t.Errorf("A on the feed list:\n%s", v)
	}
	// A refresh on the feed list brings the counts up to date.
	d.keys("r")
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "0    Harbour") || !strings.Contains(v, "2 feeds") {
		t.Errorf("after r on the feed list:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	if d.m.screen != screenList {
		t.Errorf("esc left the feed list for screen %d", d.m.screen)
	}
	d.keys("A")
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "nothing to mark") {
		t.Errorf("A with everything read:\n%s", v)
	}
}

// A saved article keeps its read mark (★ beside it, not instead), and
// every row names its feed even when one row's meta is too wide for
// the date: two feeds carrying the same story never show as twins.
func TestRowsKeepReadMarkAndFeedName(t *testing.T) {
	d := newTwoFeeds(t)
	d.keys("m*") // the first row: read and saved
	v := ansi.Strip(d.m.View())
	if !strings.Contains(v, "✓★ ") {
		t.Errorf("a read, saved row does not show both marks:\n%s", v)
	}
	d.keys("m")
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "•★ ") {
		t.Errorf("an unread, saved row:\n%s", v)
	}
	lines := 0
	for _, line := range strings.Split(ansi.Strip(d.m.View()), "\n") {
		if (strings.Contains(line, "Story") || strings.Contains(line, "Tram ")) && strings.ContainsAny(line, "•✓") {
			lines++
			if !strings.Contains(line, "Harbour") && !strings.Contains(line, "Tram Blog") {
				t.Errorf("a row without its feed's name: %q", line)
			}
		}
	}
	if lines < 5 {
		t.Errorf("%d rows", lines)
	}
	// Narrow: the date goes, the name stays.
	d.send(tea.WindowSizeMsg{Width: 60, Height: 30})
	for _, line := range strings.Split(ansi.Strip(d.m.View()), "\n") {
		if (strings.Contains(line, "Story") || strings.Contains(line, "Tram ")) && strings.ContainsAny(line, "•✓") && !strings.Contains(line, "Harbour") && !strings.Contains(line, "Tram Blog") {
			t.Errorf("at 60 columns, a row without its feed's name: %q", line)
		}
	}
}

// After a library search and esc, rows show their first sentence
// again, not the search's snippet.
func TestSearchSnippetGoesWithTheSearch(t *testing.T) {
	d := newTwoFeeds(t)
	// The rows' summary lines as the reader makes them.
	for _, a := range d.m.list.Items() {
		d.m.list.SetLine(a.Location, "First sentence of "+a.Title+".")
	}
	d.keys("/")
	d.keys("night")
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if d.m.list.Query() != "night" {
		t.Fatalf("search: %q", d.m.list.Query())
	}
	if v := ansi.Strip(d.m.View()); strings.Contains(v, "First sentence of Story 2.") || !strings.Contains(v, "night") {
		t.Errorf("search results do not show their snippets:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	v := ansi.Strip(d.m.View())
	if d.m.list.Query() != "" || !strings.Contains(v, "First sentence of Story 2.") {
		t.Errorf("after esc a row keeps the search snippet:\n%s", v)
	}
}
