package fetch

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadBodyMatchesReadAll checks readBody against io.ReadAll for
// bodies shorter than, as long as and longer than their declared
// length, with no length and one over the cap, read a byte at a time
// and whole: the declared length sizes the buffer and changes nothing
// else.
func TestReadBodyMatchesReadAll(t *testing.T) {
	const max = 100
	body := strings.Repeat("feed ", 30) // 150 bytes: over the cap
	for _, size := range []int{0, 1, 50, 99, 100, 101, 150} {
		for _, declared := range []int64{-1, 0, 1, 49, 50, 51, 100, 150} {
			for _, oneByte := range []bool{false, true} {
				src := func() io.Reader {
					var r io.Reader = strings.NewReader(body[:size])
					if oneByte {
						r = iotest.OneByteReader(r)
					}
					return io.LimitReader(r, max+1)
				}
				want, _ := io.ReadAll(src())
				got, err := readBody(src(), declared, max)
				if err != nil || !bytes.Equal(got, want) {
					t.Fatalf("size %d declared %d: got %d bytes, %v; want %d", size, declared, len(got), err, len(want))
				}
			}
		}
	}
	// A body that fails part way fails the same way.
	failing := io.MultiReader(strings.NewReader("part"), iotest.ErrReader(io.ErrUnexpectedEOF))
	if _, err := readBody(failing, 50, max); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err = %v, want unexpected EOF", err)
	}
}
