package library_test

// Sync against a real Miniflux, over both of its protocols (its own API
// and its Google Reader API). .ci/run starts one (.ci/miniflux) and sets
// BRIEF_MINIFLUX_*; without them the test skips, except in CI
// (CI=true), where a missing server fails the run.

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	mfclient "miniflux.app/v2/client"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/remote"
)

type realServer struct {
	url, token, user, password string
	admin                      *mfclient.Client
}

func miniflux(t *testing.T) *realServer {
	t.Helper()
	s := &realServer{url: os.Getenv("BRIEF_MINIFLUX_URL"), token: os.Getenv("BRIEF_MINIFLUX_TOKEN"),
		user: os.Getenv("BRIEF_MINIFLUX_USER"), password: os.Getenv("BRIEF_MINIFLUX_PASSWORD")}
	if s.url == "" || s.token == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but no Miniflux to sync with: .ci/run sets BRIEF_MINIFLUX_URL and BRIEF_MINIFLUX_TOKEN (.ci/miniflux)")
		}
		t.Skip("no Miniflux server: set BRIEF_MINIFLUX_URL, _TOKEN, _USER, _PASSWORD (.ci/miniflux starts one)")
	}
	s.admin = mfclient.NewClient(s.url, s.token)
	return s
}

// clean removes every subscription of the account.
func (s *realServer) clean(t *testing.T) {
	fs, err := s.admin.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if err := s.admin.DeleteFeed(f.ID); err != nil {
			t.Fatal(err)
		}
	}
}

func (s *realServer) settings(kind string) config.Config {
	cfg := config.Default()
	cfg.Sync = config.Sync{Kind: kind, URL: s.url, User: s.user, TokenEnv: "BRIEF_MINIFLUX_TOKEN", PasswordEnv: "BRIEF_MINIFLUX_PASSWORD"}
	return cfg
}

