package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-news/brief/reader/fetch"
)

// The article fetch (package fetch, with NotWebPage as its Refuse) on a
// hostile loopback server. The fetcher's own faults are tested in
// package fetch.

// reasonOf checks that err is a one-line *fetch.Error naming u and
// returns its reason.
func reasonOf(t *testing.T, u string, err error) string {
	t.Helper()
	var fe *fetch.Error
	if !errors.As(err, &fe) {
		t.Fatalf("%s: error %T %v is not a *fetch.Error", u, err, err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, u+" ") || strings.Contains(msg, "\n") {
		t.Errorf("error %q is not one line starting with the URL", msg)
	}
	return fe.Reason
}

// streamer is a handler that writes chunk after chunk until the client
// goes away, counting the bytes the client's socket accepted.
type streamer struct {
	contentType   string
	contentLength int64 // declared; 0 sends none
	binary        bool  // zeros rather than markup
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
	for r.Context().Err() == nil {
		n, err := w.Write(chunk)
		s.written.Add(int64(n))
		if err != nil {
			return
		}
	}
}

// socketSlack bounds what loopback sockets buffer between a server that
// keeps writing and a client that stopped reading.
const socketSlack = 16 << 20

// A link to a 10 GB download (declared or endless, typed as a download,
// a video or a page) is refused without being read: a type that is not
// a page before the body, a page by its size.
func TestFetchArticleRefusesDownloads(t *testing.T) {
	const tenGB = 10 << 30
	tests := []struct {
		contentType string
		length      int64
		want        string
		maxWritten  int64
	}{
		{"application/octet-stream", tenGB, "is not a web page (application/octet-stream)", socketSlack},
		{"video/mp4", tenGB, "is not a web page (video/mp4)", socketSlack},
		{"application/octet-stream", 0, "is not a web page (application/octet-stream)", socketSlack},
		{"video/mp4", 0, "is not a web page (video/mp4)", socketSlack},
		{"text/html", tenGB, "is too large (10 GB, over the 10 MB limit)", socketSlack},
		{"text/html", 0, "is too large (over the 10 MB limit)", socketSlack + fetch.DefaultMaxBytes},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.contentType, tt.length), func(t *testing.T) {
			s := &streamer{contentType: tt.contentType, contentLength: tt.length}
			// A download's bytes are binary: the sniff of a generic type
			// must not take them for a page either.
			s.binary = tt.contentType != "text/html"
			srv := httptest.NewServer(s)
			defer srv.Close()
			start := time.Now()
			done := make(chan error, 1)
			go func() {
				_, err := FetchArticle(context.Background(), srv.URL+"/movie")
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				srv.CloseClientConnections()
				t.Fatal("FetchArticle is still downloading after 20s")
			}
			if got := reasonOf(t, srv.URL+"/movie", err); got != tt.want {
				t.Errorf("reason %q, want %q", got, tt.want)
			}
			srv.CloseClientConnections()
			srv.Close()
			if n := s.written.Load(); n > tt.maxWritten {
				t.Errorf("the server wrote %d bytes in %v, want at most %d", n, time.Since(start), tt.maxWritten)
			}
		})
	}
}
