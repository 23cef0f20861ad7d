package netcause

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
)

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// get wraps err as net/http does: url.Error around the cause.
func get(err error) error {
	return &url.Error{Op: "Get", URL: "https://news.example/feed", Err: err}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		err         error
		kind        Kind
		cause       string
		unreachable bool
	}{
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Name: "news.example", Err: "no such host", IsNotFound: true}}), NoHost, "host news.example not found", true},
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Name: "news.example", Err: "server misbehaving"}}), NoHost, "DNS lookup of news.example failed", true},
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), Refused, "connection refused", true},
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: timeoutErr{}}), DialTimeout, "connection timed out", true},
		{get(&net.OpError{Op: "read", Net: "tcp", Err: timeoutErr{}}), Timeout, "timed out", false},
		{get(&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), Closed, "the server closed the connection", false},
		{get(io.ErrUnexpectedEOF), Closed, "the server closed the connection", false},
		{get(x509.UnknownAuthorityError{}), TLS, "TLS certificate not trusted (x509: certificate signed by unknown authority)", false},
		{get(tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}), TLS, "TLS handshake failed (tls: first record does not look like a TLS handshake)", false},
		{get(errors.New("http: server gave HTTP response to HTTPS client")), TLS, "TLS handshake failed (the server speaks plain HTTP)", false},
		{get(fmt.Errorf("proxy said:\n  %w", errors.New("bad\tgateway\nhere"))), Other, "bad gateway here", false},
	} {
		kind, cause := Classify(tc.err)
		if kind != tc.kind || cause != tc.cause || Of(tc.err) != cause {
			t.Errorf("%v: %d %q, want %d %q", tc.err, kind, cause, tc.kind, tc.cause)
		}
		if got := Unreachable(tc.err); got != tc.unreachable {
			t.Errorf("%v: unreachable %v", tc.err, got)
		}
	}
}
