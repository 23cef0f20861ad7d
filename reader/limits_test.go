package reader

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// Size and shape: documents far beyond any news article, or built to
// hurt, end in a clear error or a cut that says so, never a panic.

const prose = "The council voted on the harbour barrier after a long debate about the tides. "

// repeatReader streams the same bytes forever: a 100 MB input without
// 100 MB in memory or on disk.
type repeatReader struct{ b []byte }

func (r repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], r.b)
	}
	return n, nil
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// allocated is the memory a call allocates (as it would be without the
// race detector).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / raceAlloc
}

func TestTooLargeFileNamesIt(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: no disk space used.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(context.Background(), []string{big}, nil)
	if err == nil || !strings.Contains(err.Error(), big+" is too large (over 32 MB)") {
		t.Fatalf("err = %v, want it to name %s and the cap", err, big)
	}

	// Refused by its size: not read at all.
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	_, err = ReadSource(big, nil)
	runtime.ReadMemStats(&m1)
	if err == nil || m1.TotalAlloc-m0.TotalAlloc > 1<<20 {
		t.Errorf("refusing %s allocated %d KB (err %v)", big, (m1.TotalAlloc-m0.TotalAlloc)>>10, err)
	}

	// 100 MB of text on standard input.
	stdin := &countingReader{r: io.LimitReader(repeatReader{[]byte(prose)}, 100<<20)}
	mem := allocated(func() { _, err = Load(context.Background(), []string{"-"}, stdin) })
	if err == nil || err.Error() != "standard input is too large (over 32 MB)" {
		t.Fatalf("stdin err = %v", err)
	}
	// Reading stops at the cap: what a 32 MB buffer costs (128 MB with
	// its doublings), not 100 MB (256 MB).
	if stdin.n > MaxFileSize+1 {
		t.Errorf("read %d bytes of stdin, past the %d-byte cap", stdin.n, MaxFileSize)
	}
	if mem > 6*MaxFileSize {
		t.Errorf("reading stdin allocated %d MB", mem>>20)
	}
}

func TestFolderSkipsTooLargeFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Headline\n\n"+prose), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(100 << 20)
	f.Close()
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Error(), "huge.txt is too large (over 32 MB)") {
		t.Fatalf("articles %d, skipped %v", len(c.Articles), c.Skipped)
	}
}

// serve answers every request with body as contentType.
func serve(t *testing.T, contentType string, body []byte) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/page.html"
}

// loadBoth reads the same page as a file and from a web server, with its
// body.
func loadBoth(t *testing.T, name string, data []byte) map[string]struct {
	a   *Article
	err error
} {
	t.Helper()
	out := map[string]struct {
		a   *Article
		err error
	}{}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	srcs := []string{path}
	if strings.HasSuffix(name, ".html") { // brief reads web pages, not text, from the web
		srcs = append(srcs, serve(t, "text/html", data))
	}
	for _, src := range srcs {
		c, err := Load(context.Background(), []string{src}, nil)
		var a *Article
		if err == nil && len(c.Articles) == 1 {
			a, err = c.Open(context.Background(), c.Articles[0])
		}
		out[src] = struct {
			a   *Article
			err error
		}{a, err}
	}
	return out
}

func htmlPage(body string) []byte {
	return []byte("<!doctype html><html><head><title>Harbour vote</title></head><body><article>" + body + "</article></body></html>")
}

func TestHTMLTooManyElements(t *testing.T) {
	data := htmlPage(strings.Repeat("<p>A short paragraph of news.</p>", 100_000))
	for src, r := range loadBoth(t, "many.html", data) {
		if r.err == nil || !strings.Contains(r.err.Error(), "is too large to read: over 50,000 HTML elements") {
			t.Errorf("%s: err = %v", src, r.err)
		}
	}
	// A long real page stays well inside.
	if a, err := ParseHTML("ok.html", htmlPage(strings.Repeat("<p>"+prose+"</p>", 5_000)), "", true); err != nil || a.Words < 50_000 {
		t.Fatalf("5,000 paragraphs: %v", err)
	}
}

