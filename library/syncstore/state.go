package syncstore

// The sync's state: the server it is bound to, its cursors, the last
// sync and its failure, and what the library holds of the server.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// setState writes sync state keys inside a transaction.
func setState(ctx context.Context, tx *sql.Tx, kv map[string]string) error {
	for k, v := range kv {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_state(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return err
		}
	}
	return nil
}

// State returns the sync's state: cursors, last sync, last error.
func (d *DB) State(ctx context.Context) (map[string]string, error) {
	return queryMap[string, string](ctx, d.db, `SELECT key, value FROM sync_state`)
}

// SetState writes sync state keys.
func (d *DB) SetState(ctx context.Context, kv map[string]string) error {
	return d.s.Tx(ctx, func(tx *sql.Tx) error { return setState(ctx, tx, kv) })
}

// Bind records which server the library syncs with. Another
// server than last time (a new url, user or protocol) starts afresh:
// its ids mean nothing here, so the links to the old server's feeds and
// articles, its cursors and the marks queued for it go; the articles
// and their marks stay, and are matched to the new server's by URL.
func (d *DB) Bind(ctx context.Context, server string) (fresh bool, err error) {
	err = d.s.Tx(ctx, func(tx *sql.Tx) error {
		var cur string
		err := tx.QueryRowContext(ctx, `SELECT value FROM sync_state WHERE key = 'server'`).Scan(&cur)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if cur == server {
			return nil
		}
		fresh = true
		for _, q := range []string{`DELETE FROM sync_feeds`, `DELETE FROM sync_items`, `DELETE FROM sync_queue`, `DELETE FROM sync_state`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return setState(ctx, tx, map[string]string{"server": server})
	})
	return fresh, err
}

// Unknown returns the ids among ids that the library has never
// stored: the articles a sync still has to fetch.
func (d *DB) Unknown(ctx context.Context, ids []string) ([]string, error) {
	known := map[string]bool{}
	const chunk = 500
	for i := 0; i < len(ids); i += chunk {
		part := ids[i:min(i+chunk, len(ids))]
		q := `SELECT remote_id FROM sync_items WHERE remote_id IN (` + placeholders(len(part)) + `)`
		rows, err := d.db.QueryContext(ctx, q, anys(part)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r string
			if err := rows.Scan(&r); err != nil {
				rows.Close()
				return nil, err
			}
			known[r] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out []string
	for _, id := range ids {
		if !known[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Status counts what the library holds of the server.
func (d *DB) Status(ctx context.Context) (Status, error) {
	var st Status
	err := d.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sync_feeds),
		(SELECT count(*) FROM sync_items WHERE item_id IS NOT NULL),
		(SELECT count(DISTINCT remote_id || '/' || kind) FROM sync_queue WHERE kind <> 'unsubscribe'),
		(SELECT count(*) FROM sync_queue WHERE kind = 'unsubscribe')`).Scan(&st.Feeds, &st.Items, &st.PendingMarks, &st.PendingUnsubs)
	if err != nil {
		return st, err
	}
	kv, err := d.State(ctx)
	if err != nil {
		return st, err
	}
	st.Server, st.LastError = kv["server"], kv["last_error"]
	if v := kv["last_sync"]; v != "" {
		var sec int64
		if _, err := fmt.Sscan(v, &sec); err == nil {
			st.LastSync = time.Unix(sec, 0)
		}
	}
	return st, nil
}
