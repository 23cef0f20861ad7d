package main

import (
	"bytes"
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
)

// libEnv runs brief with its own XDG folders, so the library is fresh.
type libEnv struct {
	t   *testing.T
	env []string
	dir string
}

func newLibEnv(t *testing.T) *libEnv {
	d := t.TempDir()
	return &libEnv{t: t, dir: d, env: append(os.Environ(),
		"XDG_DATA_HOME="+filepath.Join(d, "data"), "XDG_CONFIG_HOME="+filepath.Join(d, "config"))}
}

// writeConfig writes text as config.toml under the XDG config folder
// configHome and returns the file's path.
func writeConfig(t *testing.T, configHome, text string) string {
	t.Helper()
	path := filepath.Join(configHome, "brief", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeConfig writes text as the environment's config.toml and returns
// its path.
func (l *libEnv) writeConfig(text string) string {
	l.t.Helper()
	return writeConfig(l.t, filepath.Join(l.dir, "config"), text)
}

func (l *libEnv) run(stdin string, args ...string) result {
	l.t.Helper()
	return runBrief(l.t, l.env, stdin, args...)
}

func (l *libEnv) ok(args ...string) string {
	l.t.Helper()
	r := l.run("", args...)
	if r.code != 0 {
		l.t.Fatalf("brief %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// serveRSS serves doc, an rss() document, at every path with LINK set
// to the server's address; it returns that address.
func serveRSS(t *testing.T, doc string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(doc, "LINK", "http://"+r.Host))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func rss(title, slug string, n int, teaser bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://%s.test/</link>`, title, slug)
	for i := n - 1; i >= 0; i-- {
		body := fmt.Sprintf("<p>%s</p>", strings.Repeat(fmt.Sprintf("Full story %d of %s about the harbour trams. ", i, slug), 30))
		if teaser {
			body = "Opening lines only… Read more"
		}
		fmt.Fprintf(&b, `<item><title>%s story %d</title><link>LINK/%s/%d.html</link><guid>%s-%d</guid><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
			title, i, slug, i, slug, i, time.Date(2026, 11, 20, 8, i, 0, 0, time.UTC).Format(time.RFC1123Z), body)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func TestLibraryCommands(t *testing.T) {
	// docs is what the server serves; the test changes it between runs.
	var mu sync.Mutex
	docs := map[string]string{}
	set := func(path, doc string) { mu.Lock(); docs[path] = doc; mu.Unlock() }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		doc, ok := docs[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".xml") {
			w.Header().Set("Content-Type", "application/rss+xml")
		} else {
			w.Header().Set("Content-Type", "text/html")
		}
		fmt.Fprint(w, strings.ReplaceAll(doc, "LINK", "http://"+r.Host))
	}))
	defer srv.Close()
	set("/news.xml", rss("Harbour News", "news", 3, false))
	set("/blog/feed.xml", rss("Tram Blog", "blog", 2, false))
	set("/blog/", `<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml"></head><body>hi</body></html>`)
	l := newLibEnv(t)

	// Before any subscription.
	if out := l.ok("feeds"); !strings.Contains(out, "No subscriptions") {
		t.Errorf("feeds with no library: %q", out)
	}
	if _, err := os.Stat(filepath.Join(l.dir, "data", "brief", "brief.db")); err == nil {
		t.Error("brief feeds created a database")
	}

	out := l.ok("add", srv.URL+"/news.xml", srv.URL+"/blog/")
	if !strings.Contains(out, "Subscribed to Harbour News") || !strings.Contains(out, "Tram Blog") || !strings.Contains(out, "via "+srv.URL+"/blog/") {
		t.Errorf("add: %s", out)
	}
	if out := l.ok("add", srv.URL+"/news.xml"); !strings.Contains(out, "Already subscribed") {
		t.Errorf("add twice: %s", out)
	}
	r := l.run("", "add", srv.URL+"/missing.xml")
	if r.code != 1 || !strings.Contains(r.stderr, "/missing.xml") || !strings.Contains(r.stderr, "404") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("add missing: %+v", r)
	}
	if r := l.run("", "add", "ftp://x"); r.code != 2 {
		t.Errorf("add ftp: %+v", r)
	}
	if r := l.run("", "add"); r.code != 2 {
		t.Errorf("add nothing: %+v", r)
	}

	// Refresh: one new article, one broken feed added by OPML import.
	set("/news.xml", rss("Harbour News", "news", 4, false))
	opml := fmt.Sprintf(`<opml version="2.0"><body><outline text="Gone" xmlUrl="%s/gone.xml"/><outline text="Harbour News" xmlUrl="%s/news.xml"/></body></opml>`, srv.URL, srv.URL)
	if out := l.run(opml, "import", "-"); out.code != 0 || !strings.Contains(out.stdout, "Imported 1 of 2") {
		t.Errorf("import: %+v", out)
	}
	r = l.run("", "refresh")
	if r.code != 1 || !strings.Contains(r.stdout, "3 feeds, 1 new article, 1 failed\n") || !strings.Contains(r.stderr, "/gone.xml: 404 Not Found") {
		t.Errorf("refresh: %+v", r)
	}
	if r := l.run("", "refresh", "Harbour News"); r.code != 0 || !strings.HasPrefix(r.stdout, "1 feed, 0 new articles") {
		t.Errorf("refresh one feed: %+v", r)
	}
	if r := l.run("", "refresh", "nosuch"); r.code != 1 || !strings.Contains(r.stderr, "no such subscription") {
		t.Errorf("refresh unknown feed: %+v", r)
	}
	out = l.ok("feeds")
	if !strings.Contains(out, "Harbour News") || !strings.Contains(out, "404 Not Found") {
		t.Errorf("feeds:\n%s", out)
	}

	// The library, newest first, then one feed, then views.
	out = l.ok("list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || !strings.Contains(lines[0], "Harbour News story 3") {
		t.Fatalf("list:\n%s", out)
	}
	var items []struct {
		ID     int64  `json:"id"`
		Title  string `json:"title"`
		Feed   string `json:"feed"`
		Read   bool   `json:"read"`
		Saved  bool   `json:"saved"`
		Source string `json:"source"`
		URL    string `json:"url"`
	}
	if err := json.Unmarshal([]byte(l.ok("list", "--json", "--feed", "Tram Blog")), &items); err != nil || len(items) != 2 || items[0].Feed != "Tram Blog" {
		t.Fatalf("list --json --feed: %v %+v", err, items)
	}
	blog0 := items[1]

	// Read offline: the server goes away.
	srv.Close()
	out = l.ok("open", fmt.Sprint(blog0.ID))
	if !strings.Contains(out, "Full story 0 of blog") || !strings.Contains(out, "Text from the feed") || !strings.Contains(out, "Next in Tram Blog: Tram Blog story 1") {
		t.Errorf("open:\n%s", out)
	}
	l.ok("save", blog0.URL)
	out = l.ok("list", "--view", "unread")
	if strings.Count(out, "\n") != 5 {
		t.Errorf("unread after open:\n%s", out)
	}
	l.ok("mark", "--unread", fmt.Sprint(blog0.ID))
	if out := l.ok("list", "--view", "unread"); strings.Count(out, "\n") != 6 {
		t.Errorf("unread after mark --unread:\n%s", out)
	}
	if out := l.ok("list", "--view", "saved"); !strings.Contains(out, "Tram Blog story 0") || strings.Count(out, "\n") != 1 {
		t.Errorf("saved:\n%s", out)
	}
	if r := l.run("", "list", "--view", "bogus"); r.code != 2 {
		t.Errorf("bad view: %+v", r)
	}

	// Search.
	out = l.ok("search", "harbour", "story")
	if !strings.Contains(out, "story") || !strings.Contains(out, "harbour") {
		t.Errorf("search:\n%s", out)
	}
	var hits []struct {
		Title      string   `json:"title"`
		Snippet    string   `json:"snippet"`
		Highlights [][2]int `json:"highlights"`
	}
	if err := json.Unmarshal([]byte(l.ok("search", "--json", "trams")), &hits); err != nil || len(hits) == 0 || len(hits[0].Highlights) == 0 {
		t.Fatalf("search --json: %v %+v", err, hits)
	}
	if out := l.ok("search", "zebra"); !strings.Contains(out, "No article matches") {
		t.Errorf("search miss: %s", out)
	}

	// OPML round trip.
	exported := l.ok("export")
	if strings.Count(exported, "xmlUrl=") != 3 {
		t.Errorf("export:\n%s", exported)
	}
	l2 := newLibEnv(t)
	if r := l2.run(exported, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "Imported 3 of 3") {
		t.Errorf("re-import: %+v", r)
	}
	if again := l2.ok("export"); stripDate(again) != stripDate(exported) {
		t.Errorf("round trip differs:\n%s\n---\n%s", exported, again)
	}

	// Remove keeps the saved article.
	if out := l.ok("remove", "Tram Blog"); !strings.Contains(out, "Unsubscribed from Tram Blog") {
		t.Errorf("remove: %s", out)
	}
	if out := l.ok("list", "--view", "saved"); !strings.Contains(out, "Tram Blog story 0") {
		t.Errorf("saved article gone with its feed:\n%s", out)
	}
	if r := l.run("", "remove", "Tram Blog"); r.code != 1 || !strings.Contains(r.stderr, "no such subscription") {
		t.Errorf("remove twice: %+v", r)
	}
	// Settings: defaults until written, written atomically, then read.
	if out := l.ok("config"); !strings.Contains(out, "retention_days = 30") || !strings.Contains(out, "absent") {
		t.Errorf("config:\n%s", out)
	}
	l.ok("config", "--init")
	if out := l.ok("config"); !strings.Contains(out, "(read from the file)") {
		t.Errorf("config after --init:\n%s", out)
	}
	if r := l.run("", "config", "--init"); r.code != 1 {
		t.Errorf("config --init twice: %+v", r)
	}
	for _, c := range []string{"add", "remove", "feeds", "refresh", "search", "open", "mark", "save", "import", "export", "config"} {
		if r := l.run("", c, "--help"); r.code != 0 || !strings.Contains(r.stdout, "Usage: brief "+c) {
			t.Errorf("%s --help: %+v", c, r)
		}
	}
}

func stripDate(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "dateCreated") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestProgressFitsTheWidth: a progress line is cut to the terminal's
// columns, whole characters only, so that the next one overwrites it
// (a wrapped line would stay on screen).
func TestProgressFitsTheWidth(t *testing.T) {
	var errb bytes.Buffer
	e := &env{stderr: &errb, width: 12}
	e.progress("[1/2] bücher.例え.jp: 3 new")
	got := strings.TrimPrefix(errb.String(), "\r\x1b[K")
	if want := "[1/2] büche"; got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}
	errb.Reset()
	e.width = 15
	e.progress("[1/2] bücher.例え.jp: 3 new")
	// 例 is two columns wide: it is left out whole rather than overflow.
	if got, want := errb.String(), "\r\x1b[K[1/2] bücher."; got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}
}