func TestHTMLNestedDeep(t *testing.T) {
	deep := func(n int) []byte {
		return htmlPage(strings.Repeat("<div>", n) + "<p>" + strings.Repeat(prose, 20) + "</p>" + strings.Repeat("</div>", n))
	}
	for src, r := range loadBoth(t, "deep.html", deep(10_000)) {
		if r.err == nil || !strings.HasSuffix(r.err.Error(), "is not readable HTML: elements nested more than 512 deep") {
			t.Errorf("%s: err = %v", src, r.err)
		}
	}
	// Just under the parser's limit every walk over the tree copes.
	a, err := ParseHTML("deep.html", deep(480), "", true)
	if err != nil || !strings.Contains(a.Body, "harbour barrier") {
		t.Fatalf("480 deep: %v", err)
	}
}

func TestHTMLHugeAttribute(t *testing.T) {
	huge := strings.Repeat("x", 5<<20)
	data := htmlPage(`<p title="` + huge + `" data-x="` + huge[:1<<20] + `">` + strings.Repeat(prose, 20) + `</p><img alt="` + huge[:1<<20] + `" src="a.jpg">`)
	for src, r := range loadBoth(t, "attr.html", data) {
		if r.err != nil {
			t.Errorf("%s: %v", src, r.err)
			continue
		}
		if !strings.Contains(r.a.Body, "harbour barrier") || r.a.Title != "Harbour vote" {
			t.Errorf("%s: title %q, body %.80q", src, r.a.Title, r.a.Body)
		}
	}
}

// TestHostileBytes: invalid UTF-8, NUL bytes (past the first 8 KB that
// the binary sniffing reads) and UTF-16 with a byte-order mark, in text
// and HTML, from files and the web: valid UTF-8 text without a NUL.
func TestHostileBytes(t *testing.T) {
	filler := strings.Repeat(prose, 120) // over 8 KB
	utf16le := func(s string) []byte {
		out := []byte{0xff, 0xfe}
		for _, r := range s {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"invalid.txt", []byte("Harbour vote\n\n" + filler + "\n\nBad \xff\xfe\xc3 bytes in the tides report.\n"), "bytes in the tides report"},
		{"nul.txt", []byte("Harbour vote\n\n" + filler + "\n\nA NUL\x00 byte in the tides\x00 report.\n"), "byte in the tides report"},
		{"utf16.txt", utf16le("Harbour vote\n\nThe tides report, in UTF-16: ĉu ŝi venos?\n"), "ĉu ŝi venos?"},
		{"invalid.html", htmlPage("<p>" + filler + "</p><p>Bad \xff\xfe\xc3 bytes in the tides report.</p>"), "bytes in the tides report"},
		{"nul.html", htmlPage("<p>" + filler + "</p><p>A NUL\x00 byte in the tides\x00 report.</p>"), "byte in the tides report"},
		{"utf16.html", utf16le(string(htmlPage("<p>" + filler + "</p><p>The tides report, in UTF-16: ĉu ŝi venos?</p>"))), "ĉu ŝi venos?"},
	}
	for _, c := range cases {
		for src, r := range loadBoth(t, c.name, c.data) {
			if r.err != nil {
				t.Errorf("%s (%s): %v", c.name, src, r.err)
				continue
			}
			body := r.a.Title + r.a.Body
			if !utf8.ValidString(body) || strings.ContainsRune(body, 0) {
				t.Errorf("%s (%s): invalid UTF-8 or NUL in %q", c.name, src, body[max(0, len(body)-80):])
			}
			if !strings.Contains(body, c.want) || r.a.Title != "Harbour vote" {
				t.Errorf("%s (%s): title %q, body ends %q", c.name, src, r.a.Title, body[max(0, len(body)-80):])
			}
		}
	}
}
