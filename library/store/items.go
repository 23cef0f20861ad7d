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
	// More, when not nil, hands the document's further items to put, a
	// run at a time in document order, after Items: ApplyUpdate calls
	// it inside its transaction, so that a long feed is converted and
	// stored a run at a time instead of held whole. Total is then the
	// number of items in the document, which places new items in its
	// order (see applyStream).
	More  func(put func([]NewItem) error) error
	Total int
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
	var items []NewItem
	if u.More == nil {
		items = uniqueItems(u.Items)
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
		up := &update{tx: tx, feedID: u.FeedID, at: at}
		err := tx.QueryRowContext(ctx, `UPDATE feeds SET
				title = CASE WHEN ?1 = '' THEN title ELSE ?1 END,
				site_url = CASE WHEN ?2 = '' THEN site_url ELSE ?2 END,
				etag = ?3, last_modified = ?4, checked_at = ?5, updated_at = ?5, error = ''
			WHERE id = ?6 RETURNING CASE title WHEN '' THEN url ELSE title END, url`,
			u.Title, u.SiteURL, u.ETag, u.LastModified, at.Unix(), u.FeedID).Scan(&up.site, &up.feedURL)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := up.prepare(ctx); err != nil {
			return err
		}
		defer up.close()
		if u.More != nil {
			if added, err = up.applyStream(ctx, u); err != nil {
				return err
			}
		} else {
			// Oldest first, so that among items of one date the ones
			// higher in the document get the higher ids and list first.
			for i := len(items) - 1; i >= 0; i-- {
				isNew, err := up.apply(ctx, items[i], 0)
				if err != nil {
					return err
				}
				if isNew {
					added++
				}
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

// uniqueItems drops items without a GUID and the repeats of a GUID
// (the first in the document stands).
func uniqueItems(in []NewItem) []NewItem {
	seen := make(map[string]bool, len(in))
	items := make([]NewItem, 0, len(in))
	for _, it := range in {
		if it.GUID == "" || seen[it.GUID] {
			continue
		}
		seen[it.GUID] = true
		items = append(items, it)
	}
	return items
}

// update is one ApplyUpdate's transaction: the feed, what it already
// holds (read once: most items of a first refresh are new, and three
// lookups each to learn so were a third of the transaction) and the
// statements each item runs.
type update struct {
	tx             *sql.Tx
	feedID         int64
	at             time.Time
	site, feedURL  string
	known, pruned  map[string]bool
	anyKept        bool // saved articles kept from removed feeds exist
	stPruned       *sql.Stmt
	stFind, stKept *sql.Stmt
	stAttach       *sql.Stmt
	stSeen, stIns  *sql.Stmt
}

func (up *update) prepare(ctx context.Context) error {
	var err error
	if up.known, up.pruned, err = feedGUIDs(ctx, up.tx, up.feedID); err != nil {
		return err
	}
	if err := up.tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM items WHERE feed_id IS NULL)`).Scan(&up.anyKept); err != nil {
		return err
	}
	for _, st := range []struct {
		to *(*sql.Stmt)
		q  string
	}{
		{&up.stPruned, `UPDATE pruned SET seen_at = ? WHERE feed_id = ? AND guid = ?`},
		{&up.stFind, `SELECT i.id, i.title, i.url, i.source, b.body FROM items i
			LEFT JOIN bodies b ON b.item_id = i.id WHERE i.feed_id = ? AND i.guid = ?`},
		// A saved article kept from this feed when it was removed: the
		// same GUID or link. Articles kept before removed_from existed
		// must match both.
		{&up.stKept, `SELECT i.id, i.title, i.url, i.source, b.body FROM items i
			LEFT JOIN bodies b ON b.item_id = i.id WHERE i.feed_id IS NULL AND
				((i.removed_from = ?1 AND (i.guid = ?2 OR (?3 <> '' AND i.url = ?3)))
				OR (i.removed_from = '' AND i.guid = ?2 AND i.url = ?3))
			ORDER BY i.id LIMIT 1`},
		{&up.stAttach, `UPDATE items SET feed_id = ?, guid = ?, removed_from = '' WHERE id = ?`},
		{&up.stSeen, `UPDATE items SET seen_at = ? WHERE id = ?`},
		{&up.stIns, `INSERT INTO items(id, feed_id, guid, url, title, author, lang, site,
			published, fetched_at, sort_key, words, teaser, source, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'feed', ?)`},
	} {
		if *st.to, err = up.tx.PrepareContext(ctx, st.q); err != nil {
			return err
		}
	}
	return nil
}

func (up *update) close() {
	for _, st := range []*sql.Stmt{up.stPruned, up.stFind, up.stKept, up.stAttach, up.stSeen, up.stIns} {
		if st != nil {
			st.Close()
		}
	}
}

// apply stores one item: a pruned one is only noted as still in the
// feed, a known one (or a kept article re-attached) updated when it
// changed, a new one inserted (isNew) with the id newID (0: the next
// free).
func (up *update) apply(ctx context.Context, it NewItem, newID int64) (isNew bool, err error) {
	at := up.at.Unix()
	if up.pruned[it.GUID] {
		_, err := up.stPruned.ExecContext(ctx, at, up.feedID, it.GUID)
		return false, err
	}
	var id int64
	var title, url, source string
	var body sql.NullString
	err = sql.ErrNoRows
	if up.known[it.GUID] {
		err = up.stFind.QueryRowContext(ctx, up.feedID, it.GUID).Scan(&id, &title, &url, &source, &body)
	}
	if errors.Is(err, sql.ErrNoRows) && up.anyKept {
		err = up.stKept.QueryRowContext(ctx, up.feedURL, it.GUID, it.URL).Scan(&id, &title, &url, &source, &body)
		if err == nil {
			if _, err := up.stAttach.ExecContext(ctx, up.feedID, it.GUID, id); err != nil {
				return false, err
			}
		}
	}
	switch {
	case err == nil:
		if _, err := up.stSeen.ExecContext(ctx, at, id); err != nil {
			return false, err
		}
		if title == it.Title && url == it.URL && (Source(source) == FromPage || body.String == it.Body) {
			return false, nil
		}
		return false, updateItem(ctx, up.tx, id, it, Source(source) == FromPage)
	case errors.Is(err, sql.ErrNoRows):
		pub := plausible(it.Published, up.at)
		text := searchtext.Of(it.Body)
		// NULL for an INTEGER PRIMARY KEY is the next free rowid.
		res, err := up.stIns.ExecContext(ctx, sql.NullInt64{Int64: newID, Valid: newID > 0}, up.feedID, it.GUID, it.URL, it.Title, it.Author, it.Lang, up.site,
			unix(pub), at, sortKey(pub, up.at), countWords(text), it.Teaser, at)
		if err != nil {
			return false, err
		}
		id, _ = res.LastInsertId()
		return true, writeBody(ctx, up.tx, id, it.Title, it.Body, text, false)
	default:
		return false, err
	}
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
