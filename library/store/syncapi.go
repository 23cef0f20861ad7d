package store

// What library/syncstore, the sync's side of the database, needs of the
// store: its write transactions, storing an article as a refresh does
// (its body, its search index), removing a feed as RemoveFeed does, and
// the clock the sync queue's triggers stamp their rows with.

import (
	"context"
	"database/sql"
	"time"

	"github.com/brief-news/brief/library/store/internal/searchtext"
)

// Tx runs fn in one write transaction. A failure to write the file
// (read-only, full) is a config.StateError naming it.
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error { return s.tx(ctx, fn) }

// NowMillis is SQLite's clock in milliseconds since 1970, as the sync
// queue's triggers stamp the rows they queue: when a queued change was
// made, for the most-recent-change-wins rule.
const NowMillis = nowMillis

// InsertItem stores a new article of feed feedID (named site) in tx,
// with its marks, its body and its search index, as a refresh would
// have stored it at at; it returns its id. it.GUID must be new in the
// feed.
func InsertItem(ctx context.Context, tx *sql.Tx, feedID int64, site string, it NewItem, read, saved bool, at time.Time) (int64, error) {
	pub := plausible(it.Published, at)
	readAt := int64(0)
	if read {
		readAt = at.Unix()
	}
	text := searchtext.Of(it.Body)
	res, err := tx.ExecContext(ctx, `INSERT INTO items(feed_id, guid, url, title, author, lang, site,
		published, fetched_at, sort_key, words, teaser, source, read, read_at, saved, seen_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'feed', ?, ?, ?, ?)`,
		feedID, it.GUID, it.URL, it.Title, it.Author, it.Lang, site, unix(pub), at.Unix(), sortKey(pub, at),
		countWords(text), it.Teaser, read, readAt, saved, at.Unix())
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	return id, writeBody(ctx, tx, id, it.Title, it.Body, text, false)
}

// RemoveFeedTx is RemoveFeed inside tx (the sync removes the feeds the
// server no longer has in its own transaction): saved articles stay.
func RemoveFeedTx(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE items SET removed_from = (SELECT url FROM feeds WHERE id = ?1)
		WHERE feed_id = ?1 AND saved = 1`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid IN
		(SELECT id FROM items WHERE feed_id = ? AND saved = 0)`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE feed_id = ? AND saved = 0`, id); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
