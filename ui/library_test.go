package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/ui/common"
)

// libDriver runs the library model as the program would, Cmds included.
type libDriver struct {
	t *testing.T
	m Model
}

func (d *libDriver) send(msgs ...tea.Msg) {
	queue := append([]tea.Msg(nil), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch x := msg.(type) {
		case nil, tea.QuitMsg:
			continue
		case tea.BatchMsg:
			for _, c := range x {
				queue = append(queue, d.run(c)...)
			}
			continue
		}
		next, cmd := d.m.Update(msg)
		d.m = next.(Model)
		queue = append(queue, d.run(cmd)...)
	}
}

func (d *libDriver) run(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return []tea.Msg{msg}
	case <-time.After(5 * time.Second):
		d.t.Fatal("a command did not finish")
		return nil
	}
}

func (d *libDriver) keys(s string) {
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (d *libDriver) titles() []string {
	var out []string
	for _, a := range d.m.list.Listed() {
		out = append(out, a.Title)
	}
	return out
}

func libFeed(host string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<rss version="2.0"><channel><title>Harbour</title><link>%s/</link>`, host)
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/%d</link><guid>g%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			i, host, i, i, time.Date(2026, 11, 20, 8, i, 0, 0, time.UTC).Format(time.RFC1123Z),
			strings.Repeat(fmt.Sprintf("Story %d tells of the night trams. ", i), 40))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestLibraryMode(t *testing.T) {
	n := 3
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, libFeed(srv.URL, n))
	}))
	defer srv.Close()
	lib, err := library.Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	ctx := context.Background()
	if _, _, _, err := feed.Subscribe(ctx, lib.Store, nil, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	src, err := library.NewSource(ctx, lib, store.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	deps := deps{
		src: src, sum: fakeSummarizer{}, read: src, lib: src,
		after:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
		openURL: func(string) error { return nil },
		copy:    func(string) error { return nil },
	}
	d := &libDriver{t: t, m: newModel(ctx, deps, testRender)}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if got := strings.Join(d.titles(), ","); got != "Story 2,Story 1,Story 0" {
		t.Fatalf("list: %s", got)
	}
	first := d.m.list.Selected().Location
	d.keys("m")
	if !src.IsRead(first) {
		t.Error("m did not mark read")
	}
	d.keys("m")
	if src.IsRead(first) {
		t.Error("m twice did not mark unread")
	}
	d.send(tea.KeyMsg{Type: tea.KeyDown})
	d.keys("*")
	if !strings.Contains(d.m.View(), "★ Story 1") {
		t.Errorf("no saved mark:\n%s", d.m.View())
	}
	d.keys("?")
	if v := d.m.View(); !strings.Contains(v, "Keys: list (library)") || !strings.Contains(v, "refresh") {
		t.Errorf("help:\n%s", v)
	}
	d.keys("?")
	d.keys("vv") // all → unread → saved
	if got := strings.Join(d.titles(), ","); got != "Story 1" {
		t.Errorf("saved view: %s", got)
	}
	if !strings.Contains(d.m.View(), "saved · every feed") {
		t.Errorf("view title missing:\n%s", d.m.View())
	}
	d.keys("v") // back to all
	d.keys("/")
	d.keys("story")
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if d.m.list.Query() != "story" || len(d.m.list.Items()) != 3 {
		t.Errorf("search: %q, %d items", d.m.list.Query(), len(d.m.list.Items()))
	}
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	if d.m.list.Query() != "" {
		t.Error("esc did not leave the search")
	}
	// Opening an article marks it read and says where its text is from.
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if d.m.screen != screenArticle || !src.IsRead(d.m.current) {
		t.Fatalf("open: screen %v read %v", d.m.screen, src.IsRead(d.m.current))
	}
	opened := d.m.current
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	d.keys("m") // unread again, and shown so
	if src.IsRead(opened) || d.m.marks.opened[opened] {
		t.Error("m after opening did not mark unread")
	}
	// r refreshes in the background; the new article appears.
	n = 5
	d.keys("r")
	if d.m.libmode.refreshing {
		t.Error("refresh did not finish")
	}
	if got := strings.Join(d.titles(), ","); !strings.HasPrefix(got, "Story 4,Story 3,Story 2") {
		t.Errorf("after refresh: %s", got)
	}
	if !strings.Contains(d.m.status.Text(), "1 feed, 2 new articles") {
		t.Errorf("status %q", d.m.status.Text())
	}
	// refresh_on_start: opening the reader refreshes in the background.
	n = 6
	if init := d.m.Init(); init != nil {
		d.send(init())
	}
	if got := d.titles(); len(got) != 6 || got[0] != "Story 5" {
		t.Errorf("after refresh on start: %v", got)
	}
}

// newLibTest is TestLibraryMode's library: a feed of n stories.
func newLibTest(t *testing.T, n int) *libDriver {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, libFeed(srv.URL, n))
	}))
	t.Cleanup(srv.Close)
	d, _, _ := newLibDriver(t, srv.URL+"/feed.xml")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return d
}

// update delivers one message without running the Cmds it returns.
func (d *libDriver) update(msg tea.Msg) tea.Cmd {
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	return cmd
}

func TestRefreshKeepsThePromptAndMessages(t *testing.T) {
	d := newLibTest(t, 3)
	// A refresh under way: started, one feed of two done.
	d.update(common.StartRefreshMsg{})
	d.update(refreshProgressMsg{Done: 1, Total: 2})
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "refreshing 1/2") {
		t.Fatalf("no refresh progress:\n%s", v)
	}
	for _, r := range "/tram" {
		d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "/ tram") {
		t.Errorf("the filter prompt is hidden during a refresh:\n%s", v)
	}
	d.update(tea.KeyMsg{Type: tea.KeyEsc})
	d.update(statusMsg{Text: "link copied"})
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "link copied") {
		t.Errorf("a status message is hidden during a refresh:\n%s", v)
	}
}

func TestLibraryKeysArrivingTogether(t *testing.T) {
	d := newLibTest(t, 3)
	second := d.m.list.Items()[1].Location
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jm")})
	if !d.m.lib.IsRead(second) {
		t.Error("m after j, typed together, did not mark the second article read")
	}
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j*")})
	if !d.m.lib.IsSaved(d.m.list.Items()[2].Location) {
		t.Error("* after j, typed together, did not save the third article")
	}
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/tram")}) // typed into the prompt
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "/ tram") || d.m.list.FilterText() != "filter “tram”" {
		t.Errorf("/tram typed together:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyEsc})
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("vv")}) // all → unread → saved
	if got := strings.Join(d.titles(), ","); got != "Story 0" {
		t.Errorf("vv typed together: %s", got)
	}
}

func TestStaleListAnswersAreDropped(t *testing.T) {
	d := newLibTest(t, 3)
	// v, then the answer to an older request: the old list stays out.
	cmd := d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("v")})
	d.update(listLoadedMsg{ID: d.m.libmode.listID - 1, Op: common.ListReload, Title: "stale", Articles: d.m.list.Items()[:1]})
	if d.m.list.Title() == "stale" || len(d.m.list.Items()) != 3 {
		t.Fatalf("a stale answer was shown: %q, %d articles", d.m.list.Title(), len(d.m.list.Items()))
	}
	// Requests asked meanwhile wait for the one under way, in order.
	d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("v")})
	if len(d.m.libmode.queued) != 1 {
		t.Fatalf("queued %v", d.m.libmode.queued)
	}
	for _, msg := range d.run(cmd) {
		d.send(msg)
	}
	if !strings.Contains(d.m.list.Title(), "saved") {
		t.Errorf("after v v: %q", d.m.list.Title())
	}
}

func TestMatchCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 articles match", 1: "1 article matches", 12: "12 articles match"} {
		if got := matchCount(n); got != want {
			t.Errorf("matchCount(%d) = %q, want %q", n, got, want)
		}
	}
}
