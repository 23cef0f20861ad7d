package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

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
				text := plainText(it.Body)
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
	text := plainText(it.Body)
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
		id, stripMarks(title), text)
	return err
}

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

func scanItem(sc interface{ Scan(...any) error }, extra ...any) (Item, error) {
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
	text := plainText(a.Body)
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
