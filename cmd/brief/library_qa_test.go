package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
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
	opml := fmt.Sprintf(`<opml version="2.0"><body><outline text="Solo" xmlUrl="%s/one.xml"/></body></opml>`, srv.URL)
	if r := l.run(opml, "import", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "Imported 0 of 1 feed from - (1 already subscribed).") {
		t.Errorf("import one: %+v", r)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if out := l.ok("feeds"); !strings.Contains(out, " "+host+"/one.xml\n") {
		t.Errorf("feeds:\n%s", out)
	}
	if out := l.ok("remove", host+"/one.xml/"); !strings.Contains(out, "Unsubscribed from Solo") {
		t.Errorf("remove by short URL: %s", out)
	}
}

// Settings brief cannot use are warned about on stderr, one line each
// naming the file, by brief config and by the library commands; the
// defaults stand in for them. config --init writes a commented file.
func TestConfigWarnings(t *testing.T) {
	l := newLibEnv(t)
	path := l.writeConfig("concurrency = -5\ntimeout = \"0s\"\nrefesh_on_start = false\n")
	want := "brief: " + path + ": concurrency must be at least 1 (using 8)\n" +
		"brief: " + path + ": timeout must be longer than 0s (using \"30s\")\n" +
		"brief: " + path + ": unknown setting \"refesh_on_start\" (did you mean refresh_on_start?)\n"
	r := l.run("", "config")
	if r.code != 0 || r.stderr != want || !strings.Contains(r.stdout, "concurrency = 8\n") || !strings.Contains(r.stdout, `timeout = "30s"`) ||
		!strings.Contains(r.stdout, "defaults for 3 settings it gets wrong") {
		t.Errorf("config: %+v", r)
	}
	srv := newFeedServer(t)
	srv.set("/one.xml", rss("Solo", "solo", 1, false))
	if r := l.run("", "add", srv.URL+"/one.xml"); r.code != 0 || r.stderr != want {
		t.Errorf("add: %+v", r)
	}

	os.Remove(path)
	l.ok("config", "--init")
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "concurrency = 8          # feeds fetched at once\n") {
		t.Errorf("config --init wrote:\n%s", data)
	}
	if r := l.run("", "config"); r.code != 0 || r.stderr != "" {
		t.Errorf("config after --init: %+v", r)
	}
}

// QA's steps: add, save, remove, add again: the saved article is listed
// once, back in its feed; numbers of removed articles are not reused.
func TestResubscribeListsSavedOnce(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/feed.xml", rss("Harbour News", "news", 2, false))
	srv.set("/other.xml", rss("Tram Blog", "blog", 2, false))
	l := newLibEnv(t)
	l.ok("add", srv.URL+"/feed.xml")
	lines := strings.Split(strings.TrimSpace(l.ok("list")), "\n")
	if len(lines) != 2 {
		t.Fatalf("list:\n%s", strings.Join(lines, "\n"))
	}
	// Save the older article: the newer one's number is the highest, the
	// one a store without AUTOINCREMENT would give again.
	savedID := strings.Fields(lines[1])[0]   // story 0
	removedID := strings.Fields(lines[0])[0] // story 1, not saved
	l.ok("save", savedID)
	l.ok("remove", "1")
	l.ok("add", srv.URL+"/other.xml")
	l.ok("add", srv.URL+"/feed.xml")

	out := l.ok("list")
	if n := strings.Count(out, "Harbour News story 0"); n != 1 {
		t.Errorf("saved article listed %d times:\n%s", n, out)
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d articles, want 4:\n%s", n, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if strings.Contains(line, "Harbour News story 0") {
			if f[0] != savedID || !strings.Contains(f[1], "S") {
				t.Errorf("saved article: %q (was number %s)", line, savedID)
			}
			continue
		}
		if f[0] == removedID {
			t.Errorf("a removed article's number %s was given again: %q", removedID, line)
		}
	}
	// The removed, unsaved article's number names nothing now.
	if r := l.run("", "open", removedID); r.code != 1 {
		t.Errorf("open a removed article's number: %+v", r)
	}
	if out := l.ok("list", "--feed", "Harbour News", "--view", "saved"); !strings.Contains(out, "Harbour News story 0") {
		t.Errorf("saved article not back in its feed:\n%s", out)
	}
}

// [keys] and [colors] are shown by brief config as they are in force,
// with one-line warnings naming each key brief cannot use and notes
// for the defaults a binding took over.
func TestConfigKeysAndColors(t *testing.T) {
	l := newLibEnv(t)
	path := l.writeConfig("[keys]\nsave = [\"m\"]\nread = [\"m\", \"R\"]\nzap = [\"z\"]\n[colors]\ntheme = \"light\"\naccent = \"blue\"\n")
	r := l.run("", "config")
	wantErr := "brief: " + path + ": keys.read: m is already bound to save in the list view (save keeps it)\n" +
		"brief: " + path + ": keys.read: m is already bound to save in the article view (save keeps it)\n" +
		"brief: " + path + ": keys.zap: unknown action \"zap\" in [keys] (actions: "
	if r.code != 0 || !strings.HasPrefix(r.stderr, wantErr) || strings.Count(r.stderr, "\n") != 4 ||
		!strings.Contains(r.stderr, ": colors.accent must be a colour like") {
		t.Errorf("config warnings: %+v", r)
	}
	for _, want := range []string{"\n[keys]\nread = [\"R\"]\nsave = [\"m\"]\n", "\n[colors]\ntheme = \"light\"\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("config does not show %q:\n%s", want, r.stdout)
		}
	}
}
