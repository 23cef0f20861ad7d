package store

// Lists of stored articles: whole (Items) or streamed (EachItem,
// EachHeadline).

import (
	"context"
	"database/sql"
	"fmt"
)

// Items lists the articles the filter selects, newest first.
func (s *Store) Items(ctx context.Context, f Filter) ([]Item, error) {
	out := make([]Item, 0, min(max(f.Limit, 64), 1<<16))
	err := s.eachItem(ctx, f, listCols, scanListed, func(it *Item) error {
		out = append(out, *it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachItem calls fn with each article the filter selects, newest first,
// as the rows are read: a caller printing 100,000 rows holds one at a
// time, and its first line is out before the last row is read. fn's
// Item is reused for the next row (copy it to keep it). An error from
// fn stops the walk and is returned; fn must not call the store.
func (s *Store) EachItem(ctx context.Context, f Filter, fn func(*Item) error) error {
	return s.eachItem(ctx, f, listCols, scanListed, fn)
}

// EachHeadline is EachItem with only what a one-line listing prints:
// ID, FeedID, Feed, URL, Title, Published, Fetched, Read and Saved (the
// other fields are zero). Those columns are all in the items_list
// index, so a walk of the whole library in list order reads the index
// alone and never the table: a quarter of the time of EachItem's walk.
func (s *Store) EachHeadline(ctx context.Context, f Filter, fn func(*Item) error) error {
	return s.eachItem(ctx, f, headCols, scanHeadline, fn)
}

// scanListed is scanItem with no extra columns.
func scanListed(sc scanner) (Item, error) { return scanItem(sc) }

func (s *Store) eachItem(ctx context.Context, f Filter, cols string,
	scan func(scanner) (Item, error), fn func(*Item) error) error {
	where, args := f.where()
	// Feed names come from a map rather than a join: with 100,000 rows
	// the join's lookups cost more than the rest of the query.
	names, err := s.feedNames(ctx)
	if err != nil {
		return err
	}
	q := `SELECT ` + cols + ` FROM items i` + where + ` ORDER BY i.sort_key DESC, i.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var it Item
	for rows.Next() {
		if it, err = scan(rows); err != nil {
			return err
		}
		if n := names[it.FeedID]; n != "" {
			it.Feed = n
		}
		if err := fn(&it); err != nil {
			return err
		}
	}
	return rows.Err()
}

// feedNames maps feed ids to their names.
func (s *Store) feedNames(ctx context.Context) (map[int64]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, CASE title WHEN '' THEN url ELSE title END FROM feeds`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64]string{}
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		m[id] = n
	}
	return m, rows.Err()
}

// feedGUIDs returns the GUIDs of a feed's stored items and of its
// pruned ones.
func feedGUIDs(ctx context.Context, tx *sql.Tx, feedID int64) (known, pruned map[string]bool, err error) {
	read := func(q string) (map[string]bool, error) {
		rows, err := tx.QueryContext(ctx, q, feedID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		m := map[string]bool{}
		for rows.Next() {
			var g string
			if err := rows.Scan(&g); err != nil {
				return nil, err
			}
			m[g] = true
		}
		return m, rows.Err()
	}
	if known, err = read(`SELECT guid FROM items WHERE feed_id = ?`); err != nil {
		return nil, nil, err
	}
	if pruned, err = read(`SELECT guid FROM pruned WHERE feed_id = ?`); err != nil {
		return nil, nil, err
	}
	return known, pruned, nil
}
