package reader

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// FileError says what is wrong with one source, in one line that names
// it: "notes/empty.txt is empty".
type FileError struct {
	Path   string
	Reason string
}

// Error is clean of escape sequences: file names can hold any byte.
func (e *FileError) Error() string { return Clean(e.Path + " " + e.Reason) }

// binaryKind returns a description of data when it is not text (an image,
// an archive, a NUL-laden or non-UTF-8 blob), or "" for text.
func binaryKind(data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	ct := http.DetectContentType(head)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	switch {
	case strings.HasPrefix(ct, "text/"):
	case ct == "application/octet-stream":
		// undecided: judge by the bytes below
	default:
		return ct
	}
	if len(data) > 8192 {
		data = data[:8192]
	}
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == 0 {
			return "binary data"
		}
		if r == utf8.RuneError && n == 1 && len(data)-i >= utf8.UTFMax {
			bad++
		}
		i += n
	}
	if bad*20 > len(data) {
		return "binary data, not UTF-8 text"
	}
	return ""
}
