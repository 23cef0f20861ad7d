// Package store is brief's library: subscriptions, their articles with
// read and saved marks, and full-text search, kept in one SQLite file
// (modernc.org/sqlite: pure Go, FTS5 built in).
//
// Every change is one transaction, the database runs in WAL mode with a
// busy timeout, and its schema carries a version with migrations, so a
// process killed at any moment, or two brief processes at once, leave a
// consistent library, and read marks survive upgrades.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"

	"github.com/brief-news/brief/library/config"
)

// ErrNotFound is returned for a feed or item id that is not stored.
var ErrNotFound = errors.New("not in the library")

// Store is an open library database. Its methods are safe for
// concurrent use.
type Store struct {
	db      *sql.DB
	path    string
	now     func() time.Time
	warning error // see Warning
}

// Open opens (creating it and its folder when needed) the library at
// path and brings its schema up to date. A library that exists but
// cannot be written (a read-only file or folder) opens read-only: it
// reads as usual, and every change fails with a config.StateError that
// says why.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, writeError(path, fmt.Errorf("%s: %w", path, err))
	}
	s, err := open(path, false)
	if err == nil {
		return s, nil
	}
	var se *config.StateError
	if _, serr := os.Stat(path); serr == nil && errors.As(err, &se) {
		ro, rerr := open(path, true)
		if rerr == nil {
			return ro, nil
		}
		// The library's tables are in a WAL that cannot be read: say
		// so rather than only that the folder is read-only.
		if se := (*schemaError)(nil); errors.As(rerr, &se) && se.walUnread {
			return nil, rerr
		}
	}
	return nil, err
}

// Warning is what the user should know about a library opened
// read-only whose latest changes cannot be read (a config.StateError
// naming the file); nil otherwise.
func (s *Store) Warning() error { return s.warning }

// walPending reports whether the database at path has a non-empty WAL:
// changes committed since the last checkpoint, which an immutable open
// would not see.
func walPending(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Mode().IsRegular() && fi.Size() > 0
}

// open opens the database at path; readOnly opens an existing one
// without writing it or its WAL (it must then be at the current
// schema; migrate does not try).
//
// Read-only, a database whose WAL holds changes (committed but not yet
// checkpointed: brief was killed, or another brief has it open) is read
// with its WAL, through the WAL's shared-memory index: SQLite opens an
// existing one read-only when it cannot write it, and creates it when
// the folder can be written (the index is all it may write). Only when
// that fails (a read-only folder
// without the index) does the library open as of its last checkpoint,
// with a Warning saying so.
func open(path string, readOnly bool) (*Store, error) {
	if !readOnly {
		return openDB(path, false, false)
	}
	if !walPending(path) {
		// Nothing else can write a folder this process cannot: SQLite
		// may read the file without the locks and the shared-memory
		// file it could not create.
		return openDB(path, true, true)
	}
	s, err := openDB(path, true, false)
	if err == nil {
		return s, nil
	}
	if se := (*schemaError)(nil); errors.As(err, &se) {
		return nil, err // the WAL was read: the schema is what it is
	}
	s, ierr := openDB(path, true, true)
	if ierr != nil {
		if se := (*schemaError)(nil); errors.As(ierr, &se) {
			se.walUnread = true
			se.why = unreadWAL(path, err)
		}
		return nil, ierr
	}
	s.warning = &config.StateError{Path: path, Problem: unreadWAL(path, err), Err: err}
	return s, nil
}

// unreadWAL says why the changes in path's WAL cannot be read; err is
// SQLite's failure to read it.
func unreadWAL(path string, err error) string {
	var se *config.StateError
	if errors.As(config.WriteError(path, config.KindReadOnly, err), &se) && strings.HasPrefix(se.Problem, "data folder") {
		return se.Problem + "; changes since the last checkpoint cannot be read until it is writable"
	}
	return fmt.Sprintf("changes since the last checkpoint cannot be read (%s-shm cannot be opened)", filepath.Base(path))
}

// openDB opens the database at path, read-only or not, and immutable
// (read-only, ignoring any WAL and taking no locks) or not.
func openDB(path string, readOnly, immutable bool) (*Store, error) {
	q := url.Values{}
	pragmas := []string{
		"busy_timeout(10000)",
		"journal_mode(WAL)",
		"synchronous(FULL)",
		"foreign_keys(ON)",
		// An 8 MB page cache and no memory-mapping: a pass over the whole
		// library (brief list, a first refresh's writes to the full-text
		// index) touches most of the file, and mapped or cached pages
		// count as brief's memory. With 64 MB a connection and the file
		// mapped, `brief list` of 100,000 articles held 234 MB and a
		// first refresh of 100 feeds × 1,000 items 218 MB (newsboat: 102
		// MB); now 49 and 97 MB, in the same time: evicted pages come
		// back from the system's cache.
		fmt.Sprintf("cache_size(-%d)", cacheKB),
	}
	if readOnly {
		pragmas = slices.DeleteFunc(pragmas, func(p string) bool { return strings.HasPrefix(p, "journal_mode") })
		q.Set("mode", "ro")
		if immutable {
			q.Set("immutable", "1")
		}
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	// Write transactions take the lock at BEGIN: two processes never
	// deadlock upgrading read locks, they wait (busy_timeout) instead.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	s := &Store{db: db, path: path, now: time.Now}
	if err := migrate(context.Background(), db, readOnly); err != nil {
		db.Close()
		if se := (*schemaError)(nil); errors.As(err, &se) {
			se.path = path
			return nil, se
		}
		return nil, writeError(path, fmt.Errorf("%s: %w", path, err))
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Version is the schema version of the open database.
func (s *Store) Version() (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// tx runs fn in one write transaction. A failure to write the file
// (read-only, full) is a config.StateError naming it.
// cacheKB is each connection's page cache, in KiB (see Open).
const cacheKB = 8192

func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return writeError(s.path, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return writeError(s.path, err)
	}
	return writeError(s.path, tx.Commit())
}

// unix turns a time into stored seconds, 0 for the zero time.
func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// fromUnix is the inverse of unix.
func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}

// fmtSscan reads an item:ID location.
func fmtSscan(loc string, id *int64) (int, error) {
	if !strings.HasPrefix(loc, "item:") {
		return 0, nil
	}
	v, err := strconv.ParseInt(loc[len("item:"):], 10, 64)
	if err != nil {
		return 0, err
	}
	*id = v
	return 1, nil
}

// DB is the underlying database, for maintenance and tests.
func (s *Store) DB() *sql.DB { return s.db }
