package fetch

import (
	"bytes"
	"io"
	"os"
)

// Spooled is a body written to a temporary file instead of held in
// memory (Request.SpoolOver): a 7 MB feed is read a chunk at a time
// from it rather than kept whole for the length of its parse. The file
// has no name once created where the system allows it; Close removes
// it in any case.
type Spooled struct {
	f    *os.File
	size int64
}

// ReadAt reads the body at off.
func (s *Spooled) ReadAt(p []byte, off int64) (int, error) { return s.f.ReadAt(p, off) }

// Size is the body's length in bytes.
func (s *Spooled) Size() int64 { return s.size }

// Bytes reads the whole body into memory.
func (s *Spooled) Bytes() ([]byte, error) {
	b := make([]byte, s.size)
	_, err := s.f.ReadAt(b, 0)
	return b, err
}

// Close closes and removes the file.
func (s *Spooled) Close() error {
	err := s.f.Close()
	os.Remove(s.f.Name())
	return err
}

// spoolBody reads r, holding it when it is at most over bytes and
// writing it to a temporary file when it is longer. Where no temporary
// file can be made (no $TMPDIR, a read-only one) it holds the body as
// a fetch without SpoolOver does; a write that fails part way is a
// *spoolError.
func spoolBody(r io.Reader, n, over int64) ([]byte, *Spooled, error) {
	head, err := readBody(io.LimitReader(r, over+1), min(n, over+1), over+1)
	if err != nil || int64(len(head)) <= over {
		return head, nil, err
	}
	f, err := os.CreateTemp("", "brief-body-*")
	if err != nil {
		rest, err := io.ReadAll(r)
		return append(head, rest...), nil, err
	}
	s := &Spooled{f: f}
	os.Remove(f.Name()) // Unix: gone with the last descriptor, a crash included
	size, err := io.Copy(spoolWriter{f}, io.MultiReader(bytes.NewReader(head), r))
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	s.size = size
	return nil, s, nil
}

// spoolError is a failed write to the temporary file (a full disk).
type spoolError struct{ err error }

func (e *spoolError) Error() string { return "writing a temporary file: " + e.err.Error() }
func (e *spoolError) Unwrap() error { return e.err }

// spoolWriter tells the file's write errors from the body's read errors.
type spoolWriter struct{ f *os.File }

func (w spoolWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil {
		err = &spoolError{err}
	}
	return n, err
}
