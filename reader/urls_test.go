package reader

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/reader/fetch"
)

// A URL's query is kept byte for byte by url.URL.String(): SafeURL
// percent-encodes what a terminal would act on or a bidi override would
// disguise, and the URL still means the same.
func TestSafeURL(t *testing.T) {
	raw := "https://n.example/a?x=\u202eevil\u009b2J&q=caf\u00e9 #f"
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if s := u.String(); !strings.Contains(s, "\u202e") {
		t.Fatalf("url.URL.String() no longer keeps the query raw (%q): the test needs another case", s)
	}
	got := SafeURL(u)
	want := "https://n.example/a?x=%E2%80%AEevil%C2%9B2J&q=caf%C3%A9 #f"
	if got != want {
		t.Errorf("SafeURL = %q, want %q", got, want)
	}
	back, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if back.Query().Get("x") != u.Query().Get("x") || back.Query().Get("q") != u.Query().Get("q") {
		t.Errorf("the query changed meaning: %q, was %q", back.Query(), u.Query())
	}
	for _, s := range []string{"https://example.com/a?b=c#d", "", "https://example.com/%E2%80%AE"} {
		if CleanURL(s) != s {
			t.Errorf("CleanURL(%q) = %q, want it unchanged", s, CleanURL(s))
		}
	}
	if got := CleanURL("a\x1b[2J\x00b\xff"); got != "a%1B[2J%00b%FF" {
		t.Errorf("CleanURL of controls and invalid UTF-8 = %q", got)
	}
	for _, p := range hostiletest.Valid() {
		if err := hostiletest.Check([]byte(CleanURL("https://x.example/?q=" + p.Text))); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
}

// A page's canonical link, its next link and the address a fetch was
// redirected to carry no raw bidi override or C1 control.
func TestURLsAreEncoded(t *testing.T) {
	const evil = "x=\u202eevil\u009b2J"
	page := `<html><head><title>T</title><link rel="canonical" href="https://n.example/a?` + evil + `"></head>` +
		`<body><p>Words.</p><a rel="next" href="/b?` + evil + `">Next</a></body></html>`
	a, err := parsePage("page.html", "", []byte(page), "text/html", false)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://n.example/a?x=%E2%80%AEevil%C2%9B2J" {
		t.Errorf("URL %q", a.URL)
	}
	if a.Next == nil || a.Next.URL != "https://n.example/b?x=%E2%80%AEevil%C2%9B2J" {
		t.Errorf("next link %+v", a.Next)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Header().Set("Location", "/feed?"+evil)
			w.WriteHeader(http.StatusFound)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	resp, err := fetch.New().Fetch(context.Background(), fetch.Request{URL: srv.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/feed?x=%E2%80%AEevil%C2%9B2J" {
		t.Errorf("Response.URL %q", resp.URL)
	}
}
