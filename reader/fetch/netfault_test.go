package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Hostile and broken servers on loopback: each test names the fault,
// and asserts that the fetch ends within its limits, that the server
// could not push more than the cap (plus what the sockets buffer), and
// that the error says what happened.

// fetchWithin runs Fetch and fails the test when it does not return
// within limit: without the protection under test a fetch would hang,
// and the test must still end.
func fetchWithin(t *testing.T, f *Fetcher, r Request, limit time.Duration) (*Response, error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		resp *Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := f.Fetch(ctx, r)
		done <- result{resp, err}
	}()
	select {
	case res := <-done:
		return res.resp, res.err
	case <-time.After(limit):
		cancel()
		<-done
		t.Fatalf("Fetch(%s) still running after %v", r.URL, limit)
		return nil, nil
	}
}

// reasonOf checks that err is a one-line *Error naming u and
// returns its reason.
func reasonOf(t *testing.T, u string, err error) string {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("%s: error %T %v is not a *fetch.Error", u, err, err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, u+" ") || strings.Contains(msg, "\n") {
		t.Errorf("error %q is not one line starting with the URL", msg)
	}
	return fe.Reason
}

// streamer is a handler that writes chunk after chunk until the client
// goes away (or total bytes are written, when total > 0), counting the
// bytes the client's socket accepted.
type streamer struct {
	contentType   string
	contentLength int64 // declared; 0 sends none
	total         int64
	binary        bool // zeros rather than markup
	written       atomic.Int64
}

func (s *streamer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.contentType != "" {
		w.Header().Set("Content-Type", s.contentType)
	}
	if s.contentLength > 0 {
		w.Header().Set("Content-Length", strconv.FormatInt(s.contentLength, 10))
	}
	w.WriteHeader(http.StatusOK)
	chunk := bytes.Repeat([]byte("<p>stream</p>\n"), 32<<10/14)
	if s.binary {
		chunk = make([]byte, 32<<10)
	}
	for s.total <= 0 || s.written.Load() < s.total {
		if r.Context().Err() != nil {
			return
		}
		n, err := w.Write(chunk)
		s.written.Add(int64(n))
		if err != nil {
			return
		}
	}
}

// allocated is the memory a call allocates, to tell a body read up to
// the cap from one read whole and measured afterwards (as it would be
// without the race detector).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / raceAlloc
}

// socketSlack bounds what loopback sockets buffer between a server that
// keeps writing and a client that stopped reading.
const socketSlack = 16 << 20

// A server that sends its headers and part of the body, then nothing:
// the whole-exchange timeout ends the fetch, and the message says how
// much came.
func TestFetchStallMidBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "1000")
		w.Write([]byte(strings.Repeat("x", 100)))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	f := newTestFetcher()
	f.Timeout = 300 * time.Millisecond
	start := time.Now()
	_, err := fetchWithin(t, f, Request{URL: srv.URL}, 5*time.Second)
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v despite a 300ms timeout", el)
	}
	if got, want := reasonOf(t, srv.URL, err), "timed out after 300ms while downloading (got 100 of 1000 bytes)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
}

// A server that trickles one byte at a time: every read makes progress,
// so only a deadline on the whole exchange (not an idle timeout) ends it.
func TestFetchTrickle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
			case <-time.After(100 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	f := newTestFetcher()
	f.Timeout = time.Second
	start := time.Now()
	_, err := fetchWithin(t, f, Request{URL: srv.URL}, 10*time.Second)
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v despite a 1s timeout", el)
	}
	got := reasonOf(t, srv.URL, err)
	if !strings.HasPrefix(got, "timed out after 1s while downloading (got ") || !strings.HasSuffix(got, " bytes)") {
		t.Errorf("reason %q", got)
	}
}