// entryByURL finds the server's article with a link.
func (s *realServer) entryByURL(t *testing.T, u string) *mfclient.Entry {
	t.Helper()
	res, err := s.admin.Entries(&mfclient.Filter{Limit: 1000, Statuses: []string{"read", "unread"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entries {
		if e.URL == u {
			return e
		}
	}
	t.Fatalf("the server has no article %s", u)
	return nil
}

// feedServer serves RSS feeds on loopback for Miniflux to fetch:
// /NAME/N.xml has N items.
func feedServer(t *testing.T) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		if len(parts) != 2 || !strings.HasSuffix(parts[1], ".xml") {
			http.NotFound(w, r)
			return
		}
		n, _ := strconv.Atoi(strings.TrimSuffix(parts[1], ".xml"))
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(srv.URL+"/"+parts[0], parts[0], n))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func rss(base, name string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title><link>%s/</link>`, name, base)
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>%s story %d</title><link>%s/%d.html</link><guid>%s-%d</guid><pubDate>%s</pubDate>
<description>&lt;p&gt;Story %d of %s: the council met on Tuesday about the harbour and the trams.&lt;/p&gt;</description></item>`,
			name, i, base, i, name, i, t0.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i, name)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func openLib(t *testing.T, path string, cfg config.Config) *library.Local {
	t.Helper()
	lib, err := library.Open(path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func itemByURL(t *testing.T, lib *library.Local, u string) library.Item {
	t.Helper()
	id, err := lib.Lookup(context.Background(), u)
	if err != nil || id == 0 {
		t.Fatalf("the library has no article %s (%v)", u, err)
	}
	it, err := lib.Store.Item(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func TestRealMiniflux(t *testing.T) {
	s := miniflux(t)
	feeds := feedServer(t)
	for _, kind := range []string{"miniflux", "greader"} {
		t.Run(kind, func(t *testing.T) { realSync(t, s, feeds, kind) })
	}
}

func realSync(t *testing.T, s *realServer, feeds *httptest.Server, kind string) {
	ctx := context.Background()
	s.clean(t)
	dbPath := filepath.Join(t.TempDir(), "brief.db")
	lib := openLib(t, dbPath, s.settings(kind))
	base := feeds.URL + "/" + kind

	// Subscribing in brief reaches the server at once.
	sub, err := lib.Subscribe(ctx, base+"/5.xml")
	if err != nil || sub.SyncErr != nil {
		t.Fatalf("subscribe: %v, sync: %v", err, sub.SyncErr)
	}
	sf, err := s.admin.Feeds()
	if err != nil || len(sf) != 1 || sf[0].FeedURL != base+"/5.xml" {
		t.Fatalf("the server's feeds after subscribing in brief: %v, %v", sf, err)
	}
	res, err := lib.Sync(ctx, nil)
	if err != nil {
		t.Fatalf("first sync: %v", err)
	}
	items, err := lib.List(ctx, library.All, "")
	if err != nil || len(items) != 5 {
		t.Fatalf("after the first sync the library has %d articles (%v), want 5 (no duplicates): %s", len(items), err, res.Summary())
	}

	// A mark made in brief, online, reaches the server.
	u1, u2, u3, u4 := base+"/1.html", base+"/2.html", base+"/3.html", base+"/4.html"
	if err := lib.SetRead(ctx, itemByURL(t, lib, u1).ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if e := s.entryByURL(t, u1); e.Status != "read" {
		t.Errorf("read in brief, the server says %s", e.Status)
	}

	// Marks made on the server reach brief.
	e2, e3 := s.entryByURL(t, u2), s.entryByURL(t, u3)
	if err := s.admin.UpdateEntriesStarred([]int64{e2.ID}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.admin.UpdateEntries([]int64{e3.ID}, "read"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // changed_at has a second's grain
	if _, err := lib.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if it := itemByURL(t, lib, u2); !it.Saved {
		t.Errorf("starred on the server, not saved in brief")
	}
	if it := itemByURL(t, lib, u3); !it.Read {
		t.Errorf("read on the server, not read in brief")
	}

	// Offline: the mark is queued, the sync fails in one line, and the
	// next sync sends it.
	live := lib.Remote
	lib.Remote = dead(kind, s)
	if err := lib.SetSaved(ctx, itemByURL(t, lib, u4).ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Sync(ctx, nil); err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "cannot reach") {
		t.Errorf("offline sync: %v", err)
	}
	st, _ := lib.SyncStatus(ctx)
	if st.PendingMarks != 1 {
		t.Errorf("offline: %d marks queued, want 1", st.PendingMarks)
	}
	lib.Remote = live
	if _, err := lib.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if e := s.entryByURL(t, u4); !e.Starred {
		t.Errorf("saved offline in brief, not starred on the server after the next sync")
	}

	// A saved article is never lost: unstarred on the server while
	// saved again here, it stays saved.
	if err := s.admin.UpdateEntriesStarred([]int64{e2.ID}, false); err != nil {
		t.Fatal(err)
	}
	it2 := itemByURL(t, lib, u2)
	if err := lib.SetSaved(ctx, it2.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetSaved(ctx, it2.ID, true); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if _, err := lib.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if it := itemByURL(t, lib, u2); !it.Saved {
		t.Errorf("saved in brief and unstarred on the server: lost")
	}
	if e := s.entryByURL(t, u2); !e.Starred {
		t.Errorf("saved in brief and unstarred on the server: the server did not take the save")
	}

	// A sync killed (kill -9) after its first page resumes.
	big := base + "-big/600.xml"
	if _, err := s.admin.CreateFeed(&mfclient.FeedCreationRequest{FeedURL: big}); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	killMidSync(t, dbPath, kind)
	lib = openLib(t, dbPath, s.settings(kind))
	if n, _ := lib.Count(ctx, library.Filter{}); n <= 5 || n >= 605 {
		t.Errorf("killed after its first page, the sync left %d articles, want 6..604", n)
	}
	if _, err := lib.Sync(ctx, nil); err != nil {
		t.Fatalf("the sync after the killed one: %v", err)
	}
	items, err = lib.List(ctx, library.All, "")
	if err != nil || len(items) != 605 {
		t.Fatalf("after the resumed sync the library has %d articles (%v), want 605", len(items), err)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.URL] {
			t.Fatalf("%s stored twice", it.URL)
		}
		seen[it.URL] = true
	}

	// Unsubscribing in brief reaches the server.
	f, err := lib.FindFeed(ctx, big)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	sf, _ = s.admin.Feeds()
	if len(sf) != 1 {
		t.Errorf("unsubscribed in brief, the server still has %d feeds", len(sf))
	}
}

// dead is a server of the same kind that cannot be reached.
func dead(kind string, s *realServer) remote.Server {
	hc := &http.Client{Timeout: 2 * time.Second}
	if kind == "greader" {
		return remote.NewGReader("http://127.0.0.1:1", s.user, s.password, hc)
	}
	return remote.NewMiniflux("http://127.0.0.1:1", s.token, hc)
}

// killMidSync runs a sync in another process and kills it (SIGKILL)
// once its first page of articles is stored.
func killMidSync(t *testing.T, dbPath, kind string) {
	killMidSyncEnv(t, dbPath, kind, "^TestHelperSync$")
}

// killMidSyncEnv runs the helper test run names in another process,
// syncing the library at dbPath, and kills it once it says it stored a
// page.
func killMidSyncEnv(t *testing.T, dbPath, kind, run string) {
	cmd := exec.Command(os.Args[0], "-test.run="+run)
	cmd.Env = append(os.Environ(), "BRIEF_SYNC_HELPER_DB="+dbPath, "BRIEF_SYNC_HELPER_KIND="+kind)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "page ") && !killed {
			cmd.Process.Kill()
			killed = true
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the sync ended before a page was stored: nothing was killed")
	}
}

// TestHelperSync is the process killMidSync kills.
func TestHelperSync(t *testing.T) {
	db := os.Getenv("BRIEF_SYNC_HELPER_DB")
	if db == "" || os.Getenv("BRIEF_FAKE_URL") != "" {
		t.Skip("helper process for killMidSync")
	}
	s := &realServer{url: os.Getenv("BRIEF_MINIFLUX_URL"), user: os.Getenv("BRIEF_MINIFLUX_USER")}
	helperSync(t, db, s.settings(os.Getenv("BRIEF_SYNC_HELPER_KIND")))
}

// helperSync syncs and, after each page stored but the last, says so
// and waits to be killed.
func helperSync(t *testing.T, db string, cfg config.Config) {
	lib, err := library.Open(db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	lib.Sync(context.Background(), func(p library.SyncProgress) {
		if p.Stage == "articles" && p.Done < p.Total {
			fmt.Printf("page %d/%d\n", p.Done, p.Total)
			time.Sleep(30 * time.Second)
		}
	})
}
