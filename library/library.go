// Package library is what brief's commands and TUI use to read the
// subscriptions: the store (library/store) for cached articles, marks and
// search, and the feed refresher (library/feed) for new articles and for
// completing teaser items from their pages.
package library

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/remote"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/library/syncstore"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/fetch"
)

// Library is the interface the TUI codes against (a fake can stand in
// for tests). Every method is safe to call from any goroutine.
type Library interface {
	// Items lists stored articles, newest first, without bodies; the
	// filter picks the view (all, unread, saved), one feed, and a page.
	Items(ctx context.Context, f store.Filter) ([]store.Item, error)
	// Count is the number of articles a filter selects.
	Count(ctx context.Context, f store.Filter) (int, error)
	// Feeds lists the subscriptions with their state and counts.
	Feeds(ctx context.Context) ([]store.Feed, error)
	// Open returns an article with its text and previous/next links, and
	// marks it read. A teaser item gets its page fetched and extracted
	// first (once: the full text is stored); offline, the feed's text is
	// returned with Entry.PageErr set. Entry.Source says where the text
	// came from.
	Open(ctx context.Context, id int64) (*store.Entry, error)
	// Entry is Open without marking read; complete false never touches
	// the network (the stored text as it is).
	Entry(ctx context.Context, id int64, complete bool) (*store.Entry, error)
	// SetRead and SetSaved change an article's marks (m and b keys).
	SetRead(ctx context.Context, id int64, read bool) error
	SetSaved(ctx context.Context, id int64, saved bool) error
	// MarkAllRead marks every unread article a filter selects read (the
	// A key) and returns how many.
	MarkAllRead(ctx context.Context, f store.Filter) (int, error)
	// Search is full-text search over every stored article, best first,
	// with a highlighted snippet per hit.
	Search(ctx context.Context, query string, limit int) ([]store.Hit, error)
	// Refresh fetches every feed; progress is called once per feed (never
	// concurrently), so new articles can be shown as they arrive.
	Refresh(ctx context.Context, progress func(feed.Progress)) (*feed.Result, error)
	// Lookup finds a stored article by its location (its URL, or
	// item:ID): 0 when the library does not hold it.
	Lookup(ctx context.Context, loc string) (int64, error)
	// RefreshOnStart reports whether the reader refreshes the library
	// when it opens (the refresh_on_start setting).
	RefreshOnStart() bool
}

// MaxFeedBytes caps one feed document.
const MaxFeedBytes = 64 << 20

// Local is the library on this machine.
type Local struct {
	Store     *store.Store
	Refresher *feed.Refresher // its Fetcher fetches feeds
	Fetcher   feed.Fetcher    // fetches article pages
	Config    config.Config
	// ParsePage extracts an article page; nil means reader.ParseFetched.
	ParsePage func(loc string, data []byte, contentType string, full bool) (*reader.Article, error)
	// Remote is the feed server to sync with; nil means the one the
	// [sync] settings name, if any (sync.go).
	Remote remote.Server
	// SyncDB is the sync's side of the database: links to the server's
	// feeds and articles, its cursors, the queue of marks to send.
	SyncDB *syncstore.DB
	// syncing makes one sync at a time (a refresh on start and r may
	// overlap): two would send the same marks twice.
	syncing sync.Mutex
}

var _ Library = (*Local)(nil)

// OpenDefault opens the library at its usual place with the user's
// settings ($XDG_CONFIG_HOME/brief/config.toml).
func OpenDefault() (*Local, error) {
	cfg, err := config.Load(config.Path())
	if err != nil {
		return nil, err
	}
	return Open(config.DBPath(), cfg)
}

// Exists reports whether the library database at path exists, without
// creating it: `brief` alone must not write files for users who never
// subscribed. A data folder that is a file holds no library.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR)
}

// Open opens the library database at path with settings cfg.
func Open(path string, cfg config.Config) (*Local, error) {
	s, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	pages := fetch.New()
	feeds := fetch.New()
	// A feed of thousands of items with full content runs to tens of
	// megabytes; pages keep the fetcher's default cap.
	feeds.MaxBytes = MaxFeedBytes
	if cfg.Timeout.Duration > 0 {
		pages.Timeout = cfg.Timeout.Duration
		feeds.Timeout = cfg.Timeout.Duration
	}
	l := &Local{Store: s, Fetcher: pages, Config: cfg, SyncDB: syncstore.New(s)}
	l.Refresher = &feed.Refresher{
		Store:       s,
		Fetcher:     feeds,
		Concurrency: cfg.Concurrency,
		PerHost:     cfg.PerHost,
		Retention:   time.Duration(cfg.RetentionDays) * 24 * time.Hour,
		MaxItems:    maxItems(cfg.MaxItems),
	}
	return l, nil
}

