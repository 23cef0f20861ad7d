// Package fetch is the only code in brief that talks to the network.
// It is shared by web articles and feeds, so it knows nothing of HTML:
// it enforces what any download from an untrusted server needs (http(s)
// only, timeouts, a size cap, a redirect limit) and turns every failure
// into one line that names the URL (*Error).
package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/brief-news/brief/reader/internal/safetext"
)

// Request is one GET. Setting ETag or LastModified (from an earlier
// Response) makes it conditional: an unchanged resource then comes back
// as NotModified with no body.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// Accept overrides the Accept header; empty asks for HTML.
	Accept string
	// Refuse, when set, sees the Content-Type and the first bytes of a
	// 2xx body (up to SniffBytes) before the rest is read. A reason it
	// returns ends the fetch with that reason ("is not a web page
	// (video/mp4)"), so that a download brief cannot use is never read
	// to the end only to be thrown away. When the declared length is
	// over the cap, Refuse is asked with no head at all (nil), before
	// any of the body is read.
	Refuse func(contentType string, head []byte) string
	// SpoolOver, when above 0, writes a body longer than this many
	// bytes to a temporary file (Response.File) instead of holding it.
	SpoolOver int64
}

// SniffBytes is how much of a body Request.Refuse sees.
const SniffBytes = 1024

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	ContentType  string // the Content-Type header as sent ("" if none)
	ETag         string
	LastModified string
	Body         []byte // decompressed; nil when NotModified or spooled
	// File holds a body over Request.SpoolOver bytes; the caller
	// closes it.
	File        *Spooled
	NotModified bool
}

// Fetcher downloads resources with limits. Use New for defaults;
// the fields may be changed before first use.
type Fetcher struct {
	// Client makes the requests. New builds one whose transport
	// applies ConnectTimeout and whose redirect policy applies
	// MaxRedirects and refuses non-http(s) targets; a Client supplied
	// instead is used as it is, except that Timeout and MaxBytes still
	// apply and Fetch still checks the final URL (net/http itself has
	// no transport for file: or other schemes to be redirected to).
	Client    *http.Client
	UserAgent string
	// MaxBytes caps the decompressed body; a larger body is an error,
	// never silently truncated (a cut page would extract wrongly).
	MaxBytes int64
	// ConnectTimeout bounds the TCP connect and the TLS handshake.
	ConnectTimeout time.Duration
	// Timeout bounds the whole exchange, body included.
	Timeout time.Duration
	// MaxRedirects is the number of redirects followed before giving up.
	MaxRedirects int
}

// Defaults of New: generous enough for slow news sites, small
// enough that a stuck server does not freeze the reader.
const (
	DefaultUserAgent      = "Mozilla/5.0 (compatible; brief/1.0; +https://github.com/brief-news/brief)"
	DefaultMaxBytes       = 10 << 20
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxRedirects   = 10
	// maxHeaderBytes caps a response's headers (net/http's own default
	// is 10 MB).
	maxHeaderBytes = 1 << 20
	acceptHTML     = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
)

// Default is the fetcher brief uses for pages and feeds.
var Default = New()

// New returns a fetcher with the default limits and its own
// client (gzip is negotiated by the transport).
func New() *Fetcher {
	f := &Fetcher{
		UserAgent:      DefaultUserAgent,
		MaxBytes:       DefaultMaxBytes,
		ConnectTimeout: DefaultConnectTimeout,
		Timeout:        DefaultTimeout,
		MaxRedirects:   DefaultMaxRedirects,
	}
	// The dialer reads f.ConnectTimeout at dial time so that changing
	// the field after New still takes effect.
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			d := net.Dialer{Timeout: f.ConnectTimeout, KeepAlive: 30 * time.Second}
			return d.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:    DefaultConnectTimeout,
		ResponseHeaderTimeout:  DefaultTimeout,
		MaxResponseHeaderBytes: maxHeaderBytes,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	f.Client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	return f
}

// errTooManyRedirects and errBadRedirect end a redirect chain; Fetch
// turns them into messages.
var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadRedirect      = errors.New("redirect to a non-http(s) URL")
)

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if !WebURL(req.URL) {
		return errBadRedirect
	}
	if len(via) > f.MaxRedirects {
		return errTooManyRedirects
	}
	return nil
}

