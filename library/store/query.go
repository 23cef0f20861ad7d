package store

// Choosing stored articles: views, filters, counts, one article's list
// data and body, and its neighbours in its feed.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// View selects a list of the library.
type View int

const (
	All    View = iota // every stored article
	Unread             // articles not read yet
	Saved              // articles saved with b
)

// String names the view as the UI and CLI show it.
func (v View) String() string {
	switch v {
	case Unread:
		return "unread"
	case Saved:
		return "saved"
	}
	return "all"
}

// ParseView reads "all", "unread" or "saved".
func ParseView(s string) (View, error) {
	switch strings.ToLower(s) {
	case "", "all":
		return All, nil
	case "unread":
		return Unread, nil
	case "saved":
		return Saved, nil
	}
	return All, fmt.Errorf("unknown view %q (all, unread or saved)", s)
}

// Filter chooses and pages a list of items, newest first.
type Filter struct {
	View   View
	FeedID int64 // one feed only when non-zero
	// Folder: only the feeds in this folder of the sync server
	// (syncschema.go) when not "".
	Folder string
	Limit  int // at most this many (0: all)
	Offset int
}

const itemCols = `i.id, i.feed_id, COALESCE(NULLIF(f.title, ''), NULLIF(i.site, ''), f.url, ''),
	i.guid, i.url, i.title, i.author, i.lang, i.published, i.fetched_at, i.words, i.teaser, i.source, i.read, i.saved`

// listCols is itemCols without the join: the feed name is the one the
// item was stored under until Items replaces it with the current one.
const listCols = `i.id, i.feed_id, i.site,
	i.guid, i.url, i.title, i.author, i.lang, i.published, i.fetched_at, i.words, i.teaser, i.source, i.read, i.saved`

// headCols are the columns of EachHeadline, all of them in the
// items_list index (schema.go).
const headCols = `i.id, i.feed_id, i.site, i.url, i.title, i.published, i.fetched_at, i.read, i.saved`

// scanner is a row to scan: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

func scanHeadline(sc scanner) (Item, error) {
	var it Item
	var feedID sql.NullInt64
	var pub, fetched int64
	if err := sc.Scan(&it.ID, &feedID, &it.Feed, &it.URL, &it.Title, &pub, &fetched, &it.Read, &it.Saved); err != nil {
		return it, err
	}
	it.FeedID = feedID.Int64
	it.Published, it.Fetched = fromUnix(pub), fromUnix(fetched)
	return it, nil
}

func scanItem(sc scanner, extra ...any) (Item, error) {
	var it Item
	var feedID sql.NullInt64
	var pub, fetched int64
	var src string
	dst := append([]any{&it.ID, &feedID, &it.Feed, &it.GUID, &it.URL, &it.Title, &it.Author, &it.Lang,
		&pub, &fetched, &it.Words, &it.Teaser, &src, &it.Read, &it.Saved}, extra...)
	if err := sc.Scan(dst...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrNotFound
		}
		return it, err
	}
	it.FeedID = feedID.Int64
	it.Published, it.Fetched = fromUnix(pub), fromUnix(fetched)
	it.Source = Source(src)
	return it, nil
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	switch f.View {
	case Unread:
		conds = append(conds, "i.read = 0")
	case Saved:
		conds = append(conds, "i.saved = 1")
	}
	if f.FeedID != 0 {
		conds = append(conds, "i.feed_id = ?")
		args = append(args, f.FeedID)
	}
	if f.Folder != "" {
		conds = append(conds, "i.feed_id IN (SELECT feed_id FROM sync_feeds WHERE category = ?)")
		args = append(args, f.Folder)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Count is how many articles the filter selects (Limit ignored).
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	where, args := f.where()
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM items i`+where, args...).Scan(&n)
	return n, err
}

// Item returns one article's list data.
func (s *Store) Item(ctx context.Context, id int64) (Item, error) {
	return scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemCols+` FROM items i
		LEFT JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?`, id))
}

// Body returns an article's stored text (markdown).
func (s *Store) Body(ctx context.Context, id int64) (string, error) {
	var b string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM bodies WHERE item_id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.Item(ctx, id); err != nil {
			return "", err
		}
		return "", nil
	}
	return b, err
}

// Neighbors returns the items just before (older) and after (newer) id
// in its feed; nil where there is none.
func (s *Store) Neighbors(ctx context.Context, id int64) (prev, next *Item, err error) {
	var feedID sql.NullInt64
	var key int64
	err = s.db.QueryRowContext(ctx, `SELECT feed_id, sort_key FROM items WHERE id = ?`, id).Scan(&feedID, &key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	}
	if err != nil || !feedID.Valid {
		return nil, nil, err
	}
	base := `SELECT ` + itemCols + ` FROM items i LEFT JOIN feeds f ON f.id = i.feed_id WHERE i.feed_id = ?1 AND `
	one := func(q string) (*Item, error) {
		it, err := scanItem(s.db.QueryRowContext(ctx, base+q, feedID.Int64, key, id))
		if errors.Is(err, ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return &it, nil
	}
	if prev, err = one(`(i.sort_key < ?2 OR (i.sort_key = ?2 AND i.id < ?3)) ORDER BY i.sort_key DESC, i.id DESC LIMIT 1`); err != nil {
		return nil, nil, err
	}
	if next, err = one(`(i.sort_key > ?2 OR (i.sort_key = ?2 AND i.id > ?3)) ORDER BY i.sort_key ASC, i.id ASC LIMIT 1`); err != nil {
		return nil, nil, err
	}
	return prev, next, nil
}