// Content-Length that promises more than comes is a connection closed
// early, with the count; one that promises less is what is read (the
// rest is not part of the response).
func TestFetchContentLengthLies(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/more", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>short")
		buf.Flush()
		conn.Close() // an orderly close (FIN), not a reset
	})
	mux.HandleFunc("/less", func(w http.ResponseWriter, r *http.Request) {
		// Connection: close keeps the extra bytes from being read as a
		// stray response on a pooled connection (which net/http logs).
		conn, buf, _ := w.(http.Hijacker).Hijack()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<html>and a lot more that was not declared")
		buf.Flush()
		conn.Close()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newTestFetcher()
	_, err := fetchWithin(t, f, Request{URL: srv.URL + "/more"}, 5*time.Second)
	if got, want := reasonOf(t, srv.URL+"/more", err), "cannot be fetched: the server closed the connection early (got 11 of 5000 bytes)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	resp, err := fetchWithin(t, f, Request{URL: srv.URL + "/less"}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<html>" {
		t.Errorf("body %q, want the declared 6 bytes", resp.Body)
	}
}

// Redirects to ever new addresses end at the limit, after exactly the
// requests it allows; redirects out of http(s) are never followed.
func TestFetchRedirectsForever(t *testing.T) {
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n), http.StatusFound)
	})
	targets := []string{"file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,<h1>hi</h1>", "javascript:alert(1)", "vbscript:msgbox"}
	for i, to := range targets {
		mux.HandleFunc(fmt.Sprintf("/to/%d", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", to)
			w.WriteHeader(http.StatusFound)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newTestFetcher()
	_, err := fetchWithin(t, f, Request{URL: srv.URL + "/r/0"}, 5*time.Second)
	if got := reasonOf(t, srv.URL+"/r/0", err); got != "cannot be fetched: more than 3 redirects (a redirect loop?)" {
		t.Errorf("reason %q", got)
	}
	if n := hits.Load(); n != 4 {
		t.Errorf("the server saw %d requests, want 4 (the first and 3 redirects)", n)
	}
	for i, to := range targets {
		u := fmt.Sprintf("%s/to/%d", srv.URL, i)
		_, err := fetchWithin(t, f, Request{URL: u}, 5*time.Second)
		if got := reasonOf(t, u, err); got != "redirects to a non-http(s) URL" {
			t.Errorf("redirect to %s: reason %q", to, got)
		}
	}
}

// 50 MB, declared or not: refused at the cap (the real 10 MB one),
// without the server getting much more than that onto the wire.
func TestFetchFiftyMegabytes(t *testing.T) {
	const fifty = 50 << 20
	for _, declared := range []bool{true, false} {
		t.Run(fmt.Sprintf("declared=%v", declared), func(t *testing.T) {
			s := &streamer{contentType: "text/html", total: fifty}
			if declared {
				s.contentLength = fifty
			}
			srv := httptest.NewServer(s)
			defer srv.Close()
			var err error
			mem := allocated(func() { _, err = fetchWithin(t, New(), Request{URL: srv.URL}, 20*time.Second) })
			if mem > 40<<20 {
				t.Errorf("the fetch allocated %d MB", mem>>20)
			}
			want := "is too large (over the 10 MB limit)"
			if declared {
				want = "is too large (50 MB, over the 10 MB limit)"
			}
			if got := reasonOf(t, srv.URL, err); got != want {
				t.Errorf("reason %q, want %q", got, want)
			}
			srv.Close() // waits for the handler
			limit := int64(socketSlack)
			if !declared {
				limit += DefaultMaxBytes
			}
			if n := s.written.Load(); n > limit {
				t.Errorf("the server wrote %d bytes, want at most %d", n, limit)
			}
		})
	}
}

// A small gzip body that inflates to 50 MB hits the cap on the
// inflated size, after inflating no more than the cap.
func TestFetchGzipBomb(t *testing.T) {
	var bomb bytes.Buffer
	z, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 50; i++ {
		z.Write(zero)
	}
	z.Close()
	if bomb.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes, not small", bomb.Len())
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		w.Write(bomb.Bytes())
	}))
	defer srv.Close()
	var err error
	mem := allocated(func() { _, err = fetchWithin(t, New(), Request{URL: srv.URL}, 20*time.Second) })
	if got := reasonOf(t, srv.URL, err); got != "is too large (over the 10 MB limit)" {
		t.Errorf("reason %q", got)
	}
	if mem > 40<<20 { // reading up to the cap allocates about twice the cap
		t.Errorf("the fetch allocated %d MB inflating the bomb", mem>>20)
	}
}

// A server that never answers, and one that trickles its status line
// and headers: the whole-exchange timeout holds before the body too.
func TestFetchStallBeforeHeaders(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		defer conn.Close()
		for _, c := range []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + strings.Repeat("x", 200)) {
			buf.WriteByte(c)
			if buf.Flush() != nil {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newTestFetcher()
	f.Timeout = 500 * time.Millisecond
	for _, p := range []string{"/silent", "/headers"} {
		start := time.Now()
		_, err := fetchWithin(t, f, Request{URL: srv.URL + p}, 10*time.Second)
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("%s: took %v despite a 500ms timeout", p, el)
		}
		if got := reasonOf(t, srv.URL+p, err); got != "timed out after 500ms waiting for the server to answer" {
			t.Errorf("%s: reason %q", p, got)
		}
	}
}

// A flood of headers (5 MB: under net/http's own 10 MB cap) is refused
// at brief's 1 MB.
func TestFetchHeaderFlood(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\n")
		line := "X-Flood: " + strings.Repeat("y", 4000) + "\r\n"
		for i := 0; i < (5<<20)/len(line); i++ {
			if _, err := buf.WriteString(line); err != nil {
				return
			}
		}
		buf.WriteString("Content-Length: 0\r\n\r\n")
		buf.Flush()
	}))
	defer srv.Close()
	_, err := fetchWithin(t, newTestFetcher(), Request{URL: srv.URL}, 10*time.Second)
	if got := reasonOf(t, srv.URL, err); got != "cannot be fetched: the server's headers are too large (over 1 MB)" {
		t.Errorf("reason %q", got)
	}
}

// A declared length over the cap is refused before the body is read,
// even when the request has a Refuse (which would read the first
// kilobyte): Refuse never sees the body.
func TestFetchDeclaredSizeBeforeRefuse(t *testing.T) {
	const fifty = 50 << 20
	s := &streamer{contentType: "text/html", contentLength: fifty, total: fifty}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var sniffed atomic.Int64
	r := Request{URL: srv.URL, Refuse: func(_ string, head []byte) string {
		sniffed.Add(int64(len(head)))
		return ""
	}}
	_, err := fetchWithin(t, New(), r, 20*time.Second)
	if got, want := reasonOf(t, srv.URL, err), "is too large (50 MB, over the 10 MB limit)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	if n := sniffed.Load(); n != 0 {
		t.Errorf("Refuse saw %d bytes of the body before the declared size was refused", n)
	}
	srv.CloseClientConnections()
	srv.Close()
	if n := s.written.Load(); n > socketSlack {
		t.Errorf("the server wrote %d bytes, want at most %d", n, socketSlack)
	}
}
