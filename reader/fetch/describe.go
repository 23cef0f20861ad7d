package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"

	"github.com/brief-news/brief/internal/netcause"
)

// Failures as people read them: one cause, in words that say what to
// do, never net/http's nested chain.

// bodyError describes a failure while the body was read: got bytes had
// come of the declared length (-1 when the server did not say).
func (f *Fetcher) bodyError(ctx context.Context, u string, err error, got, declared int64) error {
	fe := &Error{URL: u, Err: err}
	received := byteCount(got)
	if declared >= 0 {
		received = fmt.Sprint(got) + " of " + byteCount(declared)
	}
	var spool *spoolError
	switch {
	case errors.As(err, &spool):
		fe.Reason = "could not be written to a temporary file (" + netcause.Innermost(spool.err) + ")"
	case errors.Is(err, context.Canceled):
		fe.Reason = "was not fetched: cancelled"
	case (errors.Is(err, context.DeadlineExceeded) || netcause.IsTimeout(err)) && ctx.Err() != nil && f.Timeout > 0:
		if got == 0 {
			fe.Reason = "timed out after " + f.Timeout.String() + ": the server answered, then sent nothing"
		} else {
			fe.Reason = "timed out after " + f.Timeout.String() + " while downloading (got " + received + ")"
		}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		fe.Reason = "cannot be fetched: the server closed the connection early (got " + received + ")"
	default:
		return f.describe(ctx, u, err)
	}
	return fe
}

// byteCount is an exact count for messages: "1 byte", "13 bytes".
func byteCount(n int64) string {
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprint(n) + " bytes"
}

// byteSize writes a size for people: "10 MB", "512 KB", "100 bytes",
// and sizes that are not round to one decimal: "10.5 GB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// statusText is "404 Not Found", or just the code when it has no name.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}

// describe turns a transport error into a one-line Error. The
// net/http messages repeat the method and URL and nest several causes;
// people need the one cause that tells them what to do.
func (f *Fetcher) describe(ctx context.Context, u string, err error) error {
	fe := &Error{URL: u, Err: err}
	switch {
	case errors.Is(err, errTooManyRedirects):
		fe.Reason = fmt.Sprintf("cannot be fetched: more than %d redirects (a redirect loop?)", f.MaxRedirects)
	case errors.Is(err, errBadRedirect):
		fe.Reason = "redirects to a non-http(s) URL"
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil && f.Timeout > 0:
		fe.Reason = "timed out after " + f.Timeout.String() + " waiting for the server to answer"
	case errors.Is(err, context.Canceled):
		fe.Reason = "was not fetched: cancelled"
	case strings.Contains(err.Error(), "server response headers exceeded"):
		// net/http reports this as a bare string, not a typed error.
		fe.Reason = "cannot be fetched: the server's headers are too large (over " + byteSize(maxHeaderBytes) + ")"
	default:
		switch kind, cause := netcause.Classify(err); kind {
		case netcause.DialTimeout:
			fe.Reason = "cannot be fetched: connection timed out after " + f.ConnectTimeout.String()
		case netcause.Timeout:
			fe.Reason = "timed out"
		default:
			fe.Reason = "cannot be fetched: " + cause
		}
	}
	return fe
}
