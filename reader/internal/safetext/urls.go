package safetext

import (
	"net/url"
	"strings"
)

// SafeURL writes u for storage, --json and the terminal: u.String()
// passed through CleanURL. url.URL.String() escapes the path, the
// fragment and the user, but keeps the query (RawQuery) byte for byte,
// so a server's redirect or a page's link could otherwise carry a bidi
// override (U+202E) or a C1 control (U+009B, a CSI) to the screen.
func SafeURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	return CleanURL(u.String())
}

// CleanURL percent-encodes every byte of s that is a control (below
// 0x20, and DEL) or part of a non-ASCII character (0x80 and above),
// as browsers do when they send an address: the URL means the same,
// and its text is printable ASCII that no terminal acts on and no bidi
// override can disguise. A clean s is returned as it is.
func CleanURL(s string) string {
	i := 0
	for i < len(s) && !urlByteNeedsEscape(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if urlByteNeedsEscape(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func urlByteNeedsEscape(c byte) bool { return c < 0x20 || c >= 0x7f }
