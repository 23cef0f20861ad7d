package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A feed reached through a redirect whose Location carries a bidi
// override and a C1 CSI in its query, an item link and a saved page's
// canonical link doing the same: brief add, list --json and read --json
// print them percent-encoded, never raw.
func TestHostileURLs(t *testing.T) {
	const evil = "a=\u202eevil\u009b2J"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Header().Set("Location", "/feed?"+evil)
			w.WriteHeader(http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		doc := rss("Evil", "evil", 2, false)
		doc = strings.ReplaceAll(doc, "LINK/evil/1.html", "http://"+r.Host+"/item?"+evil)
		fmt.Fprint(w, strings.ReplaceAll(doc, "LINK", "http://"+r.Host))
	}))
	defer srv.Close()
	l := newLibEnv(t)
	raw := func(what, s string) {
		t.Helper()
		if strings.ContainsAny(s, "\u202e\u009b") {
			t.Errorf("%s carries a raw U+202E or U+009B: %q", what, s)
		}
	}
	r := l.run("", "add", srv.URL+"/")
	if r.code != 0 || !strings.Contains(r.stdout, "/feed?a=%E2%80%AEevil%C2%9B2J") {
		t.Fatalf("add: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	raw("add", r.stdout+r.stderr)
	checkOutput(t, "add", r)
	for _, args := range [][]string{{"list", "--json"}, {"feeds", "--json"}, {"feeds"}, {"list"}} {
		out := l.ok(args...)
		raw(strings.Join(args, " "), out)
		if args[len(args)-1] == "--json" {
			checkJSON(t, strings.Join(args, " "), out)
		}
	}
	if out := l.ok("list", "--json"); !strings.Contains(out, "/item?a=%E2%80%AEevil%C2%9B2J") {
		t.Errorf("list --json has no encoded item link:\n%s", out)
	}

	page := filepath.Join(t.TempDir(), "page.html")
	html := `<html><head><title>Canonical</title><link rel="canonical" href="https://n.example/a?x=` + "\u202eevil" + `"></head><body><article><p>` +
		strings.Repeat("A paragraph of ordinary words about the harbour trams. ", 20) + `</p></article></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	r = brief(t, "", "read", page, "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"url": "https://n.example/a?x=%E2%80%AEevil"`) {
		t.Fatalf("read --json: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	raw("read --json", r.stdout)
	checkJSON(t, "read --json", r.stdout)
}

// The trim note counts the items the parse kept, not the articles
// stored: ten of the newest share a GUID and are stored once.
func TestFeedTrimNoteWithDuplicates(t *testing.T) {
	doc := rss("Archive", "archive", 1_500, false)
	for i := 1490; i < 1500; i++ {
		doc = strings.Replace(doc, fmt.Sprintf("<guid>archive-%d</guid>", i), "<guid>archive-same</guid>", 1)
	}
	url := serveRSS(t, doc)
	l := newLibEnv(t)
	note := "brief: " + strings.TrimPrefix(url, "http://") + "/a.xml: kept the newest 1,000 of 1,500 items\n"
	r := l.run("", "add", url+"/a.xml")
	if r.code != 0 || !strings.Contains(r.stdout, ": 991 articles") || r.stderr != note {
		t.Fatalf("add: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
