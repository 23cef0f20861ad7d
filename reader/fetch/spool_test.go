package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSpoolOver: a body over Request.SpoolOver comes back in a file
// that reads as the body, one at or under it in memory; a body over
// the cap is refused either way, and no temporary file outlives its
// response.
func TestSpoolOver(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	body := strings.Repeat("<item>x</item>", 300) // 4,200 bytes
	for _, declare := range []bool{true, false} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if declare {
				w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			}
			w.Write([]byte(body))
			if f, ok := w.(http.Flusher); ok && !declare {
				f.Flush() // chunked: no length
			}
		}))
		f := New()
		for _, over := range []int64{1, 1024, 4199, 4200, 1 << 20} {
			resp, err := f.Fetch(context.Background(), Request{URL: srv.URL, SpoolOver: over})
			if err != nil {
				t.Fatal(err)
			}
			spooled := over < int64(len(body))
			if (resp.File != nil) != spooled || (resp.Body == nil) != spooled {
				t.Fatalf("declared %v, over %d: file %v, body %d bytes", declare, over, resp.File != nil, len(resp.Body))
			}
			if spooled {
				got, err := resp.File.Bytes()
				if err != nil || string(got) != body || resp.File.Size() != int64(len(body)) {
					t.Fatalf("declared %v, over %d: the file reads %d bytes, %v", declare, over, len(got), err)
				}
				resp.File.Close()
			} else if string(resp.Body) != body {
				t.Fatalf("declared %v, over %d: body differs", declare, over)
			}
		}
		f.MaxBytes = 2000
		if _, err := f.Fetch(context.Background(), Request{URL: srv.URL, SpoolOver: 100}); err == nil || !strings.Contains(err.Error(), "too large") {
			t.Errorf("declared %v: over the cap: %v", declare, err)
		}
		srv.Close()
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestSpoolWithoutATempDir: where no temporary file can be made the
// body is held, as without SpoolOver; a write that fails part way is
// said as such.
func TestSpoolWithoutATempDir(t *testing.T) {
	body := strings.Repeat("<item>x</item>", 300)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) }))
	defer srv.Close()
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	resp, err := New().Fetch(context.Background(), Request{URL: srv.URL, SpoolOver: 100})
	if err != nil || resp.File != nil || string(resp.Body) != body {
		t.Fatalf("no temp dir: %v, file %v, %d bytes", err, resp != nil && resp.File != nil, len(resp.Body))
	}
	e := (&Fetcher{}).bodyError(context.Background(), srv.URL, &spoolError{syscall.ENOSPC}, 10, 20)
	if want := srv.URL + " could not be written to a temporary file (no space left on device)"; e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
}
