package syncstore

// The sync's articles and marks: the server's articles stored (or matched
// to local ones), the server's marks merged with the ones made here,
// and the queue of marks made here that the server has not been told
// of yet.
//
// The merge is three-way: sync_items keeps the marks the server had
// when it was last heard from (remote_read, remote_saved), so a mark
// that differs from those changed on the server, and a queued row says
// it changed here. Changed on one side only: that side wins. Changed on
// both: for the read mark the more recent change wins when the server
// says when its change was made (Miniflux's changed_at), otherwise the
// change made here (the Google Reader API gives no time); for the saved
// mark saving wins, so that a saved article is never lost.

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/brief-news/brief/library/store"
)

// Mark is an article's marks as the server holds them.
type Mark struct {
	RemoteID    string
	Read, Saved bool
	Changed     time.Time // when the server changed them; zero: unknown
}

// Queued is a change made here that the server has not been told of:
// a mark (Kind "read" or "saved", the latest for its article) or an
// unsubscription ("unsubscribe", RemoteID naming the feed).
type Queued struct {
	ID       int64 // the newest queue row it stands for
	Kind     string
	RemoteID string
	Value    bool
	At       time.Time
}

// ApplyEntries stores one page of the server's articles in one
// transaction, with the sync state (cursors) that page brings: a new
// article is added (or, when a local article of its feed has its URL,
// linked to it, the marks of both kept); a known one has its marks
// merged. Articles of feeds the library does not link are left out and
// their feeds' ids returned, so that the caller can fetch the server's
// subscriptions and try again.
func (d *DB) ApplyEntries(ctx context.Context, entries []Entry, state map[string]string) (added int, unknownFeeds []string, err error) {
	at := time.Now()
	err = d.applying(ctx, func(tx *sql.Tx) error {
		added, unknownFeeds = 0, nil
		feeds := map[string]int64{}
		names := map[int64]string{}
		missing := map[string]bool{}
		for _, e := range entries {
			var itemID sql.NullInt64
			err := tx.QueryRowContext(ctx, `SELECT item_id FROM sync_items WHERE remote_id = ?`, e.RemoteID).Scan(&itemID)
			if err == nil {
				if err := mergeMark(ctx, tx, Mark{RemoteID: e.RemoteID, Read: e.Read, Saved: e.Saved, Changed: e.Changed}); err != nil {
					return err
				}
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			fid, ok := feeds[e.RemoteFeed]
			if !ok {
				err := tx.QueryRowContext(ctx, `SELECT feed_id FROM sync_feeds WHERE remote_id = ?`, e.RemoteFeed).Scan(&fid)
				if errors.Is(err, sql.ErrNoRows) {
					if !missing[e.RemoteFeed] {
						missing[e.RemoteFeed] = true
						unknownFeeds = append(unknownFeeds, e.RemoteFeed)
					}
					continue
				}
				if err != nil {
					return err
				}
				feeds[e.RemoteFeed] = fid
			}
			n, err := storeEntry(ctx, tx, fid, names, e, at)
			if err != nil {
				return err
			}
			added += n
		}
		return setState(ctx, tx, state)
	})
	return added, unknownFeeds, err
}

// storeEntry links a new server article to the local article of its
// feed with its URL, or adds it; it returns 1 when it added it.
func storeEntry(ctx context.Context, tx *sql.Tx, fid int64, names map[int64]string, e Entry, at time.Time) (int, error) {
	it := e.Item
	var id int64
	var read, saved bool
	err := tx.QueryRowContext(ctx, `SELECT i.id, i.read, i.saved FROM items i
		WHERE i.feed_id = ?1 AND ((?2 <> '' AND i.url = ?2) OR i.guid = ?3)
		AND NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.item_id = i.id) LIMIT 1`, fid, it.URL, it.GUID).Scan(&id, &read, &saved)
	if err == nil {
		// The same article, known on both sides: neither side's read
		// or saved mark is lost; the server learns of the ones it lacks.
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_items(remote_id, item_id, remote_read, remote_saved) VALUES (?, ?, ?, ?)`,
			e.RemoteID, id, e.Read, e.Saved); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE items SET read = ?, saved = ? WHERE id = ?`, read || e.Read, saved || e.Saved, id); err != nil {
			return 0, err
		}
		if read && !e.Read {
			if err := queue(ctx, tx, "read", id, e.RemoteID, true); err != nil {
				return 0, err
			}
		}
		if saved && !e.Saved {
			if err := queue(ctx, tx, "saved", id, e.RemoteID, true); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	site, ok := names[fid]
	if !ok {
		if err := tx.QueryRowContext(ctx, `SELECT CASE title WHEN '' THEN url ELSE title END FROM feeds WHERE id = ?`, fid).Scan(&site); err != nil {
			return 0, err
		}
		names[fid] = site
	}
	guid := it.GUID
	if guid == "" {
		guid = "sync:" + e.RemoteID
	}
	var taken int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM items WHERE feed_id = ? AND guid = ?`, fid, guid).Scan(&taken); err != nil {
		return 0, err
	}
	if taken > 0 {
		guid = "sync:" + e.RemoteID
	}
	it.GUID = guid
	id, err = store.InsertItem(ctx, tx, fid, site, it, e.Read, e.Saved, at)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO sync_items(remote_id, item_id, remote_read, remote_saved) VALUES (?, ?, ?, ?)`,
		e.RemoteID, id, e.Read, e.Saved)
	return 1, err
}

// queue adds a mark for the server to the queue by hand (the triggers
// are off in the sync's own transactions).
func queue(ctx context.Context, tx *sql.Tx, kind string, itemID int64, remoteID string, value bool) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sync_queue(kind, item_id, remote_id, value, at)
		VALUES (?, ?, ?, ?, `+store.NowMillis+`)`, kind, itemID, remoteID, value)
	return err
}

// ApplyMarks merges the server's marks of articles the library
// knows (see the file comment), in one transaction with the sync state
// they bring.
func (d *DB) ApplyMarks(ctx context.Context, marks []Mark, state map[string]string) error {
	return d.applying(ctx, func(tx *sql.Tx) error {
		for _, m := range marks {
			if err := mergeMark(ctx, tx, m); err != nil {
				return err
			}
		}
		return setState(ctx, tx, state)
	})
}

// mergeMark merges one article's server marks with the local ones.
func mergeMark(ctx context.Context, tx *sql.Tx, m Mark) error {
	var itemID sql.NullInt64
	var rRead, rSaved bool
	err := tx.QueryRowContext(ctx, `SELECT item_id, remote_read, remote_saved FROM sync_items WHERE remote_id = ?`,
		m.RemoteID).Scan(&itemID, &rRead, &rSaved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if m.Read == rRead && m.Saved == rSaved {
		// Unchanged on the server: every change made here is queued,
		// so there is nothing to merge.
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_items SET remote_read = ?, remote_saved = ? WHERE remote_id = ?`,
		m.Read, m.Saved, m.RemoteID); err != nil {
		return err
	}
	if !itemID.Valid {
		return nil // pruned or removed here: nothing local to mark
	}
	id := itemID.Int64
	for _, f := range []struct {
		kind           string
		remote, before bool
	}{{"read", m.Read, rRead}, {"saved", m.Saved, rSaved}} {
		var qv bool
		var qat int64
		err := tx.QueryRowContext(ctx, `SELECT value, at FROM sync_queue WHERE item_id = ? AND kind = ?
			ORDER BY id DESC LIMIT 1`, id, f.kind).Scan(&qv, &qat)
		pending := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		remoteChanged := f.remote != f.before
		serverWins := !pending
		if pending && remoteChanged && qv != f.remote {
			switch {
			case f.kind == "saved":
				serverWins = f.remote // saving wins: a saved article is never lost
			case !m.Changed.IsZero():
				serverWins = m.Changed.UnixMilli() > qat
			}
		} else if pending && qv == f.remote {
			serverWins = true // both sides agree: nothing left to send
		}
		if !serverWins {
			continue
		}
		if pending {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sync_queue WHERE item_id = ? AND kind = ?`, id, f.kind); err != nil {
				return err
			}
		}
		q := `UPDATE items SET read = ?1, read_at = CASE WHEN ?1 THEN ?2 ELSE read_at END WHERE id = ?3 AND read <> ?1`
		if f.kind == "saved" {
			q = `UPDATE items SET saved = ?1 WHERE id = ?3 AND saved <> ?1`
		}
		if _, err := tx.ExecContext(ctx, q, f.remote, time.Now().Unix(), id); err != nil {
			return err
		}
	}
	return nil
}

// Pending lists what the server has not been told of: for each
// article and mark the latest change queued, and each unsubscription.
func (d *DB) Pending(ctx context.Context) ([]Queued, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT q.id, q.kind, q.remote_id, q.value, q.at FROM sync_queue q
		WHERE q.id = (SELECT max(id) FROM sync_queue r WHERE r.remote_id = q.remote_id AND r.kind = q.kind)
		ORDER BY q.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Queued
	for rows.Next() {
		var q Queued
		var at int64
		if err := rows.Scan(&q.ID, &q.Kind, &q.RemoteID, &q.Value, &at); err != nil {
			return nil, err
		}
		q.At = time.UnixMilli(at)
		out = append(out, q)
	}
	return out, rows.Err()
}

// Sent removes from the queue the changes the server accepted
// (those queued since stay) and records the server's new marks.
func (d *DB) Sent(ctx context.Context, sent []Queued) error {
	return d.applying(ctx, func(tx *sql.Tx) error {
		for _, q := range sent {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sync_queue WHERE remote_id = ? AND kind = ? AND id <= ?`,
				q.RemoteID, q.Kind, q.ID); err != nil {
				return err
			}
			col := map[string]string{"read": "remote_read", "saved": "remote_saved"}[q.Kind]
			if col == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sync_items SET `+col+` = ? WHERE remote_id = ?`, q.Value, q.RemoteID); err != nil {
				return err
			}
		}
		return nil
	})
}
