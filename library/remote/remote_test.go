package remote

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library/remote/fake"
)

func TestDecimalID(t *testing.T) {
	for in, want := range map[string]string{
		"tag:google.com,2005:reader/item/000000000000007b": "123",
		"123":                                "123",
		"tag:google.com,2005:reader/item/zz": "",
		"feed/1":                             "",
	} {
		if got := decimalID(in); got != want {
			t.Errorf("decimalID(%q) = %q, want %q", in, got, want)
		}
	}
}

// An Auth token the server stops taking (it expired, the server
// restarted) is asked for again, once.
func TestGReaderLogsInAgain(t *testing.T) {
	srv := fake.New()
	defer srv.Close()
	srv.AddEntries(srv.AddFeed("https://a.example/feed", "A", "News"), 3, "<p>x</p>")
	g := NewGReader(srv.URL, srv.User, srv.Password, &http.Client{Timeout: 5 * time.Second})
	if _, err := g.Feeds(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.SetFault(func(n int, r *http.Request) int {
		if n == 1 {
			return http.StatusUnauthorized
		}
		return 0
	})
	fs, err := g.Feeds(context.Background())
	if err != nil || len(fs) != 1 || fs[0].Category != "News" {
		t.Fatalf("after a 401: %+v, %v", fs, err)
	}
	if srv.Requests["/accounts/ClientLogin"] != 2 {
		t.Errorf("logged in %d times, want 2", srv.Requests["/accounts/ClientLogin"])
	}
	// Refused every time: one line, no loop.
	srv.SetFault(func(int, *http.Request) int { return http.StatusUnauthorized })
	_, err = g.Feeds(context.Background())
	var re *Error
	if !errors.As(err, &re) || !re.Unauthorized() || strings.Count(err.Error(), "\n") > 0 {
		t.Errorf("refused: %v", err)
	}
}

func TestExplain(t *testing.T) {
	for _, tc := range []struct {
		status int
		err    error
		want   string
	}{
		{0, errors.New("miniflux: status code=503"), "sync with mf.example: fetching articles: server error (503)"},
		{502, nil, "sync with mf.example: fetching articles: server error (502)"},
		{404, nil, "sync with mf.example: fetching articles: the server answered 404 Not Found"},
		{401, nil, "sync with mf.example: wrong user, password or token (401 Unauthorized)"},
		{0, context.DeadlineExceeded, "sync with mf.example: fetching articles: the server did not answer in time"},
		{0, errors.New("bad\x1b[31m thing"), "sync with mf.example: fetching articles: bad thing"},
	} {
		err := explain("https://mf.example/", "fetching articles", tc.status, tc.err)
		if err == nil || err.Error() != tc.want {
			t.Errorf("explain(%d, %v) = %v, want %s", tc.status, tc.err, err, tc.want)
		}
	}
}
