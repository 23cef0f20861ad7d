package store

// The read, saved and teaser marks of library articles (SetRead,
// SetSaved, SetTeaser, MarkAllRead); marks of articles outside the library
// are in marks.go.

import (
	"context"
	"database/sql"
)

// SetRead marks an article read or unread.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.set(ctx, `UPDATE items SET read = ?, read_at = ? WHERE id = ?`, read, s.now().Unix(), id)
}

// SetSaved saves an article (kept forever, listed under saved) or
// unsaves it.
func (s *Store) SetSaved(ctx context.Context, id int64, saved bool) error {
	return s.set(ctx, `UPDATE items SET saved = ? WHERE id = ?`, saved, id)
}

// SetTeaser records whether an article's text is only a feed teaser;
// false stops brief from fetching its page again.
func (s *Store) SetTeaser(ctx context.Context, id int64, teaser bool) error {
	return s.set(ctx, `UPDATE items SET teaser = ? WHERE id = ?`, teaser, id)
}

// MarkAllRead marks every article the filter selects as read and
// returns how many changed.
func (s *Store) MarkAllRead(ctx context.Context, f Filter) (int, error) {
	where, args := f.where()
	if where == "" {
		where = " WHERE "
	} else {
		where += " AND "
	}
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE items AS i SET read = 1, read_at = ?`+where+`i.read = 0`,
			append([]any{s.now().Unix()}, args...)...)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}

func (s *Store) set(ctx context.Context, q string, args ...any) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}
