package llm

// The HTTP side: a cap on what one response may send, and the endpoint
// as messages show it.

import (
	"errors"
	"io"
	"net/http"
	"net/url"
)

// errBodyTooLarge stops a response that sends more than maxBodyBytes.
var errBodyTooLarge = errors.New("response too large")

// capTransport caps every response body at maxBodyBytes: a server that
// streams without end costs a bounded amount of memory and time.
type capTransport struct{ base http.RoundTripper }

func (t capTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	res, err := t.base.RoundTrip(r)
	if err == nil {
		res.Body = &cappedBody{rc: res.Body, left: maxBodyBytes}
	}
	return res, err
}

type cappedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }

// showURL is the endpoint as messages show it: without user name,
// password, query or fragment, any of which may hold a secret.
func showURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "the configured endpoint"
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}
