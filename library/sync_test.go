package library_test

// Sync against fake servers (library/remote/fake) over both protocols:
// both ways, conflicts, faults, a killed sync.

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/remote"
	"github.com/brief-news/brief/library/remote/fake"
)

var kinds = []string{"miniflux", "greader"}

// fakeSetup is a fake account with one feed of n articles and a library
// set to sync with it over kind.
func fakeSetup(t *testing.T, kind string, n int) (*fake.Server, *library.Local, int64) {
	t.Helper()
	srv := fake.New()
	t.Cleanup(srv.Close)
	fid := srv.AddFeed("https://news.example/feed.xml", "Harbour News", "Local")
	first := srv.AddEntries(fid, n, "<p>The council met on Tuesday.</p>")
	lib := openLib(t, filepath.Join(t.TempDir(), "brief.db"), fakeSettings(t, srv, kind))
	return srv, lib, first
}

func fakeSettings(t *testing.T, srv *fake.Server, kind string) config.Config {
	t.Setenv("FAKE_TOKEN", srv.Token)
	t.Setenv("FAKE_PASSWORD", srv.Password)
	cfg := config.Default()
	cfg.Sync = config.Sync{Kind: kind, URL: srv.URL, User: srv.User, TokenEnv: "FAKE_TOKEN", PasswordEnv: "FAKE_PASSWORD"}
	return cfg
}

func mustSync(t *testing.T, lib *library.Local) *library.SyncResult {
	t.Helper()
	res, err := lib.Sync(context.Background(), nil)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return res
}

func count(t *testing.T, lib *library.Local, v library.View) int {
	t.Helper()
	n, err := lib.Count(context.Background(), library.Filter{View: v})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSyncBothWays(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			srv, lib, first := fakeSetup(t, kind, 30)
			srv.Mark(first, true, true)
			// A subscription made here before the first sync.
			if _, err := lib.Import(ctx, []library.Outline{{XMLURL: "https://elsewhere.example/rss", Title: "Elsewhere"}}); err != nil {
				t.Fatal(err)
			}
			var lines []string
			res, err := lib.Sync(ctx, func(p library.SyncProgress) { lines = append(lines, p.Line()) })
			if err != nil {
				t.Fatal(err)
			}
			if res.New != 30 || res.Subscribed != 1 || len(srv.Feeds()) != 2 {
				t.Errorf("first sync: %s; the server has %d feeds", res.Summary(), len(srv.Feeds()))
			}
			if !strings.Contains(strings.Join(lines, "\n"), "sync: articles 30/30") {
				t.Errorf("progress lines: %q", lines)
			}
			if count(t, lib, library.Unread) != 29 || count(t, lib, library.Saved) != 1 {
				t.Errorf("marks from the server: %d unread, %d saved", count(t, lib, library.Unread), count(t, lib, library.Saved))
			}
			cats, _ := lib.SyncDB.Categories(ctx)
			f, _ := lib.FindFeed(ctx, "https://news.example/feed.xml")
			if cats[f.ID] != "Local" {
				t.Errorf("the feed's folder: %q", cats[f.ID])
			}

			// Here → server, and server → here.
			id2 := itemID(t, lib, srv.Entry(first+1).URL)
			if err := lib.SetRead(ctx, id2, true); err != nil {
				t.Fatal(err)
			}
			if err := lib.SetSaved(ctx, id2, true); err != nil {
				t.Fatal(err)
			}
			srv.Mark(first+2, true, true)
			res = mustSync(t, lib)
			if e := srv.Entry(first + 1); !e.Read || !e.Starred || res.Sent != 2 {
				t.Errorf("marked here, the server has read %v starred %v (%s)", e.Read, e.Starred, res.Summary())
			}
			it, _ := lib.Store.Item(ctx, itemID(t, lib, srv.Entry(first+2).URL))
			if !it.Read || !it.Saved {
				t.Errorf("marked on the server, here read %v saved %v", it.Read, it.Saved)
			}
			if n := count(t, lib, library.All); n != 30 {
				t.Errorf("after syncing again: %d articles, want 30", n)
			}

			// Unsubscribing here reaches the server.
			if err := lib.RemoveFeed(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
			if len(srv.Feeds()) != 1 {
				t.Errorf("unsubscribed here, the server has %d feeds", len(srv.Feeds()))
			}
			// Its saved articles stay.
			if n := count(t, lib, library.Saved); n != 3 {
				t.Errorf("saved articles after unsubscribing: %d, want 3", n)
			}
		})
	}
}

