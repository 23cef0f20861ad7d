package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/fetch"
)

// What n does with links a page must not lead along, with pages that
// link in a circle, and with a page that never finishes loading.

const sentinel = "SENTINEL-SECRET-TEXT"

// storyPage is a saved or served article page whose next link is href.
func storyPage(title, href string) string {
	nav := ""
	if href != "" {
		nav = `<nav class="post-navigation"><a rel="next" href="` + href + `">Next article</a></nav>`
	}
	return `<!doctype html><html><head><title>` + title + `</title></head><body><article><h1>` + title + `</h1>
<p>` + strings.Repeat("The harbour board met on Tuesday and agreed the new timetable for the winter ferries. ", 5) + `</p>
<p>` + strings.Repeat("Residents said the later sailings would help shift workers get home from the port. ", 5) + `</p>
</article>` + nav + `</body></html>`
}

// recordingFetch is a Source.Fetch that records the addresses asked for
// and then runs fetch (nil: refuses, as there is no network).
type recordingFetch struct {
	mu    sync.Mutex
	urls  []string
	fetch func(ctx context.Context, url string) (*reader.Article, error)
}

func (r *recordingFetch) Fetch(ctx context.Context, url string) (*reader.Article, error) {
	r.mu.Lock()
	r.urls = append(r.urls, url)
	r.mu.Unlock()
	if r.fetch == nil {
		return nil, fmt.Errorf("%s was fetched", url)
	}
	return r.fetch(ctx, url)
}

func (r *recordingFetch) fetched() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls...)
}

