package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Feed is one subscription and its state.
type Feed struct {
	ID      int64
	URL     string // the feed document's address
	SiteURL string // the site's home page, when the feed names it
	Title   string
	// ETag and LastModified are the validators of the last response,
	// sent back for a conditional GET.
	ETag, LastModified string
	Added              time.Time
	Checked            time.Time // last refresh attempt, zero if never
	Updated            time.Time // last successful refresh, zero if never
	Error              string    // the last refresh's error, "" when it worked
	Total, Unread      int       // stored articles
}

// Name is the feed's title, or its URL before the first refresh.
func (f *Feed) Name() string {
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// AddFeed subscribes to a feed. When its URL is already subscribed it
// returns the existing feed and added false.
func (s *Store) AddFeed(ctx context.Context, f Feed) (feed Feed, added bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO feeds(url, site_url, title, added_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(url) DO NOTHING`, f.URL, f.SiteURL, f.Title, s.now().Unix())
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		added = n > 0
		return nil
	})
	if err != nil {
		return Feed{}, false, err
	}
	feed, err = s.FeedByURL(ctx, f.URL)
	return feed, added, err
}

const feedCols = `f.id, f.url, f.site_url, f.title, f.etag, f.last_modified, f.added_at, f.checked_at, f.updated_at, f.error`

func scanFeed(sc interface{ Scan(...any) error }, extra ...any) (Feed, error) {
	var f Feed
	var added, checked, updated int64
	dst := append([]any{&f.ID, &f.URL, &f.SiteURL, &f.Title, &f.ETag, &f.LastModified, &added, &checked, &updated, &f.Error}, extra...)
	if err := sc.Scan(dst...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrNotFound
		}
		return f, err
	}
	f.Added, f.Checked, f.Updated = fromUnix(added), fromUnix(checked), fromUnix(updated)
	return f, nil
}

// FeedByURL returns the subscription to url.
func (s *Store) FeedByURL(ctx context.Context, url string) (Feed, error) {
	return scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds f WHERE f.url = ?`, url))
}

// Feed returns the subscription with id.
func (s *Store) Feed(ctx context.Context, id int64) (Feed, error) {
	return scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds f WHERE f.id = ?`, id))
}

// Feeds lists the subscriptions by name, with their article counts.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedCols+`, COALESCE(c.total, 0), COALESCE(c.unread, 0)
		FROM feeds f LEFT JOIN (SELECT feed_id, count(*) AS total, sum(read = 0) AS unread
			FROM items WHERE feed_id IS NOT NULL GROUP BY feed_id) c ON c.feed_id = f.id
		ORDER BY lower(CASE f.title WHEN '' THEN f.url ELSE f.title END), f.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var total, unread int
		f, err := scanFeed(rows, &total, &unread)
		if err != nil {
			return nil, err
		}
		f.Total, f.Unread = total, unread
		out = append(out, f)
	}
	return out, rows.Err()
}

// RemoveFeed unsubscribes. The feed's articles go with it, except saved
// ones, which stay in the library under the feed's last name; they
// remember the feed's URL, so that subscribing to it again re-attaches
// them (ApplyUpdate) instead of storing them a second time.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return RemoveFeedTx(ctx, tx, id) })
}

// FeedChecked records a refresh attempt that brought no new document:
// the server answered 304 Not Modified (err "") or the fetch failed.
func (s *Store) FeedChecked(ctx context.Context, id int64, at time.Time, fetchErr string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		q := `UPDATE feeds SET checked_at = ?1, error = ?2 WHERE id = ?3`
		if fetchErr == "" {
			q = `UPDATE feeds SET checked_at = ?1, updated_at = ?1, error = ?2 WHERE id = ?3`
		}
		_, err := tx.ExecContext(ctx, q, at.Unix(), fetchErr, id)
		return err
	})
}
