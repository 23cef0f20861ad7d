package remote

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/brief-news/brief/internal/netcause"
	"github.com/brief-news/brief/reader"
	mfclient "miniflux.app/v2/client"
)

// Error is a sync's failure, said in one line that names the server:
// "sync with example.com: wrong user or password (401)".
type Error struct {
	Server  string
	Problem string
	Status  int // the HTTP status, 0 when there was no answer
	Err     error
	// Refused: the server would not subscribe to a feed (it found none
	// there, or could not fetch it); the rest of a sync goes on.
	Refused bool
}

func (e *Error) Error() string {
	return reader.CleanLine("sync with " + host(e.Server) + ": " + e.Problem)
}

func (e *Error) Unwrap() error { return e.Err }

// Unauthorized reports whether the server refused the credentials.
func (e *Error) Unauthorized() bool {
	return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
}

func host(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host + strings.TrimRight(p.Path, "/")
	}
	return u
}

// explain turns a failed request into an *Error: what happened, in
// words, with the HTTP status when there was one.
func explain(server, op string, status int, err error) error {
	if err == nil && status < 400 {
		return nil
	}
	var re *Error
	if errors.As(err, &re) {
		return err
	}
	if status == 0 && err != nil {
		// The Miniflux client says other statuses only in its text.
		if _, after, ok := strings.Cut(err.Error(), "status code="); ok {
			fmt.Sscan(after, &status)
		}
	}
	var problem string
	var ne net.Error
	var oe *net.OpError
	switch {
	case errors.Is(err, context.Canceled):
		problem = op + ": stopped"
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		problem = op + ": the server did not answer in time"
	case errors.Is(err, mfclient.ErrNotAuthorized) || status == http.StatusUnauthorized:
		status = http.StatusUnauthorized
		problem = "wrong user, password or token (401 Unauthorized)"
	case errors.Is(err, mfclient.ErrForbidden) || status == http.StatusForbidden:
		status = http.StatusForbidden
		problem = "access refused (403 Forbidden): is the API enabled for this user?"
	case errors.Is(err, mfclient.ErrServerError) || status >= 500 || (err != nil && strings.Contains(err.Error(), "internal server error")):
		if status == 0 {
			status = 500
		}
		problem = fmt.Sprintf("%s: server error (%d)", op, status)
	case errors.As(err, &oe) || errors.As(err, new(*net.DNSError)):
		problem = "cannot reach the server (" + netcause.Of(err) + ")"
	case status >= 400:
		problem = fmt.Sprintf("%s: the server answered %d %s", op, status, http.StatusText(status))
	default:
		problem = op + ": " + lastPart(err)
	}
	return &Error{Server: server, Problem: problem, Status: status, Err: err}
}

// lastPart is the end of a wrapped error's text ("connection refused").
func lastPart(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}
