package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
)

// The command on hostile servers and links: a page's unsafe links are
// reported, never followed; a download is refused with one line; in the
// reader, a page that trickles forever loads in the background, esc
// ends the request and q quits at once.

func TestReadJSONDoesNotFollowUnsafeLinks(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><title>Odd Links</title><link rel="prev" href="file:///etc/passwd"></head><body><article><h1>Odd Links</h1><p>`+
			strings.Repeat("The harbour board met on Tuesday and agreed the winter timetable. ", 10)+`</p></article>
<nav class="post-navigation"><a rel="next" href="javascript:alert(1)">Next article</a></nav></body></html>`)
	}))
	defer srv.Close()
	r := brief(t, "", "read", "--json", srv.URL+"/story")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a jsonout.Article
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if a.Prev == nil || a.Prev.Resolved || a.Prev.URL == nil || *a.Prev.URL != "file:///etc/passwd" || a.Prev.Location != nil {
		t.Errorf("prev %+v", a.Prev)
	}
	if a.Next == nil || a.Next.Resolved || a.Next.Location != nil {
		t.Errorf("next %+v", a.Next)
	}
	if strings.Contains(r.stdout, "root:") {
		t.Error("the output holds /etc/passwd")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(paths) != 1 {
		t.Errorf("requests %v, want the page alone", paths)
	}
}

func TestReadRefusesADownload(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "video/mp4")
		w.Header().Set("Content-Length", fmt.Sprint(int64(10<<30)))
		chunk := make([]byte, 32<<10)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	start := time.Now()
	r := brief(t, "", "read", srv.URL+"/movie.mp4")
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v", el)
	}
	want := "brief: " + srv.URL + "/movie.mp4 is not a web page (video/mp4)\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
}

// A server that sends more than its Content-Length: brief reads what was
// declared, and net/http's own complaint about the surplus ("Unsolicited
// response received on idle HTTP channel", quoting the server's bytes)
// never reaches the terminal.
func TestSurplusBytesAreNotLogged(t *testing.T) {
	page := `<html><head><title>Short Page</title></head><body><article><p>` +
		strings.Repeat("Words of a page whose server says it is shorter than it is. ", 12) + `</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
		buf.WriteString("SURPLUS " + strings.Repeat("bytes the server was not asked for ", 20))
		buf.Flush()
		time.Sleep(500 * time.Millisecond) // the client's idle connection sees them
	}))
	defer srv.Close()
	r := brief(t, "", "read", srv.URL+"/short")
	if r.code != 0 || !strings.Contains(r.stdout, "Short Page") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr %q, want nothing", r.stderr)
	}
}

// TestEndToEndTricklingServerInTmux follows a web link to a server that
// sends a byte every 50ms and never ends: the reader says it is loading,
// answers help, esc ends the request (the server sees it go), and q
// leaves and quits at once while it loads again.
func TestEndToEndTricklingServerInTmux(t *testing.T) {
	needTmux(t)
	arrived, gone := make(chan struct{}, 4), make(chan struct{}, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		defer func() { gone <- struct{}{} }()
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}))
	defer func() {
		srv.CloseClientConnections()
		srv.Close()
	}()
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	html := `<!doctype html><html><head><title>A Page Before a Trickle</title>
<link rel="next" href="` + srv.URL + `/trickle"></head><body><article>
<h1>A Page Before a Trickle</h1><p>This page is on disk. Its next article is on a server that
sends one byte at a time and never finishes.</p>
<p>A second paragraph gives the extractor enough text to take this for an article.</p></article></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	tx := startReader(t, dir, page)

	tx.waitFor("1 article", "A Page Before a Trickle")
	tx.keys("Enter")
	tx.waitFor("FULL", "This page is on disk.", "trickle (web) →")
	tx.keys("n")
	tx.waitFor("loading 127.0.0.1", "(esc cancels)")
	tx.keys("?")
	tx.waitFor("Keys: article", "cancel loading")
	tx.keys("?")
	tx.waitFor("(esc cancels)", "This page is on disk.")
	waitArrived(t, arrived)
	tx.keys("Escape")
	tx.waitFor("loading cancelled", "This page is on disk.")
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("esc did not end the request")
	}
	tx.keys("n")
	tx.waitFor("(esc cancels)")
	start := time.Now()
	tx.keys("q")
	tx.waitFor("1 article")
	tx.keys("q")
	tx.waitExit()
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("leaving and quitting while loading took %v", el)
	}
}

// TestEscStopsStartupLoadInTmux: a page given on the command line whose
// server never answers is fetched before the reader opens; esc stops it
// at once (the server sees the request end) and the reader opens on the
// rest, its status naming the page that was not fetched.
func TestEscStopsStartupLoadInTmux(t *testing.T) {
	needTmux(t)
	arrived, gone := make(chan struct{}, 1), make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done() // never answers
		gone <- struct{}{}
	}))
	defer func() {
		srv.CloseClientConnections()
		srv.Close()
	}()
	edition := e2eEdition(t)
	tx := startReader(t, t.TempDir(), edition, srv.URL+"/stall")
	tx.waitFor("fetching " + srv.URL + "/stall … (esc stops)")
	// esc before the request is sent stops it too, but the server would
	// never see it: press it once the request is there.
	waitArrived(t, arrived)
	start := time.Now()
	tx.keys("Escape")
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the server never saw the request end")
	}
	tx.waitFor("4 articles", "/stall was not fetched: cancelled")
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("the reader took %v to open after esc", el)
	}
	tx.keys("q")
	tx.waitExit()
}

// TestSeveralURLsOneStalledInTmux: pages given on the command line are
// fetched concurrently, so the pages after a stalled server's arrive
// while it hangs; esc then opens the reader on those that arrived (not
// "brief: context canceled"), its status naming the stalled page.
func TestSeveralURLsOneStalledInTmux(t *testing.T) {
	needTmux(t)
	served := make(chan string, 8)
	arrived, gone := make(chan struct{}, 1), make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/stall" {
			arrived <- struct{}{}
			<-r.Context().Done() // never answers
			gone <- struct{}{}
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/")
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Harbour %s</title></head><body><article><h1>Harbour %s</h1><p>%s</p></article></body></html>`,
			name, name, strings.Repeat("The harbour board met on Tuesday and agreed the winter timetable. ", 10))
		served <- name
	}))
	defer func() {
		srv.CloseClientConnections()
		srv.Close()
	}()
	tx := startReader(t, t.TempDir(), srv.URL+"/one", srv.URL+"/stall", srv.URL+"/two", srv.URL+"/three")
	for range 3 {
		select {
		case <-served:
		case <-time.After(10 * time.Second):
			t.Fatal("the pages after the stalled one were not fetched while it hung")
		}
	}
	tx.waitFor("fetching " + srv.URL + "/stall … (esc stops)")
	// A page the server has written may still be on its way to brief,
	// and esc rightly stops that too: nothing on screen says a page has
	// arrived before the reader opens, so give the three a moment to
	// land (a margin against a loaded machine, not a measurement).
	time.Sleep(500 * time.Millisecond)
	waitArrived(t, arrived)
	tx.keys("Escape")
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the server never saw the stalled request end")
	}
	tx.waitFor("3 articles", "Harbour one", "Harbour two", "Harbour three", "/stall was not fetched: cancelled")
	tx.keys("q")
	tx.waitExit()
}

// waitArrived waits for a stalling server to have the request.
func waitArrived(t *testing.T, arrived <-chan struct{}) {
	t.Helper()
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never reached the server")
	}
}
