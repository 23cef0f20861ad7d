package reader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Web pages whose next links run in a circle, loaded together: each is
// fetched once (links are never followed while loading), every link
// resolves within the collection, and the list holds each page once,
// in reading order from a page the circle is cut at.
func TestLoadPagesLinkingInACircle(t *testing.T) {
	next := map[string]string{"/a": "/b", "/b": "/c", "/c": "/a", "/self": "/self"}
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		title := "Circle page " + strings.TrimPrefix(r.URL.Path, "/")
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article>
<nav class="post-navigation"><a rel="next" href="%s">Next article</a></nav></body></html>`,
			title, title, strings.Repeat("Words about the circle and the town. ", 30), next[r.URL.Path])
	}))
	defer srv.Close()
	var srcs []string
	for _, p := range []string{"/b", "/a", "/c", "/self"} {
		srcs = append(srcs, srv.URL+p)
	}
	c, err := Load(context.Background(), srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for p, n := range hits {
		if n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	var order []string
	for _, a := range c.Articles {
		order = append(order, strings.TrimPrefix(a.Location, srv.URL))
	}
	if got := strings.Join(order, " "); got != "/a /b /c /self" {
		t.Errorf("list order %q, want the circle cut before its first page by location, then the page linking itself", got)
	}
	for _, p := range []string{"/a", "/b", "/c"} {
		if l := c.Lookup(srv.URL + p).Next; !l.InCollection() || l.Target != srv.URL+next[p] {
			t.Errorf("%s next %+v", p, l)
		}
	}
	if l := c.Lookup(srv.URL + "/self").Next; l != nil {
		t.Errorf("a page's link to itself was kept: %+v", l)
	}
}