// WebURL reports whether u is an http or https URL with a host: the
// only kind brief ever requests.
func WebURL(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Error is a failed fetch: Error() is one line naming the URL.
// Status is the HTTP status when the server answered, 0 otherwise.
type Error struct {
	URL    string
	Status int
	Reason string
	Err    error // the underlying error, if any
}

// Error is clean of escape sequences: the reason can quote a server's
// words (a certificate's names, a status text).
func (e *Error) Error() string { return safetext.Clean(safetext.ShowName(e.URL) + " " + e.Reason) }
func (e *Error) Unwrap() error { return e.Err }

// Fetch performs one GET. Non-2xx answers other than 304 are errors.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil || !WebURL(u) {
		return nil, &Error{URL: r.URL, Reason: "is not an http(s) URL"}
	}
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{URL: r.URL, Reason: "is not a valid URL", Err: err}
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	accept := r.Accept
	if accept == "" {
		accept = acceptHTML
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	client := f.Client
	if client == nil {
		client = Default.Client
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, f.describe(ctx, r.URL, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if !WebURL(final) { // a custom Client may not check redirects
		return nil, &Error{URL: r.URL, Reason: "redirects to a non-http(s) URL"}
	}
	out := &Response{
		URL:          safetext.SafeURL(final),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &Error{URL: r.URL, Status: resp.StatusCode, Reason: "returned " + statusText(resp.StatusCode)}
	}
	max := f.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	// A declared length over the cap is refused before any of the body
	// is read. Otherwise the body is read in two steps, each bounded:
	// the head that Refuse judges, then the rest up to one byte over the
	// cap.
	if resp.ContentLength > max {
		// Nothing of the body is read: Refuse judges the type alone
		// (no head), so that a video is still called a video.
		if r.Refuse != nil {
			if why := r.Refuse(out.ContentType, nil); why != "" {
				return nil, &Error{URL: r.URL, Status: resp.StatusCode, Reason: why}
			}
		}
		return nil, &Error{URL: r.URL, Status: resp.StatusCode,
			Reason: "is too large (" + byteSize(resp.ContentLength) + ", over the " + byteSize(max) + " limit)"}
	}
	body := &countingReader{r: resp.Body}
	if r.Refuse != nil {
		head, err := io.ReadAll(io.LimitReader(body, SniffBytes))
		if err != nil {
			return nil, f.bodyError(ctx, r.URL, err, body.n, resp.ContentLength)
		}
		if why := r.Refuse(out.ContentType, head); why != "" {
			return nil, &Error{URL: r.URL, Status: resp.StatusCode, Reason: why}
		}
		body.r = io.MultiReader(bytes.NewReader(head), resp.Body)
		body.n = 0
	}
	var data []byte
	if r.SpoolOver > 0 {
		data, out.File, err = spoolBody(io.LimitReader(body, max+1), resp.ContentLength, r.SpoolOver)
	} else {
		data, err = readBody(io.LimitReader(body, max+1), resp.ContentLength, max)
	}
	if err != nil {
		return nil, f.bodyError(ctx, r.URL, err, body.n, resp.ContentLength)
	}
	if int64(len(data)) > max || (out.File != nil && out.File.Size() > max) {
		if out.File != nil {
			out.File.Close()
		}
		return nil, &Error{URL: r.URL, Status: resp.StatusCode, Reason: "is too large (over the " + byteSize(max) + " limit)"}
	}
	out.Body = data
	return out, nil
}

// readBody is io.ReadAll of r, a body of declared length n (-1 when
// unknown, as for a compressed or chunked one) and at most max+1
// bytes. A declared length is trusted only as a first size: the buffer
// is made that size (plus the byte that tells a longer body), so a
// 7 MB feed is one 7 MB allocation rather than io.ReadAll's doublings,
// about five times its size in garbage; a body that is longer or
// shorter than declared reads the same as through io.ReadAll.
func readBody(r io.Reader, n, max int64) ([]byte, error) {
	if n <= 0 || n > max {
		return io.ReadAll(r)
	}
	// io.ReadAll's loop from a buffer of the declared size.
	b := make([]byte, 0, n+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // longer than declared
		}
		m, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+m]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

// countingReader counts the bytes read, for messages about a body cut
// short.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