// A saved page whose next link leads to a file outside the folder, to
// the system's files, to script or to an inline document: n reads and
// fetches nothing, and says the article is not here.
func TestNextToUnsafeLinkReadsNothing(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	news := filepath.Join(root, "news")
	for _, d := range []string{outside, news} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(outside, "secret.html")
	if err := os.WriteFile(secret, []byte(storyPage(sentinel, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	secretURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(secret)}).String()
	says := map[string]string{
		secretURL:                        "next article not in this collection",
		"../outside/secret.html":         "next article not in this collection",
		"file:///etc/passwd":             "next article not in this collection",
		"javascript:alert(1)":            "next link is a javascript: address, which brief does not follow",
		"data:text/html,<h1>inline</h1>": "next link is a data: address, which brief does not follow",
		"vbscript:msgbox(1)":             "next link is a vbscript: address, which brief does not follow",
	}
	for href, want := range says {
		t.Run(href, func(t *testing.T) {
			page := filepath.Join(news, "story.html")
			if err := os.WriteFile(page, []byte(storyPage("Ferry Timetable Agreed", href)), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := reader.Load(context.Background(), []string{news}, nil)
			if err != nil {
				t.Fatal(err)
			}
			rec := &recordingFetch{}
			tm := newTestModelOn(t, c, 100, 30, func(s *fakeSource) { s.fetch = rec.Fetch })
			tm.keys("enter")
			tm.expect("Ferry Timetable Agreed")
			tm.keys("n")
			tm.wait()
			tm.expect("Ferry Timetable Agreed")
			tm.expectNot(sentinel, "root:x:0:0", "loading")
			tm.expect(want)
			tm.expectNot("<h1>")
			if got := rec.fetched(); len(got) != 0 {
				t.Errorf("fetched %v", got)
			}
			tm.src.mu.Lock()
			defer tm.src.mu.Unlock()
			for loc := range tm.src.opened {
				if loc != page {
					t.Errorf("opened %s", loc)
				}
			}
		})
	}
}

// loopSite serves pages whose next links run in a circle (a → b → c →
// a) and one that links to itself, counting the requests for each.
type loopSite struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newLoopSite(t *testing.T) *loopSite {
	s := &loopSite{hits: map[string]int{}}
	next := map[string]string{"/a": "/b", "/b": "/c", "/c": "/a", "/self": "/self"}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to, ok := next[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, storyPage("Loop page "+strings.TrimPrefix(r.URL.Path, "/"), to))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *loopSite) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

// Pages linking in a circle: n goes round and round, each page fetched
// once, nothing fetched ahead of the reader, and back retraces the way.
func TestPagesLinkingInACircle(t *testing.T) {
	site := newLoopSite(t)
	c, err := reader.Load(context.Background(), []string{site.srv.URL + "/a"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recordingFetch{fetch: reader.FetchArticle}
	tm := newTestModelOn(t, c, 100, 30, func(s *fakeSource) { s.fetch = rec.Fetch })
	tm.keys("enter")
	tm.wait()
	tm.expect("Loop page a")
	if got := site.requests(); got["/a"] != 1 || len(got) != 1 {
		t.Fatalf("opening the first page made requests %v, want /a once (nothing fetched ahead)", got)
	}
	want := []string{"b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c", "a"}
	for i, w := range want {
		tm.keys("n")
		tm.wait()
		tm.expect("Loop page " + w)
		tm.expectNot("loading")
		if len(tm.pending) != 0 {
			t.Fatalf("step %d: %d loads still pending", i, len(tm.pending))
		}
	}
	for page, n := range site.requests() {
		if n != 1 {
			t.Errorf("%s fetched %d times going round, want once", page, n)
		}
	}
	if len(rec.fetched()) != 2 {
		t.Errorf("web fetches %v, want b and c", rec.fetched())
	}
	for _, w := range []string{"c", "b", "a", "c"} {
		tm.keys("backspace")
		tm.expect("Loop page " + w)
	}
}

// A page whose next link is itself has no next link (it is the page),
// and loading it makes one request.
func TestPageLinkingToItself(t *testing.T) {
	site := newLoopSite(t)
	c, err := reader.Load(context.Background(), []string{site.srv.URL + "/self"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Articles[0]; a.Next != nil {
		t.Fatalf("a link to the page itself was kept: %+v", a.Next)
	}
	rec := &recordingFetch{fetch: reader.FetchArticle}
	tm := newTestModelOn(t, c, 100, 30, func(s *fakeSource) { s.fetch = rec.Fetch })
	tm.keys("enter", "n", "n", "n")
	tm.wait()
	tm.expect("Loop page self", "no next article")
	if got := site.requests(); got["/self"] != 1 {
		t.Errorf("requests %v, want /self once", got)
	}
}

// trickleSite serves a page one byte every 50ms, forever, and reports
// when a request's context ends (the client went away).
type trickleSite struct {
	srv    *httptest.Server
	gone   chan struct{}
	served atomic.Int32
}

func newTrickleSite(t *testing.T) *trickleSite {
	s := &trickleSite{gone: make(chan struct{}, 8)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.served.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		defer func() { s.gone <- struct{}{} }()
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
	t.Cleanup(func() {
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
	return s
}

// While a web link loads from a server that never finishes, the reader
// answers keys and resizes and says it is loading; esc ends the request
// (the server sees the client go) and a result arriving after that is
// ignored.
func TestSlowWebLinkStaysResponsiveAndEscCancels(t *testing.T) {
	site := newTrickleSite(t)
	c := testCollection(t)
	c.Articles[3].Next = &reader.Link{Label: "Next", Title: "Slow Story", URL: site.srv.URL + "/slow", Kind: reader.KindRel, Resolved: true}
	tm := newTestModel(t, 100, 24, func(s *fakeSource) { s.fetch = reader.FetchArticle })
	tm.m.src.(*fakeSource).c = c
	tm.keys("G", "k", "enter")
	tm.expect("Delta Web Linked Story", "Slow Story (web) →")
	tm.patience = 50 * time.Millisecond // the fetch never ends by itself
	tm.keys("n")
	tm.expect("(esc cancels)")
	id := tm.m.fetch.id

	// Keys and resizes are handled at once while the page loads.
	start := time.Now()
	tm.keys("j", "k", "?")
	tm.expect("cancel loading")
	tm.keys("?")
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 20})
	tm.expect("Delta Web Linked Story", "(esc cancels)")
	if el := time.Since(start); el > time.Second {
		t.Errorf("keys took %v while loading", el)
	}
	for deadline := time.Now().Add(3 * time.Second); site.served.Load() == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the page was never requested")
		}
	}
	if n := site.served.Load(); n != 1 {
		t.Fatalf("the server saw %d requests", n)
	}

	tm.keys("esc")
	select {
	case <-site.gone:
	case <-time.After(3 * time.Second):
		t.Fatal("the server's request was not cancelled by esc")
	}
	tm.wait()
	tm.expect("Delta Web Linked Story", "loading cancelled")
	tm.expectNot("esc cancels", "cannot be shown")

	// A result for the cancelled load, late: ignored.
	tm.send(fetchedMsg{ID: id, URL: site.srv.URL + "/slow", Article: &reader.Article{Title: "Too Late", Location: site.srv.URL + "/slow", Body: "Late."}})
	tm.expectNot("Too Late")
	tm.expect("Delta Web Linked Story")
}

// The real fetch of a page from a trickling server ends at the
// fetcher's whole-exchange timeout, with a message that says so.
func TestSlowWebLinkTimesOutWithAReason(t *testing.T) {
	site := newTrickleSite(t)
	f := fetch.New()
	f.Timeout = 500 * time.Millisecond
	c := testCollection(t)
	c.Articles[3].Next = &reader.Link{Label: "Next", Title: "Slow Story", URL: site.srv.URL + "/slow", Kind: reader.KindRel, Resolved: true}
	tm := newTestModelOn(t, c, 100, 24, func(s *fakeSource) {
		s.fetch = func(ctx context.Context, u string) (*reader.Article, error) {
			resp, err := f.Fetch(ctx, fetch.Request{URL: u, Refuse: reader.NotWebPage})
			if err != nil {
				return nil, err
			}
			return reader.ParseFetched(resp.URL, resp.Body, resp.ContentType, true)
		}
	})
	tm.keys("G", "k", "enter")
	tm.patience = 5 * time.Second
	tm.keys("n")
	tm.wait()
	tm.expect("This article cannot be shown.", "timed out after 500ms while downloading")
}

// n on a link to a 10 GB video: the reader shows at once why it cannot
// be read, having read almost none of it.
func TestNextToADownload(t *testing.T) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "video/mp4")
		w.Header().Set("Content-Length", fmt.Sprint(int64(10<<30)))
		chunk := make([]byte, 32<<10)
		for r.Context().Err() == nil {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	c := testCollection(t)
	c.Articles[3].Next = &reader.Link{Label: "Next", Title: "Big Video", URL: srv.URL + "/video.mp4", Kind: reader.KindRel, Resolved: true}
	tm := newTestModelOn(t, c, 100, 24, func(s *fakeSource) { s.fetch = reader.FetchArticle })
	tm.keys("G", "k", "enter")
	tm.keys("n")
	tm.wait()
	tm.expect("This article cannot be shown.", "is not a web page (video/mp4)")
	srv.CloseClientConnections()
	srv.Close()
	if n := written.Load(); n > 32<<20 {
		t.Errorf("the server wrote %d bytes", n)
	}
}
