// Package textenc turns the bytes of a page or a text file into UTF-8
// text, whatever character set they arrive in.
package textenc

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Pages arrive in many character sets and often lie about them. The
// order of evidence follows the HTML standard (byte-order mark, then the
// HTTP header, then <meta charset>), with two corrections real pages
// need: bytes that are valid multi-byte UTF-8 are UTF-8 whatever the
// label says (saved pages keep their old <meta> after a browser
// re-encodes them, and servers send "charset=iso-8859-1" by default),
// and "UTF-8" that is mostly not UTF-8 is read as Windows-1252, as
// browsers do for undeclared pages.

// metaScanLimit is how much of a page is searched for <meta charset>.
// The standard says 1024 bytes, but many pages put scripts and styles
// first, and a wrong guess garbles the whole article.
const metaScanLimit = 32 << 10

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// BOM is the UTF-8 byte-order mark.
var BOM = []byte{0xef, 0xbb, 0xbf}

// ToUTF8 returns a page (or a text file: with no <meta>, only the
// byte-order mark and the bytes decide) as UTF-8 text. contentType is
// the HTTP Content-Type header, "" for files.
func ToUTF8(data []byte, contentType string) string {
	enc, _ := pageEncoding(data, contentType)
	if enc == nil {
		return strings.ToValidUTF8(string(bytes.TrimPrefix(data, BOM)), "\uFFFD")
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil { // decoders replace bad input; this is belt and braces
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// pageEncoding picks the encoding of data; nil means UTF-8.
func pageEncoding(data []byte, contentType string) (encoding.Encoding, string) {
	if len(data) >= 2 && (bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})) {
		e, name, _ := charset.DetermineEncoding(data, "")
		return e, name
	}
	if bytes.HasPrefix(data, BOM) {
		return nil, "utf-8"
	}
	label := headerCharset(contentType)
	fromMeta := false
	if label == "" {
		head := data
		if len(head) > metaScanLimit {
			head = head[:metaScanLimit]
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			label, fromMeta = string(m[1]), true
		}
	}
	var declared encoding.Encoding
	name := ""
	if label != "" {
		declared, name = charset.Lookup(label)
	}
	// A <meta> that could be read as ASCII cannot be UTF-16; the standard
	// says to take it as UTF-8.
	if fromMeta && strings.HasPrefix(name, "utf-16") {
		declared, name = nil, ""
	}
	// 7-bit stateful encodings look like ASCII, hence like valid UTF-8:
	// trust their label.
	if declared != nil && strings.HasPrefix(name, "iso-2022") {
		return declared, name
	}
	if utf8.Valid(data) {
		return nil, "utf-8"
	}
	if declared != nil && name != "utf-8" {
		return declared, name
	}
	if mostlyUTF8(data) {
		return nil, "utf-8"
	}
	return charmap.Windows1252, "windows-1252"
}

// headerCharset is the charset parameter of a Content-Type header.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// mostlyUTF8 reports whether invalid bytes are rare next to valid
// multi-byte characters: a UTF-8 page with a few stray bytes, not a
// legacy page.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good > 4*bad
}
