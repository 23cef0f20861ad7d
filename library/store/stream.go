package store

// A long feed document stored as it is parsed, a run of items at a time.

import "context"

// applyStream stores u's items as they come, the first of a GUID
// standing. A new item's id is chosen rather than the next one free:
// the n items of the document get the n ids above any ever used (ids
// are never reused), the first item the highest, so that among items
// of one date the ones higher in the document list first, as when they
// are stored oldest first. Items not inserted leave their id unused.
// Each run is stored last item first: the full-text index flushes its
// pending terms whenever a row's id is lower than the one before, so
// ids must rise within a run (across runs they fall, one flush a run).
func (up *update) applyStream(ctx context.Context, u Update) (added int, err error) {
	var base int64
	if err := up.tx.QueryRowContext(ctx, `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'items'), 0),
		COALESCE((SELECT MAX(id) FROM items), 0)) + 1`).Scan(&base); err != nil {
		return 0, err
	}
	seen := make(map[string]bool, u.Total)
	pos := 0
	put := func(items []NewItem) error {
		first := pos
		pos += len(items)
		keep := make([]bool, len(items))
		for k, it := range items {
			keep[k] = it.GUID != "" && !seen[it.GUID]
			seen[it.GUID] = true
		}
		for k := len(items) - 1; k >= 0; k-- {
			if !keep[k] {
				continue
			}
			var id int64 // past Total (a count that was short): the next free
			if i := first + k; i < u.Total {
				id = base + int64(u.Total-1-i)
			}
			isNew, err := up.apply(ctx, items[k], id)
			if err != nil {
				return err
			}
			if isNew {
				added++
			}
		}
		return nil
	}
	if err := put(u.Items); err != nil {
		return 0, err
	}
	if err := u.More(put); err != nil {
		return 0, err
	}
	return added, nil
}
