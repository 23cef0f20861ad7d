package store

// The text of an article fetched from its page, with the page's own
// previous/next links, stored in place of the feed's teaser.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/brief-news/brief/library/store/internal/searchtext"
	"github.com/brief-news/brief/reader"
)

// pageLinks is how an article page's own previous/next links are kept.
type pageLinks struct {
	Prev *reader.Link `json:"prev,omitempty"`
	Next *reader.Link `json:"next,omitempty"`
}

// SetPage stores the full text of an article extracted from its page,
// replacing the feed's teaser, with the page's own previous/next links.
func (s *Store) SetPage(ctx context.Context, id int64, a *reader.Article) error {
	var links string
	if a.Prev != nil || a.Next != nil {
		b, err := json.Marshal(pageLinks{Prev: a.Prev, Next: a.Next})
		if err != nil {
			return err
		}
		links = string(b)
	}
	text := searchtext.Of(a.Body)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var title string
		err := tx.QueryRowContext(ctx, `UPDATE items SET source = 'page', teaser = 0, words = ?, links = ?,
			author = CASE author WHEN '' THEN ? ELSE author END,
			lang = CASE lang WHEN '' THEN ? ELSE lang END
			WHERE id = ? RETURNING title`, countWords(text), links, a.Byline, a.Lang, id).Scan(&title)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return writeBody(ctx, tx, id, title, a.Body, text, true)
	})
}

// Links returns the page's own previous/next links stored by SetPage.
func (s *Store) Links(ctx context.Context, id int64) (prev, next *reader.Link, err error) {
	var js string
	err = s.db.QueryRowContext(ctx, `SELECT links FROM items WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	}
	if err != nil || js == "" {
		return nil, nil, err
	}
	var l pageLinks
	if err := json.Unmarshal([]byte(js), &l); err != nil {
		return nil, nil, nil // unreadable links are no links
	}
	return l.Prev, l.Next, nil
}

// Prune removes read, unsaved articles dated before cutoff and returns
// how many went. Their GUIDs are remembered while their feed still
// carries them, so they do not return as new.
func (s *Store) Prune(ctx context.Context, cutoff time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		const sel = `SELECT id FROM items WHERE read = 1 AND saved = 0 AND sort_key < ?`
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO pruned(feed_id, guid, seen_at)
			SELECT feed_id, guid, seen_at FROM items WHERE feed_id IS NOT NULL AND read = 1 AND saved = 0 AND sort_key < ?`,
			cutoff.Unix()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid IN (`+sel+`)`, cutoff.Unix()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM items WHERE id IN (`+sel+`)`, cutoff.Unix())
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}