func itemID(t *testing.T, lib *library.Local, u string) int64 {
	t.Helper()
	id, err := lib.Lookup(context.Background(), u)
	if err != nil || id == 0 {
		t.Fatalf("no article %s in the library (%v)", u, err)
	}
	return id
}

// The most recent change wins a conflict, and saving always wins the
// saved mark's.
func TestSyncConflicts(t *testing.T) {
	ctx := context.Background()
	srv, lib, first := fakeSetup(t, "miniflux", 4)
	srv.Mark(first+3, false, true)
	mustSync(t, lib)
	a, b, c := itemID(t, lib, srv.Entry(first).URL), itemID(t, lib, srv.Entry(first+1).URL), itemID(t, lib, srv.Entry(first+3).URL)

	// a: read and unread again here, then read on the server, later.
	lib.SetRead(ctx, a, true)
	lib.SetRead(ctx, a, false)
	time.Sleep(10 * time.Millisecond)
	srv.Mark(first, true, false)
	// b: read on the server, then read and unread again here, later.
	srv.Mark(first+1, true, false)
	time.Sleep(10 * time.Millisecond)
	lib.SetRead(ctx, b, true)
	lib.SetRead(ctx, b, false)
	// c: saved; unstarred on the server, unsaved and saved again here.
	srv.Mark(first+3, false, false)
	lib.SetSaved(ctx, c, false)
	lib.SetSaved(ctx, c, true)
	mustSync(t, lib)

	if it, _ := lib.Store.Item(ctx, a); !it.Read {
		t.Errorf("a: read on the server after it was marked here: unread here")
	}
	if it, _ := lib.Store.Item(ctx, b); it.Read || srv.Entry(first+1).Read {
		t.Errorf("b: unread here after it was read on the server: read %v here, %v there", it.Read, srv.Entry(first+1).Read)
	}
	if it, _ := lib.Store.Item(ctx, c); !it.Saved || !srv.Entry(first+3).Starred {
		t.Errorf("c: a saved article was lost: saved %v here, %v there", it.Saved, srv.Entry(first+3).Starred)
	}
}

func TestSyncFaults(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			for _, tc := range []struct {
				name  string
				fault fake.Fault
				want  string
			}{
				{"401 mid-sync", after(3, http.StatusUnauthorized), "401"},
				{"5xx", after(3, http.StatusBadGateway), "server error (502)"},
				{"slow page", after(3, -1), "did not answer in time"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					srv, lib, first := fakeSetup(t, kind, 300)
					srv.Stall = 3 * time.Second
					mustSync(t, lib)
					srv.AddEntries(1, 300, "<p>More.</p>")
					// A mark made here waits in the queue through the fault.
					lib.SetSaved(ctx, itemID(t, lib, srv.Entry(first).URL), true)
					if tc.name == "slow page" {
						// Only this sync has a short timeout: a loaded
						// machine (CI under -race) must not fail the others.
						lib.Remote = fastServer(kind, srv)
					}
					srv.SetFault(tc.fault)
					_, err := lib.Sync(ctx, nil)
					if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
						t.Fatalf("sync: %v, want one line saying %q", err, tc.want)
					}
					st, _ := lib.SyncStatus(ctx)
					if st.PendingMarks != 1 || !strings.Contains(st.LastError, tc.want) {
						t.Errorf("after the fault: %d marks queued (want 1), last error %q", st.PendingMarks, st.LastError)
					}
					if n := count(t, lib, library.All); n < 300 || n > 600 {
						t.Errorf("after the fault: %d articles", n)
					}
					srv.SetFault(nil)
					lib.Remote = nil // the settings' server again, its usual timeout
					mustSync(t, lib)
					if n := count(t, lib, library.All); n != 600 {
						t.Errorf("the next sync: %d articles, want 600", n)
					}
					if !srv.Entry(first).Starred {
						t.Errorf("the queued mark did not reach the server")
					}
				})
			}
		})
	}
}

