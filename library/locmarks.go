package library

// Read marks of the articles outside the library (brief on files,
// folders, URLs or the sample edition), kept in the library's database
// so that they survive a restart.

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

// LocationMarks is the reader's read state for articles outside the
// library. Marks are kept by a key made from the article's location
// (Key): they answer from memory at once and are written in order, off
// the caller's goroutine, to the database at path, which the first mark
// creates: starting the reader alone writes no file. Flush waits for
// the writes. Its methods match ui.ReadState. Safe for concurrent use.
type LocationMarks struct {
	path string
	key  func(loc string) string

	mu   sync.Mutex
	read map[string]bool // by key
	st   *store.Store    // nil until the database is opened
	err  error           // why it could not be opened

	marks marks
}

// OpenLocationMarks reads the marks kept in the database at path, when
// it exists; none otherwise. key turns a location into the key it is
// kept under, "" for one kept in memory only (standard input).
func OpenLocationMarks(ctx context.Context, path string, key func(loc string) string) *LocationMarks {
	m := &LocationMarks{path: path, key: key, read: map[string]bool{}}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return m
	}
	st, err := m.open()
	if err != nil {
		return m
	}
	if read, err := st.ReadLocations(ctx); err == nil {
		m.read = read
	}
	return m
}

// FileKey is the key of a location given on the command line: a web
// address as it is, a file made absolute (the same file read from
// another folder keeps its mark), "" for standard input.
func FileKey(loc string) string {
	switch {
	case loc == "" || loc == "-":
		return ""
	case reader.IsURL(loc):
		return loc
	}
	abs, err := filepath.Abs(loc)
	if err != nil {
		return ""
	}
	return abs
}

// open opens the database, creating it the first time.
func (m *LocationMarks) open() (*store.Store, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st != nil || m.err != nil {
		return m.st, m.err
	}
	m.st, m.err = store.Open(m.path)
	return m.st, m.err
}

// memKey is where a location's mark is kept in memory.
func (m *LocationMarks) memKey(loc string) (k string, persist bool) {
	if k := m.key(loc); k != "" {
		return k, true
	}
	return "\x00" + loc, false // not a key Key makes
}

// IsRead reports the mark, from memory.
func (m *LocationMarks) IsRead(loc string) bool {
	k, _ := m.memKey(loc)
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.read[k]
}

// QueueRead sets or clears the mark at once, in memory, and queues its
// write; wait blocks until it is written and returns its error.
func (m *LocationMarks) QueueRead(loc string, read bool) (wait func() error) {
	k, persist := m.memKey(loc)
	m.mu.Lock()
	m.read[k] = read
	m.mu.Unlock()
	if !persist {
		return func() error { return nil }
	}
	return m.marks.add(func() error {
		st, err := m.open()
		if err != nil {
			return err
		}
		return st.SetLocationRead(context.Background(), k, read)
	})
}

// Flush waits until every mark queued is written, and returns the
// first error since the last Flush.
func (m *LocationMarks) Flush() error { return m.marks.flush() }

// Close flushes the marks and closes the database.
func (m *LocationMarks) Close() error {
	err := m.Flush()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st != nil {
		if cerr := m.st.Close(); err == nil {
			err = cerr
		}
		m.st = nil
	}
	return err
}
