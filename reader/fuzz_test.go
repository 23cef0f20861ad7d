package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseText: any input gives an article or a one-line FileError,
// never a panic; what comes out is clean and holds no chrome lines.
func FuzzParseText(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	more, _ := filepath.Glob("testdata/chain/*.txt")
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("T\r\nbody\rNext Article:\r\n"))
	f.Add([]byte("\ufeffNext Article\nPrevious Article\n"))
	f.Add([]byte("T\n\x1b[2Jbody\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, full := range []bool{false, true} {
			a, err := ParseText("f.txt", data, full)
			if err != nil {
				if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "f.txt ") {
					t.Fatalf("bad error %q", err)
				}
				continue
			}
			if a.Title == "" || a.Words == 0 {
				t.Fatalf("article without title or words: %+v", a)
			}
			for _, s := range []string{a.Title, a.Body, a.Byline, linkTitle(a.Prev), linkTitle(a.Next)} {
				if Clean(s) != s || !utf8.ValidString(s) {
					t.Fatalf("unclean text %q", s)
				}
			}
			if strings.Contains(a.Title, "\n") {
				t.Fatalf("multi-line title %q", a.Title)
			}
		}
	})
}

func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range []string{"Champion — and Wants", "Origin.", "“x”", "", "---", "a\u00a0b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeTitle(s)
		if NormalizeTitle(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, NormalizeTitle(n))
		}
	})
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]8;;x\x07", "\u009b1m", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if Clean(c) != c {
			t.Fatalf("not idempotent on %q", s)
		}
		for _, r := range c {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("control %U left in %q", r, c)
			}
		}
	})
}
