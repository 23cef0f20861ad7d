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

// Linked maps the server's feed ids to local feed ids.
func (d *DB) Linked(ctx context.Context) (map[string]int64, error) {
	return queryMap[string, int64](ctx, d.db, `SELECT remote_id, feed_id FROM sync_feeds`)
}

// Categories maps local feed ids to their folder on the server.
func (d *DB) Categories(ctx context.Context) (map[int64]string, error) {
	return queryMap[int64, string](ctx, d.db, `SELECT feed_id, category FROM sync_feeds WHERE category <> ''`)
}

// queryMap runs a query of two columns, key and value, and maps one
// to the other.
func queryMap[K comparable, V any](ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, q string) (map[K]V, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[K]V{}
	for rows.Next() {
		var k K
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
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
		linked, err := queryMap[string, int64](ctx, tx, `SELECT remote_id, feed_id FROM sync_feeds`)
		if err != nil {
			return err
		}
		for r, id := range linked {
			if keep[r] {
				continue
			}
			if err := store.RemoveFeedTx(ctx, tx, id); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	return added, removed, err
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
