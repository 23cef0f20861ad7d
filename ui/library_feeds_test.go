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
// Tram Blog (2).
func newTwoFeeds(t *testing.T) *libDriver {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc := libFeed(srv.URL, 3)
		if r.URL.Path == "/tram.xml" {
			doc = strings.ReplaceAll(libFeed(srv.URL+"/tram", 2), "<title>Harbour</title>", "<title>Tram Blog</title>")
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
	if !strings.Contains(v, "marked 2 articles read") || strings.Contains(v, "• Tram") || !strings.Contains(v, "✓ Tram 1") {
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
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	if d.m.screen != screenList {
		t.Errorf("esc left the feed list for screen %d", d.m.screen)
	}
	d.keys("A")
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "nothing to mark") {
		t.Errorf("A with everything read:\n%s", v)
	}
}
