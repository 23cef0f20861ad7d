// Package syncstore keeps a library's sync with a feed server in the
// library's database: which local feed and article is which of the
// server's, the server's subscriptions and articles stored as local
// ones (each page of them in one transaction together with the cursor
// that says how far the sync got, so that a sync killed at any moment
// resumes where its last page ended), the marks merged, and the queue of
// changes made here that the server has not been told of. The tables
// and the triggers that fill the queue are the store's migration 4
// (library/store/syncschema.go); marks.go has the merge.
package syncstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/brief-news/brief/library/store"
)

// Feed is a subscription as the server lists it.
type Feed struct {
	RemoteID string
	URL      string
	Title    string
	SiteURL  string
	Category string // its folder, "" for none
}

// Entry is an article as the server sends it. Its Item has passed
// through the feed converter (reader.Clean and the rest).
type Entry struct {
	RemoteID   string
	RemoteFeed string // the Feed.RemoteID it belongs to
	Item       store.NewItem
	Read       bool
	Saved      bool
	// Changed is when the server last changed the article's marks,
	// zero when the protocol does not say.
	Changed time.Time
}

// Status counts what the library holds of the server.
type Status struct {
	Server        string // the server it syncs with ("" before the first sync)
	Feeds, Items  int    // feeds and articles that are the server's
	PendingMarks  int    // marks made here the server was not told of yet
	PendingUnsubs int    // unsubscriptions likewise
	LastSync      time.Time
	LastError     string
}

// DB is the sync's side of a library's database.
type DB struct {
	s  *store.Store
	db *sql.DB
}

// New is the sync's side of the library s.
func New(s *store.Store) *DB { return &DB{s: s, db: s.DB()} }

// applying runs fn in one write transaction marked as the sync's own:
// the triggers do not queue its changes for the server.
func (d *DB) applying(ctx context.Context, fn func(*sql.Tx) error) error {
	return d.s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO sync_applying(one) VALUES (1)`); err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sync_applying`)
		return err
	})
}

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
	rows, err := d.db.QueryContext(ctx, `SELECT key, value FROM sync_state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	st := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		st[k] = v
	}
	return st, rows.Err()
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

// Linked maps the server's feed ids to local feed ids.
func (d *DB) Linked(ctx context.Context) (map[string]int64, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT remote_id, feed_id FROM sync_feeds`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var r string
		var id int64
		if err := rows.Scan(&r, &id); err != nil {
			return nil, err
		}
		m[r] = id
	}
	return m, rows.Err()
}

// Categories maps local feed ids to their folder on the server.
func (d *DB) Categories(ctx context.Context) (map[int64]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT feed_id, category FROM sync_feeds WHERE category <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64]string{}
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return nil, err
		}
		m[id] = c
	}
	return m, rows.Err()
}

// Unlinked lists the local subscriptions the server does not have
// yet: those to subscribe to there.
func (d *DB) Unlinked(ctx context.Context) ([]store.Feed, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT f.id FROM feeds f
		WHERE NOT EXISTS (SELECT 1 FROM sync_feeds s WHERE s.feed_id = f.id) ORDER BY f.id`)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]store.Feed, 0, len(ids))
	for _, id := range ids {
		f, err := d.s.Feed(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// ApplyFeeds stores the server's subscriptions: each is linked to
// the local feed of its URL, or added. With complete (the list is the
// server's whole list), the linked feeds the server no longer has are
// removed here too, their saved articles kept (as RemoveFeed does).
func (d *DB) ApplyFeeds(ctx context.Context, feeds []Feed, complete bool) (added, removed int, err error) {
	err = d.applying(ctx, func(tx *sql.Tx) error {
		added, removed = 0, 0
		now := time.Now().Unix()
		keep := map[string]bool{}
		listed := map[string]bool{}
		for _, f := range feeds {
			listed[f.RemoteID] = true
		}
		for _, f := range feeds {
			if f.RemoteID == "" || f.URL == "" {
				continue
			}
			keep[f.RemoteID] = true
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT feed_id FROM sync_feeds WHERE remote_id = ?`, f.RemoteID).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				err = tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, f.URL).Scan(&id)
				if errors.Is(err, sql.ErrNoRows) {
					var res sql.Result
					res, err = tx.ExecContext(ctx, `INSERT INTO feeds(url, site_url, title, added_at, checked_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?)`, f.URL, f.SiteURL, f.Title, now, now, now)
					if err == nil {
						id, _ = res.LastInsertId()
						added++
					}
				}
				if err != nil {
					return err
				}
				// A local feed linked to another remote id keeps that
				// link while the server lists it (it has the feed
				// twice); otherwise the feed was subscribed to again
				// there, and the link moves to the new id.
				var old string
				err := tx.QueryRowContext(ctx, `SELECT remote_id FROM sync_feeds WHERE feed_id = ?`, id).Scan(&old)
				switch {
				case errors.Is(err, sql.ErrNoRows) || (err == nil && !listed[old]):
					if _, err := tx.ExecContext(ctx, `INSERT INTO sync_feeds(feed_id, remote_id, category) VALUES (?, ?, ?)
						ON CONFLICT(feed_id) DO UPDATE SET remote_id = excluded.remote_id`, id, f.RemoteID, f.Category); err != nil {
						return err
					}
				case err != nil:
					return err
				}
			} else if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sync_feeds SET category = ? WHERE remote_id = ?`, f.Category, f.RemoteID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE feeds SET
				title = CASE WHEN ?1 = '' THEN title ELSE ?1 END,
				site_url = CASE WHEN ?2 = '' THEN site_url ELSE ?2 END WHERE id = ?3`, f.Title, f.SiteURL, id); err != nil {
				return err
			}
		}
		if !complete {
			return nil
		}
		rows, err := tx.QueryContext(ctx, `SELECT remote_id, feed_id FROM sync_feeds`)
		if err != nil {
			return err
		}
		var gone []int64
		for rows.Next() {
			var r string
			var id int64
			if err := rows.Scan(&r, &id); err != nil {
				rows.Close()
				return err
			}
			if !keep[r] {
				gone = append(gone, id)
			}
		}
		rows.Close()
		for _, id := range gone {
			if err := removeFeedTx(ctx, tx, id); err != nil {
				return err
			}
			removed++
		}
		return rows.Err()
	})
	return added, removed, err
}

// removeFeedTx is RemoveFeed inside a transaction: saved articles stay.
func removeFeedTx(ctx context.Context, tx *sql.Tx, id int64) error {
	for _, q := range []string{
		`UPDATE items SET removed_from = (SELECT url FROM feeds WHERE id = ?1) WHERE feed_id = ?1 AND saved = 1`,
		`DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE feed_id = ?1 AND saved = 0)`,
		`DELETE FROM items WHERE feed_id = ?1 AND saved = 0`,
		`DELETE FROM feeds WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// LinkFeed records that the server subscribed to a local feed under
// remoteID (after brief subscribed there).
func (d *DB) LinkFeed(ctx context.Context, feedID int64, remoteID, category string) error {
	return d.applying(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_feeds(feed_id, remote_id, category) VALUES (?, ?, ?)
			ON CONFLICT(feed_id) DO UPDATE SET remote_id = excluded.remote_id, category = excluded.category`,
			feedID, remoteID, category)
		return err
	})
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
