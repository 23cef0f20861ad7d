package store

// Stored articles as refresh hands them in: the item types, and
// ApplyUpdate, which stores one fetched feed document.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/brief-news/brief/library/store/internal/searchtext"
	"github.com/brief-news/brief/reader"
)

// Source says where an article's stored text came from.
type Source string

const (
	FromFeed Source = "feed" // the feed item's own content
	FromPage Source = "page" // the article's web page, fetched and extracted
)

// NewItem is a feed item as refresh hands it to the store. Its strings
// have passed through reader.Clean.
type NewItem struct {
	GUID      string // unique within the feed; duplicates keep the first
	URL       string
	Title     string
	Author    string
	Lang      string
	Published time.Time // zero when the feed gives no usable date
	Body      string    // markdown
	Teaser    bool      // the feed carries only a summary of the article
}

// Update is the result of fetching one feed document.
type Update struct {
	FeedID             int64
	Title, SiteURL     string // "" keeps the stored value
	ETag, LastModified string
	At                 time.Time // when it was fetched
	Items              []NewItem // in document order
}

// Item is one stored article as lists show it (no body).
type Item struct {
	ID     int64
	FeedID int64  // 0 once its feed was removed (saved articles stay)
	Feed   string // the feed's name
	GUID   string
	URL    string
	Title  string
	Author string
	Lang   string
	// Published is the date the feed gave, zero when it gave none (or an
	// impossible one); Fetched is when brief first saw the item.
	Published, Fetched time.Time
	Words              int
	Teaser             bool   // the stored text is a feed summary; the page has more
	Source             Source // where the stored text came from
	Read, Saved        bool
}

// Date is the item's date for display: published, else first seen.
func (it *Item) Date() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Fetched
}

// Location is the article's address: its URL, or an item: reference
// when the feed gave no link.
func (it *Item) Location() string {
	if it.URL != "" {
		return it.URL
	}
	return fmt.Sprintf("item:%d", it.ID)
}

// Article is the item as a reader.Article without its body (Partial).
func (it *Item) Article() *reader.Article {
	return &reader.Article{
		Title:     it.Title,
		Byline:    it.Author,
		Site:      it.Feed,
		Lang:      it.Lang,
		Published: it.Published,
		Location:  it.Location(),
		URL:       it.URL,
		Words:     it.Words,
		Partial:   true,
	}
}

// sortKey orders items newest first: the published date when it is
// plausible, otherwise when the item was first seen.
func sortKey(published, at time.Time) int64 {
	if published.IsZero() {
		return at.Unix()
	}
	return published.Unix()
}

// plausible drops dates a feed cannot mean: before 1990 or more than a
// day after the fetch.
func plausible(t, at time.Time) time.Time {
	if t.IsZero() || t.Year() < 1990 || t.After(at.Add(24*time.Hour)) {
		return time.Time{}
	}
	return t
}

