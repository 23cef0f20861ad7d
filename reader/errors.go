package reader

import (
	"net/http"
	"strings"
)

// FileError says what is wrong with one source, in one line that names
// it: "notes/empty.txt is empty".
type FileError struct {
	Path   string
	Reason string
}

// Error is clean of escape sequences: file names can hold any byte.
func (e *FileError) Error() string {
	name := e.Path
	if name == "-" {
		name = "standard input"
	}
	return Clean(ShowName(name) + " " + e.Reason)
}

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
	// Text, in UTF-8 or a legacy 8-bit encoding, has no NUL bytes and
	// few control characters besides line breaks and tabs (a handful is
	// tolerated: scraped text carries stray escape sequences, which Clean
	// removes).
	controls := 0
	for _, c := range data {
		switch {
		case c == 0:
			return "binary data"
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			controls++
		}
	}
	if controls > 16 && controls*50 > len(data) {
		return "binary data"
	}
	return ""
}