// after fails every request from the nth on with status.
func after(n, status int) fake.Fault {
	return func(i int, r *http.Request) int {
		if i >= n {
			return status
		}
		return 0
	}
}

// fastServer is the fake's account with a short timeout.
func fastServer(kind string, srv *fake.Server) remote.Server {
	hc := &http.Client{Timeout: time.Second}
	if kind == "greader" {
		return remote.NewGReader(srv.URL, srv.User, srv.Password, hc)
	}
	return remote.NewMiniflux(srv.URL, srv.Token, hc)
}

func TestSyncServerDownOrRefusing(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			srv, lib, _ := fakeSetup(t, kind, 3)
			srv.Password, srv.Token = "changed", "changed"
			if _, err := lib.Sync(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "wrong user, password or token (401") {
				t.Errorf("wrong credentials: %v", err)
			}
			srv.Close()
			_, err := lib.Sync(context.Background(), nil)
			if err == nil || !strings.Contains(err.Error(), "sync with 127.0.0.1:") || !strings.Contains(err.Error(), "cannot reach the server") {
				t.Errorf("server down: %v", err)
			}
		})
	}
}

// A refresh syncs, and r in the reader refreshes through Source.
func TestRefreshSyncs(t *testing.T) {
	srv, lib, _ := fakeSetup(t, "greader", 5)
	src, err := library.NewSource(context.Background(), lib, library.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	line, err := src.Refresh(context.Background(), nil)
	if err != nil || len(src.Items()) != 0 {
		t.Fatalf("refresh: %q, %v", line, err)
	}
	src.Reload(context.Background())
	if len(src.Items()) != 5 || !strings.Contains(line, "5 new articles") {
		t.Errorf("after r: %d articles, %q", len(src.Items()), line)
	}
	srv.Close()
	line, err = src.Refresh(context.Background(), nil)
	if err != nil || !strings.Contains(line, "cannot reach the server") {
		t.Errorf("r with the server down: %q, %v", line, err)
	}
}

// A sync killed with SIGKILL after its first page resumes, and loses
// no queued mark.
func TestSyncKilled(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			srv, lib, first := fakeSetup(t, kind, 10)
			mustSync(t, lib)
			lib.SetRead(ctx, itemID(t, lib, srv.Entry(first).URL), true)
			srv.AddEntries(1, 600, "<p>More.</p>")
			path := lib.Store.Path()
			lib.Close()
			killFakeSync(t, path, kind, srv)
			lib = openLib(t, path, fakeSettings(t, srv, kind))
			if n := count(t, lib, library.All); n <= 10 || n >= 610 {
				t.Errorf("killed after a page: %d articles", n)
			}
			if st, _ := lib.SyncStatus(ctx); st.PendingMarks != 1 {
				t.Errorf("killed: %d marks queued, want 1", st.PendingMarks)
			}
			mustSync(t, lib)
			if n := count(t, lib, library.All); n != 610 {
				t.Errorf("resumed: %d articles, want 610", n)
			}
			if !srv.Entry(first).Read {
				t.Errorf("the queued mark was lost")
			}
		})
	}
}

func killFakeSync(t *testing.T, path, kind string, srv *fake.Server) {
	t.Setenv("BRIEF_FAKE_URL", srv.URL)
	killMidSyncEnv(t, path, kind, "^TestHelperFakeSync$")
}

