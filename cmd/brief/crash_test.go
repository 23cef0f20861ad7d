package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
)

// A brief killed in the middle of a refresh leaves a consistent library:
// every feed's articles are stored whole or not at all, the read, saved
// and file marks made before stay, and the next start opens cleanly. Two
// brief processes at once both succeed.
func TestKilledRefreshAndConcurrentProcesses(t *testing.T) {
	var mu sync.Mutex
	doc := rss("Big", "big", 3, false)
	served := make(chan struct{}, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		d := doc
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(d, "LINK", "http://"+r.Host))
		select {
		case served <- struct{}{}:
		default:
		}
	}))
	defer srv.Close()
	l := newLibEnv(t)
	// Every item is kept (max_items = 0), so that the refresh below is
	// long enough to be killed in the middle.
	l.writeConfig("max_items = 0\n")
	l.ok("add", srv.URL+"/big.xml")
	<-served
	l.ok("mark", "1")
	l.ok("save", "2")
	db := filepath.Join(l.dir, "data", "brief", "brief.db")
	if s, err := store.Open(db); err != nil { // a file's read mark, as the reader keeps it
		t.Fatal(err)
	} else {
		if err := s.SetLocationRead(context.Background(), "/news/a.txt", true); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	mu.Lock()
	doc = rss("Big", "big", 6000, false)
	mu.Unlock()

	cmd := exec.Command(binary, "refresh")
	cmd.Env = l.env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-served
	time.Sleep(1200 * time.Millisecond) // parsing or writing by now
	cmd.Process.Kill()
	cmd.Wait()

	// The next start opens cleanly.
	if r := l.run("", "list", "--view", "saved"); r.code != 0 || r.stderr != "" || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("brief list after the kill: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	n, _ := s.Count(context.Background(), store.Filter{})
	t.Logf("%d articles after the kill", n)
	if n != 3 && n != 6000 {
		t.Errorf("%d articles after the kill: a refresh was stored in part", n)
	}
	if r, _ := s.Count(context.Background(), store.Filter{View: store.Unread}); r != n-1 {
		t.Errorf("read mark lost: %d unread of %d", r, n)
	}
	if read, err := s.ReadLocations(context.Background()); err != nil || !read["/news/a.txt"] {
		t.Errorf("a file's read mark lost: %v %v", read, err)
	}
	var ftsN int
	s.DB().QueryRow("SELECT count(*) FROM items_fts").Scan(&ftsN)
	if ftsN != n {
		t.Errorf("index holds %d articles, library %d", ftsN, n)
	}
	s.Close()

	// Two processes at once: a refresh and marks.
	var wg sync.WaitGroup
	results := make([]result, 3)
	for i, args := range [][]string{{"refresh"}, {"refresh"}, {"save", "1"}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = l.run("", args...)
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 {
			t.Errorf("process %d: %+v", i, r)
		}
	}
	out := l.ok("list", "--view", "saved")
	if strings.Count(out, "\n") != 2 {
		t.Errorf("saved:\n%s", out)
	}
	if out := l.ok("list"); strings.Count(out, "\n") != 6000 {
		t.Errorf("%d articles after the concurrent refreshes", strings.Count(out, "\n"))
	}
}