// maxItems maps the max_items setting (0: keep all) to
// Refresher.MaxItems (0: the default, negative: all).
func maxItems(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// Close closes the database.
func (l *Local) Close() error { return l.Store.Close() }

// Warning is what the user should know about a library opened
// read-only whose latest changes cannot be read (it names the file);
// nil otherwise.
func (l *Local) Warning() error { return l.Store.Warning() }

// HasFeeds reports whether there is any subscription or stored article:
// whether `brief` opens the library rather than the sample edition.
func (l *Local) HasFeeds(ctx context.Context) (bool, error) {
	fs, err := l.Store.Feeds(ctx)
	if err != nil || len(fs) > 0 {
		return len(fs) > 0, err
	}
	n, err := l.Store.Count(ctx, store.Filter{})
	return n > 0, err
}

func (l *Local) Items(ctx context.Context, f store.Filter) ([]store.Item, error) {
	return l.Store.Items(ctx, f)
}

func (l *Local) Count(ctx context.Context, f store.Filter) (int, error) {
	return l.Store.Count(ctx, f)
}

func (l *Local) Feeds(ctx context.Context) ([]store.Feed, error) { return l.Store.Feeds(ctx) }

func (l *Local) SetRead(ctx context.Context, id int64, read bool) error {
	return l.Store.SetRead(ctx, id, read)
}

func (l *Local) SetSaved(ctx context.Context, id int64, saved bool) error {
	return l.Store.SetSaved(ctx, id, saved)
}

func (l *Local) Search(ctx context.Context, q string, limit int) ([]store.Hit, error) {
	return l.Store.Search(ctx, q, limit)
}

// Refresh fetches every feed; with a server to sync with, it syncs
// first and fetches only the feeds the server does not (syncrefresh.go).
func (l *Local) Refresh(ctx context.Context, progress func(feed.Progress)) (*feed.Result, error) {
	return l.RefreshFeeds(ctx, nil, progress)
}

func (l *Local) Lookup(ctx context.Context, loc string) (int64, error) {
	return l.Store.Lookup(ctx, loc)
}

func (l *Local) RefreshOnStart() bool { return l.Config.RefreshOnStart }

// Open implements Library.Open.
func (l *Local) Open(ctx context.Context, id int64) (*store.Entry, error) {
	e, err := l.Entry(ctx, id, true)
	if err != nil {
		return nil, err
	}
	if !e.Read {
		if err := l.Store.SetRead(ctx, id, true); unsaved(err) {
			e.SaveErr = err // reading goes on without the mark
		} else if err != nil {
			return nil, err
		} else {
			e.Read = true
		}
	}
	return e, nil
}

// unsaved reports whether err is a write of state that failed because
// the data folder is read-only or full: the article is still shown.
func unsaved(err error) bool {
	var se *config.StateError
	return errors.As(err, &se)
}

// Entry returns an article with its text; with complete, a teaser item
// gets its page fetched and extracted first. It does not mark it read.
func (l *Local) Entry(ctx context.Context, id int64, complete bool) (*store.Entry, error) {
	e, err := l.Store.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if !complete || !NeedsPage(e) {
		return e, nil
	}
	page, err := l.fetchPage(ctx, e.URL)
	if ctx.Err() != nil {
		// Abandoned (the reader left the article): not a page error.
		return nil, ctx.Err()
	}
	if err != nil {
		e.PageErr = err
		return e, nil
	}
	if page.Words <= e.Words {
		// The page has no more text than the feed: keep the feed's, and
		// do not try again.
		if err := l.Store.SetTeaser(ctx, id, false); unsaved(err) {
			e.SaveErr = err
		} else if err != nil {
			return nil, err
		}
		e.Teaser = false
		return e, nil
	}
	if err := l.Store.SetPage(ctx, id, page); unsaved(err) {
		// Shown from memory; fetched again next time.
		e.Article, e.Source, e.Teaser, e.SaveErr = page, store.FromPage, false, err
		return e, nil
	} else if err != nil {
		return nil, err
	}
	return l.Store.Entry(ctx, id)
}

// NeedsPage reports whether an entry's stored text is a teaser its
// page can complete: what Entry with complete would fetch.
func NeedsPage(e *store.Entry) bool {
	return e.Teaser && e.Source == store.FromFeed && e.URL != ""
}

// fetchPage fetches and extracts an article page.
func (l *Local) fetchPage(ctx context.Context, u string) (*reader.Article, error) {
	f := l.Fetcher
	if f == nil {
		f = fetch.Default
	}
	resp, err := f.Fetch(ctx, fetch.Request{URL: u, Refuse: reader.NotWebPage})
	if err != nil {
		return nil, err
	}
	if resp.NotModified || len(resp.Body) == 0 {
		return nil, errors.New(u + " returned no page")
	}
	parse := l.ParsePage
	if parse == nil {
		parse = reader.ParseFetched
	}
	return parse(resp.URL, resp.Body, resp.ContentType, true)
}
