package store

// Connections made lean for passes over many rows (see leanPragmas).

import (
	"context"
	"database/sql"
	"database/sql/driver"
)

// leanPragmas make a connection lean for one pass over many rows or
// one large write, and restorePragmas put back what openDB set. Mapped
// pages count as the process's memory, and such a pass touches most of
// the file (rows lie between their bodies, an index update touches
// pages all over the full-text index): `brief list` of 100,000 rows had
// 234 MB resident instead of 49 MB, and a first refresh of 100 feeds
// of 1,000 items 221 MB instead of 89 MB, for no gain in speed. A
// smaller page cache bounds it too: pages evicted are read again from
// the system's cache, and a write transaction spills to the WAL (8 MB:
// 49 MB resident for the list and 0.06 s more system time than 64 MB's
// 65 MB; 2 MB: 37 MB, +0.16 s).
var (
	leanPragmas    = []string{"PRAGMA mmap_size = 0", "PRAGMA cache_size = -8192"}
	restorePragmas = []string{"PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536"}
)

// lean runs fn on a connection of its own made lean (leanPragmas), and
// puts the connection back as openDB made it.
func (s *Store) lean(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, p := range leanPragmas {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	err = fn(conn)
	for _, p := range restorePragmas {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), p); rerr != nil {
			// The connection would stay lean: drop it from the pool.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			break
		}
	}
	return err
}

// leanTx is tx on a lean connection, for a write of many rows.
func (s *Store) leanTx(ctx context.Context, fn func(*sql.Tx) error) error {
	began := false
	err := s.lean(ctx, func(conn *sql.Conn) error {
		began = true
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return writeError(s.path, err)
		}
		if err := fn(tx); err != nil {
			tx.Rollback()
			return writeError(s.path, err)
		}
		return writeError(s.path, tx.Commit())
	})
	if err != nil && !began {
		return writeError(s.path, err) // no connection, or its settings
	}
	return err
}
