package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// feedServer serves RSS documents on loopback; set changes one.
type feedServer struct {
	*httptest.Server
	mu   sync.Mutex
	docs map[string]string
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{docs: map[string]string{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		doc, ok := fs.docs[r.URL.Path]
		fs.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(doc, "LINK", "http://"+r.Host))
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(path, doc string) {
	fs.mu.Lock()
	fs.docs[path] = doc
	fs.mu.Unlock()
}

// A failed feed is an error on stderr, --quiet or not; the tally goes
// to stdout unless --quiet; the status says something failed.
func TestRefreshFailuresGoToStderr(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/news.xml", rss("Harbour News", "news", 2, false))
	l := newLibEnv(t)
	l.ok("add", srv.URL+"/news.xml")
	opml := fmt.Sprintf(`<opml version="2.0"><body><outline text="Gone" xmlUrl="%s/atom.xml"/></body></opml>`, srv.URL)
	if r := l.run(opml, "import", "-"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	wantErr := "brief: " + host + "/atom.xml: 404 Not Found\n"

	r := l.run("", "refresh")
	if r.code != 1 || r.stdout != "2 feeds, 0 new articles, 1 failed\n" || r.stderr != wantErr {
		t.Errorf("refresh: %+v", r)
	}
	r = l.run("", "refresh", "--quiet")
	if r.code != 1 || r.stdout != "" || r.stderr != wantErr {
		t.Errorf("refresh --quiet: %+v", r)
	}
	if r := l.run("", "refresh", "--quiet", "Harbour News"); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("refresh --quiet of a good feed: %+v", r)
	}
}

// Counts are English ("1 article"), a file that is not OPML is named
// with the reason in words, and feeds are found by their address with
// or without scheme and trailing slash.
func TestLibraryWording(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/one.xml", rss("Solo", "solo", 1, false))
	l := newLibEnv(t)
	if out := l.ok("add", srv.URL+"/one.xml"); !strings.HasSuffix(out, "): 1 article\n") {
		t.Errorf("add one item: %q", out)
	}
	r := l.run("", "import", "testdata/cli/mixed/good.txt")
	if r.code != 1 || r.stderr != "brief: testdata/cli/mixed/good.txt is not an OPML file (no <opml> document)\n" {
		t.Errorf("import a text file: %+v", r)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if out := l.ok("feeds"); !strings.Contains(out, " "+host+"/one.xml\n") {
		t.Errorf("feeds:\n%s", out)
	}
	if out := l.ok("remove", host+"/one.xml/"); !strings.Contains(out, "Unsubscribed from Solo") {
		t.Errorf("remove by short URL: %s", out)
	}
}