// ApplyUpdate stores one fetched feed document in one transaction: feed
// title and validators, new items (returned as the count added), and
// changed content of known items, whose read and saved marks are kept.
// A saved article kept from this feed's earlier subscription (see
// RemoveFeed) is known too: it is re-attached to the feed, not added.
func (s *Store) ApplyUpdate(ctx context.Context, u Update) (added int, err error) {
	at := u.At
	if at.IsZero() {
		at = s.now()
	}
	seen := make(map[string]bool, len(u.Items))
	items := make([]NewItem, 0, len(u.Items))
	for _, it := range u.Items {
		if it.GUID == "" || seen[it.GUID] {
			continue
		}
		seen[it.GUID] = true
		items = append(items, it)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		// A small page cache for the update: a first refresh writes
		// thousands of rows and their index and full-text entries once,
		// and would fill the whole cache with pages it does not read
		// again, memory the process keeps to its end. With 2
		// MB instead of cacheKB the peak of one 10,000-item feed's first
		// refresh is 70-74 MB instead of 79-81 MB, in the same time; the
		// cache is set back for the reads that follow on the connection.
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -2048`); err != nil {
			return err
		}
		defer tx.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = -%d`, cacheKB))
		var site, feedURL string
		err := tx.QueryRowContext(ctx, `UPDATE feeds SET
				title = CASE WHEN ?1 = '' THEN title ELSE ?1 END,
				site_url = CASE WHEN ?2 = '' THEN site_url ELSE ?2 END,
				etag = ?3, last_modified = ?4, checked_at = ?5, updated_at = ?5, error = ''
			WHERE id = ?6 RETURNING CASE title WHEN '' THEN url ELSE title END, url`,
			u.Title, u.SiteURL, u.ETag, u.LastModified, at.Unix(), u.FeedID).Scan(&site, &feedURL)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		// What the feed already holds, read once: most items of a first
		// refresh are new, and three lookups each to learn so were a
		// third of the transaction.
		known, pruned, err := feedGUIDs(ctx, tx, u.FeedID)
		if err != nil {
			return err
		}
		var anyKept bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM items WHERE feed_id IS NULL)`).Scan(&anyKept); err != nil {
			return err
		}
		stPruned, err := tx.PrepareContext(ctx, `UPDATE pruned SET seen_at = ? WHERE feed_id = ? AND guid = ?`)
		if err != nil {
			return err
		}
		defer stPruned.Close()
		stFind, err := tx.PrepareContext(ctx, `SELECT i.id, i.title, i.url, i.source, b.body FROM items i
			LEFT JOIN bodies b ON b.item_id = i.id WHERE i.feed_id = ? AND i.guid = ?`)
		if err != nil {
			return err
		}
		defer stFind.Close()
		// A saved article kept from this feed when it was removed: the
		// same GUID or link. Articles kept before removed_from existed
		// must match both.
		stKept, err := tx.PrepareContext(ctx, `SELECT i.id, i.title, i.url, i.source, b.body FROM items i
			LEFT JOIN bodies b ON b.item_id = i.id WHERE i.feed_id IS NULL AND
				((i.removed_from = ?1 AND (i.guid = ?2 OR (?3 <> '' AND i.url = ?3)))
				OR (i.removed_from = '' AND i.guid = ?2 AND i.url = ?3))
			ORDER BY i.id LIMIT 1`)
		if err != nil {
			return err
		}
		defer stKept.Close()
		stAttach, err := tx.PrepareContext(ctx, `UPDATE items SET feed_id = ?, guid = ?, removed_from = '' WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stAttach.Close()
		stSeen, err := tx.PrepareContext(ctx, `UPDATE items SET seen_at = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stSeen.Close()
		stIns, err := tx.PrepareContext(ctx, `INSERT INTO items(feed_id, guid, url, title, author, lang, site,
			published, fetched_at, sort_key, words, teaser, source, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'feed', ?)`)
		if err != nil {
			return err
		}
		defer stIns.Close()
		// Oldest first, so that among items of one date the ones higher
		// in the document get the higher ids and list first.
		for i := len(items) - 1; i >= 0; i-- {
			it := items[i]
			if pruned[it.GUID] {
				if _, err := stPruned.ExecContext(ctx, at.Unix(), u.FeedID, it.GUID); err != nil {
					return err
				}
				continue
			}
			pub := plausible(it.Published, at)
			var id int64
			var title, url, source string
			var body sql.NullString
			err := sql.ErrNoRows
			if known[it.GUID] {
				err = stFind.QueryRowContext(ctx, u.FeedID, it.GUID).Scan(&id, &title, &url, &source, &body)
			}
			if errors.Is(err, sql.ErrNoRows) && anyKept {
				err = stKept.QueryRowContext(ctx, feedURL, it.GUID, it.URL).Scan(&id, &title, &url, &source, &body)
				if err == nil {
					if _, err := stAttach.ExecContext(ctx, u.FeedID, it.GUID, id); err != nil {
						return err
					}
				}
			}
			switch {
			case err == nil:
				if _, err := stSeen.ExecContext(ctx, at.Unix(), id); err != nil {
					return err
				}
				if title == it.Title && url == it.URL && (Source(source) == FromPage || body.String == it.Body) {
					continue
				}
				if err := updateItem(ctx, tx, id, it, Source(source) == FromPage); err != nil {
					return err
				}
			case errors.Is(err, sql.ErrNoRows):
				text := searchtext.Of(it.Body)
				res, err := stIns.ExecContext(ctx, u.FeedID, it.GUID, it.URL, it.Title, it.Author, it.Lang, site,
					unix(pub), at.Unix(), sortKey(pub, at), countWords(text), it.Teaser, at.Unix())
				if err != nil {
					return err
				}
				id, _ = res.LastInsertId()
				if err := writeBody(ctx, tx, id, it.Title, it.Body, text, false); err != nil {
					return err
				}
				added++
			default:
				return err
			}
		}
		// Pruned items the feed no longer carries cannot come back.
		_, err = tx.ExecContext(ctx, `DELETE FROM pruned WHERE feed_id = ? AND seen_at < ?`, u.FeedID, at.Unix())
		return err
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// updateItem stores a known item's new title, link and (unless the
// stored text came from its page) content.
func updateItem(ctx context.Context, tx *sql.Tx, id int64, it NewItem, keepBody bool) error {
	if keepBody {
		_, err := tx.ExecContext(ctx, `UPDATE items SET title = ?, url = ? WHERE id = ?`, it.Title, it.URL, id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE items_fts SET title = ? WHERE rowid = ?`, it.Title, id)
		return err
	}
	text := searchtext.Of(it.Body)
	if _, err := tx.ExecContext(ctx, `UPDATE items SET title = ?, url = ?, author = ?, words = ?, teaser = ? WHERE id = ?`,
		it.Title, it.URL, it.Author, countWords(text), it.Teaser, id); err != nil {
		return err
	}
	return writeBody(ctx, tx, id, it.Title, it.Body, text, true)
}

// writeBody stores an item's markdown and indexes its text.
func writeBody(ctx context.Context, tx *sql.Tx, id int64, title, body, text string, replace bool) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO bodies(item_id, body) VALUES (?, ?)
		ON CONFLICT(item_id) DO UPDATE SET body = excluded.body`, id, body); err != nil {
		return err
	}
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)`,
		id, searchtext.StripMarks(title), text)
	return err
}
