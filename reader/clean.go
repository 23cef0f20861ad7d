package reader

import (
	"net/url"

	"github.com/brief-news/brief/reader/internal/safetext"
)

// The rest of brief makes untrusted text safe with these; they are
// reader's sub-packages' own rules (package safetext), shared so that
// there is one.

// Clean makes untrusted text safe to reach a terminal: it removes escape
// and control sequences, C0 and C1 controls, bidirectional overrides and
// invisible characters (package inert has the rule), keeping newlines
// and turning tabs into spaces; U+2028/U+2029 become newlines and
// invalid UTF-8 becomes U+FFFD. Every string that comes from an article
// or a feed passes through it before anything shows it.
func Clean(s string) string { return safetext.Clean(s) }

// CleanLine is Clean for text shown on one line: titles, feed names,
// snippets and messages. Runs of white space, newlines included, become
// one space, and leading and trailing space goes.
func CleanLine(s string) string { return safetext.CleanLine(s) }

// CleanMarkdown is Clean for markdown, the form of every article body:
// it also removes the character references that would decode to
// something Clean removes ("&#27;", "&#x202e;"), as markdown renderers
// decode them. References to printable characters ("&amp;") stay.
func CleanMarkdown(md string) string { return safetext.CleanMarkdown(md) }

// CleanURL percent-encodes every control byte and every byte of a
// non-ASCII character in s, as browsers do when they send an address:
// the URL means the same, and no terminal acts on its text.
func CleanURL(s string) string { return safetext.CleanURL(s) }

// SafeURL writes u for storage, --json and the terminal: u.String()
// passed through CleanURL (url.URL.String() keeps the query raw).
func SafeURL(u *url.URL) string { return safetext.SafeURL(u) }

// ShowName is a file name or address as an error shows it: as it is
// when Clean leaves it alone, or else quoted with its control and
// invisible characters written out, so that the message names the real
// thing and not a look-alike that exists.
func ShowName(name string) string { return safetext.ShowName(name) }
