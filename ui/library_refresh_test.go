package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/ui/list"
)

// twoFeeds serves /old.xml (three stories at 8 o'clock) and /new.xml
// (three at 9), each item with a description for the summary line.
func twoFeeds(t *testing.T) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, hour := "Old", 8
		if r.URL.Path == "/new.xml" {
			name, hour = "New", 9
		}
		var b strings.Builder
		fmt.Fprintf(&b, `<rss version="2.0"><channel><title>%s Desk</title><link>%s/</link>`, name, srv.URL)
		for i := 2; i >= 0; i-- {
			fmt.Fprintf(&b, `<item><title>%s %d</title><link>%s/%s/%d</link><guid>%s%d</guid><pubDate>%s</pubDate><description>%s %d opens the day. It goes on.</description></item>`,
				name, i, srv.URL, name, i, name, i, time.Date(2026, 11, 20, hour, i, 0, 0, time.UTC).Format(time.RFC1123Z), name, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFirstRefreshFillsTheList is `brief import` then `brief` with
// refresh_on_start: the library starts empty and fills feed by feed.
// The cursor stays on the first row as newer articles arrive above the
// older ones, and every row has its summary line.
func TestFirstRefreshFillsTheList(t *testing.T) {
	srv := twoFeeds(t)
	ctx := context.Background()
	d, _, lib := newLibDriverOn(t, nil)
	for _, u := range []string{srv.URL + "/old.xml", srv.URL + "/new.xml"} {
		if _, _, err := lib.Store.AddFeed(ctx, store.Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if len(d.m.list.Items()) != 0 {
		t.Fatalf("the library is not empty: %v", d.titles())
	}
	feeds, err := lib.Store.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The older feed comes in first: the newer one's articles then
	// arrive above the row the cursor is on.
	sort.Slice(feeds, func(i, j int) bool { return strings.HasSuffix(feeds[i].URL, "/old.xml") })
	// The refresh under way, one feed at a time (refreshCmd's events).
	events := make(chan tea.Msg, 1)
	d.m.libmode.refreshing, d.m.libmode.events = true, events
	for i, f := range feeds {
		if _, err := lib.Refresher.Refresh(ctx, []store.Feed{f}, nil); err != nil {
			t.Fatal(err)
		}
		events <- nil // what waitEventCmd answers next
		d.send(refreshProgressMsg{Done: i + 1, Total: len(feeds), Added: 3})
		checkRows(t, d, fmt.Sprintf("after feed %d", i+1))
	}
	d.send(refreshDoneMsg{Summary: "2 feeds, 6 new articles"})
	checkRows(t, d, "after the refresh")
	if got := strings.Join(d.titles(), ","); got != "New 2,New 1,New 0,Old 2,Old 1,Old 0" {
		t.Fatalf("list: %s", got)
	}
	// The screen without its help line, which the key maps own.
	screen := ansi.Strip(d.m.View())
	golden(t, "library_first_refresh_80x24", screen[:strings.LastIndexByte(screen, '\n')+1])
	d.keys("j")
	if a := d.m.list.Selected(); a == nil || a.Title != "New 1" {
		t.Errorf("j after the refresh selects %v, want the second row", a)
	}
}

// checkRows fails unless the cursor is on the first row and every row
// on screen shows its summary line.
func checkRows(t *testing.T, d *libDriver, when string) {
	t.Helper()
	if cursor, offset := d.m.list.Position(); cursor != 0 || offset != 0 {
		t.Errorf("%s: cursor on row %d (offset %d), want the first", when, cursor, offset)
	}
	v := ansi.Strip(d.m.View())
	for _, a := range d.m.list.Visible() {
		if !strings.Contains(v, a.Title+" opens the day.") {
			t.Errorf("%s: no summary line for %s:\n%s", when, a.Title, v)
		}
	}
	if n := strings.Count(v, "▌"); n != list.RowHeight {
		t.Errorf("%s: the cursor bar is on %d lines, want %d:\n%s", when, n, list.RowHeight, v)
	}
}
