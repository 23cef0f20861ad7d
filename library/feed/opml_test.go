package feed

import (
	"testing"
)

// An OPML error names the file and says in words what is wrong, on one
// line: no "EOF" from the decoder.
func TestOPMLErrorWording(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "good.txt is not an OPML file (no <opml> document)",
		"Just some notes.\nMore.":      "good.txt is not an OPML file (no <opml> document)",
		"<html><body>hi</body></html>": "good.txt is not an OPML file (a <html> document, not <opml>)",
	} {
		_, err := ParseOPML("good.txt", []byte(in))
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", in, err, want)
		}
	}
}
