package reader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Several URLs are fetched at once, at most MaxConcurrentURLs at a
// time; a stalled server holds up none of the others, and cancelling
// keeps every page that arrived, in the order given.
func TestLoadURLsConcurrentlyPastAStalledServer(t *testing.T) {
	var inFlight, most atomic.Int32
	served := make(chan string, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		if r.URL.Path == "/stall" {
			<-r.Context().Done()
			return
		}
		time.Sleep(30 * time.Millisecond) // long enough for requests to overlap
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article><h1>Page %s</h1><p>%s</p></article></body></html>",
			r.URL.Path[1:], r.URL.Path[1:], strings.Repeat("Words of the page. ", 40))
		served <- r.URL.Path
	}))
	defer func() {
		srv.CloseClientConnections()
		srv.Close()
	}()
	sources := []string{srv.URL + "/1", srv.URL + "/stall"}
	for i := 2; i <= 8; i++ {
		sources = append(sources, fmt.Sprintf("%s/%d", srv.URL, i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 8 {
			select {
			case <-served:
			case <-time.After(10 * time.Second):
				t.Error("the pages after the stalled one were not fetched")
				cancel()
				return
			}
		}
		// Every other page arrived: the user presses esc.
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	start := time.Now()
	c, err := Load(ctx, sources, nil)
	wg.Wait()
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("Load took %v", el)
	}
	if m := most.Load(); m > MaxConcurrentURLs || m < 2 {
		t.Errorf("%d requests at once, want 2 to %d", m, MaxConcurrentURLs)
	}
	if len(c.Articles) != 8 {
		t.Fatalf("%d articles arrived, want 8 (err %v)", len(c.Articles), err)
	}
	for i, a := range c.Articles {
		want := fmt.Sprintf("Page %d", i+1)
		if a.Title != want {
			t.Errorf("article %d is %q, want %q (the order given)", i, a.Title, want)
		}
	}
	if err == nil || err.Error() != srv.URL+"/stall was not fetched: cancelled" {
		t.Errorf("err = %v, want the stalled URL named as not fetched", err)
	}
}