func TestHelperFakeSync(t *testing.T) {
	db := os.Getenv("BRIEF_SYNC_HELPER_DB")
	if db == "" || os.Getenv("BRIEF_FAKE_URL") == "" {
		t.Skip("helper process for killFakeSync")
	}
	cfg := config.Default()
	cfg.Sync = config.Sync{Kind: os.Getenv("BRIEF_SYNC_HELPER_KIND"), URL: os.Getenv("BRIEF_FAKE_URL"), User: "ann",
		TokenEnv: "FAKE_TOKEN", PasswordEnv: "FAKE_PASSWORD"}
	helperSync(t, db, cfg)
}

// twoFolders is a library synced with a Miniflux account of two
// feeds, Harbour News (3 articles, folder Local) and Sport (2, folder
// Games), and a source showing all of it.
func twoFolders(t *testing.T) (*library.Local, *library.Source) {
	t.Helper()
	srv, lib, _ := fakeSetup(t, "miniflux", 3)
	other := srv.AddFeed("https://sport.example/feed", "Sport", "Games")
	srv.AddEntries(other, 2, "<p>Goal.</p>")
	mustSync(t, lib)
	src, err := library.NewSource(context.Background(), lib, library.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return lib, src
}

// The server's folders are views: F shows every feed, then each
// folder, then each feed.
func TestFolderViews(t *testing.T) {
	ctx := context.Background()
	lib, src := twoFolders(t)
	var got []string
	for range 5 {
		if err := src.NextFeed(ctx); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s (%d)", src.Describe(), len(src.Items())))
	}
	want := "all · folder Games (2)|all · folder Local (3)|all · Harbour News (3)|all · Sport (2)|all · every feed (5)"
	if strings.Join(got, "|") != want {
		t.Errorf("F cycles\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if n, _ := lib.Count(ctx, library.Filter{Folder: "Games", View: library.Unread}); n != 2 {
		t.Errorf("unread in the folder Games: %d", n)
	}
}

// Picking a feed from the feed list while a folder is shown shows that
// feed, not the folder's articles of it, and F goes on from that feed.
func TestShowFeedAfterAFolder(t *testing.T) {
	ctx := context.Background()
	_, src := twoFolders(t)
	if err := src.NextFeed(ctx); err != nil || src.Describe() != "all · folder Games" {
		t.Fatalf("first F: %q, %v", src.Describe(), err)
	}
	rows, err := src.FeedList(ctx)
	if err != nil || len(rows) != 3 || rows[1].Name != "Harbour News" {
		t.Fatalf("FeedList = %+v, %v", rows, err)
	}
	if err := src.ShowFeed(ctx, rows[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%s (%d)", src.Describe(), len(src.Items())); got != "all · Harbour News (3)" {
		t.Errorf("after picking Harbour News in the folder Games: %s", got)
	}
	if err := src.NextFeed(ctx); err != nil || src.Describe() != "all · Sport" {
		t.Errorf("F after Harbour News: %q, %v", src.Describe(), err)
	}
}

// A subscription made here that the server will not take stays here
// and does not stop the sync.
func TestSyncSubscriptionRefused(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			srv, lib, _ := fakeSetup(t, kind, 3)
			lib.Import(ctx, []library.Outline{{XMLURL: "https://refused.example/feed"}})
			res := mustSync(t, lib)
			if len(res.Refused) != 1 || !strings.Contains(res.Refused[0].Error(), "refused.example/feed") || res.New != 3 {
				t.Fatalf("refused: %v (%s)", res.Refused, res.Summary())
			}
			if !strings.Contains(res.Summary(), "1 subscription refused by the server") {
				t.Errorf("summary: %s", res.Summary())
			}
			fs, _ := lib.Feeds(ctx)
			if len(fs) != 2 || len(srv.Feeds()) != 1 {
				t.Errorf("feeds: %d here, %d on the server", len(fs), len(srv.Feeds()))
			}
		})
	}
}
