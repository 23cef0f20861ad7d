// Package netcause says in a few words why a request never got an
// answer: "connection refused", "host news.example not found", "TLS
// certificate not trusted (…)". net/http's errors repeat the method and
// URL and nest several causes; a message needs the one that tells the
// reader what to do. The page and feed fetcher, the model client and
// the sync client each put it in their own sentence.
package netcause

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
)

// Kind is what kind of failure a cause is.
type Kind int

// The kinds Classify tells apart.
const (
	Other       Kind = iota
	NoHost           // no such host, or its lookup failed
	TLS              // certificate or handshake
	Refused          // nothing listens there
	DialTimeout      // no connection within the time allowed
	Timeout          // connected, then no answer in time
	Closed           // the server closed the connection
)

// Of is err's network cause in a few words (Classify's).
func Of(err error) string {
	_, cause := Classify(err)
	return cause
}

// Classify is err's network cause in a few words, or the innermost
// error's text, on one line, and its kind.
func Classify(err error) (Kind, string) {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	var alertErr tls.AlertError
	switch {
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return NoHost, "host " + dnsErr.Name + " not found"
		}
		return NoHost, "DNS lookup of " + dnsErr.Name + " failed"
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &invalidCert):
		return TLS, "TLS certificate not trusted (" + Innermost(err) + ")"
	case errors.As(err, &recordErr), errors.As(err, &alertErr):
		return TLS, "TLS handshake failed (" + Innermost(err) + ")"
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http says this as a bare string, not a typed error.
		return TLS, "TLS handshake failed (the server speaks plain HTTP)"
	case IsTimeout(err):
		if op, ok := opError(err); ok && op.Op == "dial" {
			return DialTimeout, "connection timed out"
		}
		return Timeout, "timed out"
	case errors.Is(err, syscall.ECONNREFUSED):
		return Refused, "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return Closed, "the server closed the connection"
	}
	return Other, Innermost(err)
}

// Unreachable reports a request that never reached a server: no such
// host, nothing listening, no route.
func Unreachable(err error) bool {
	var dnsErr *net.DNSError
	op, ok := opError(err)
	return errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &dnsErr) || (ok && op.Op == "dial")
}

// IsTimeout reports a network timeout.
func IsTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func opError(err error) (*net.OpError, bool) {
	var op *net.OpError
	ok := errors.As(err, &op)
	return op, ok
}

// Innermost is the text of the deepest wrapped error, on one line:
// "x509: certificate signed by unknown authority" rather than the
// `Get "https://…": tls: …` chain around it.
func Innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			break
		}
		err = next
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
