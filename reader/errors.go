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
// an archive, a NUL-laden blob), or "" for text. Text is text: a sniffed
// type counts only with evidence in the bytes (NULs, control
// characters), since many formats' signatures are a few letters a line
// of prose can start with ("BM" is a bitmap's, "ID3" an MP3's, "OTTO" a
// font's: "BMW is to recall…" is news). Only the complete signatures of
// documents in a text-like form brief cannot read (PDF, PostScript) are
// taken alone.
func binaryKind(data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	ct := http.DetectContentType(head)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	if ct == "application/pdf" || ct == "application/postscript" {
		return ct
	}
	if len(data) > 8192 {
		data = data[:8192]
	}
	if !binaryEvidence(data) {
		return ""
	}
	if strings.HasPrefix(ct, "text/") || ct == "application/octet-stream" {
		return "binary data"
	}
	return ct
}

// binaryEvidence reports bytes that text does not hold. Text, in UTF-8
// or a legacy 8-bit encoding, has no NUL bytes and few control
// characters besides line breaks and tabs (a handful is tolerated:
// scraped text carries stray escape sequences, which Clean removes). A
// short file, such as the first bytes of a picture, needs fewer.
func binaryEvidence(data []byte) bool {
	controls := 0
	for _, c := range data {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			controls++
		}
	}
	return controls > 16 && controls*50 > len(data) || controls > 0 && controls*8 > len(data)
}
