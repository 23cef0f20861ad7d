package feed

// Refreshing subscriptions: the Refresher, its progress and result, and
// the one-line errors of feeds that failed.

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/fetch"
)

// Fetcher downloads a URL; *fetch.Fetcher is the real one.
type Fetcher interface {
	Fetch(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// acceptFeeds asks for feeds first, pages last (for discovery).
const acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
	"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"

// notAFeed is the feeds' Request.Refuse: a feed, or a page announcing
// one, is text, so a download typed as media or an archive (a feed
// address that now serves a podcast episode, say) is refused before its
// body is read. Feeds come with all sorts of text types, so only these
// are refused.
func notAFeed(contentType string, head []byte) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	kind, sub, _ := strings.Cut(mt, "/")
	switch {
	case kind == "audio", kind == "video", kind == "image", kind == "font",
		kind == "application" && archiveTypes[sub]:
		return "is not a feed (" + mt + ")"
	}
	return ""
}

var archiveTypes = map[string]bool{"zip": true, "gzip": true, "x-gzip": true, "x-tar": true, "x-7z-compressed": true,
	"vnd.rar": true, "x-rar-compressed": true, "pdf": true, "x-iso9660-image": true, "x-bzip2": true, "x-xz": true, "zstd": true}

// Refresher fetches subscriptions into the store.
type Refresher struct {
	Store   *store.Store
	Fetcher Fetcher // nil: fetch.Default
	// Concurrency bounds the feeds fetched at once (default 8); PerHost
	// bounds the requests to one host at once (default 2), so that many
	// feeds of one site are fetched politely, a few at a time.
	Concurrency, PerHost int
	// Retention: read, unsaved articles older than this are pruned after
	// a refresh. 0 keeps everything.
	Retention time.Duration
	// MaxItems is how many items of one feed a refresh stores at most,
	// the newest (0: DefaultMaxItems; negative: all).
	MaxItems int
	Now      func() time.Time // nil: time.Now
}

func (r *Refresher) maxItems() int {
	if r.MaxItems == 0 {
		return DefaultMaxItems
	}
	return r.MaxItems
}

// Progress reports one feed done.
type Progress struct {
	Feed        store.Feed
	Done, Total int
	New         int  // articles added
	NotModified bool // the server said 304
	Err         error
	// Dropped is the number of the feed's items left out, the oldest,
	// beyond the Refresher's MaxItems.
	Dropped int
}

// Line is the progress as brief refresh shows it on a terminal:
// "[3/12] example.com/feed: 4 new", cleaned for it.
func (p Progress) Line() string {
	state := fmt.Sprintf("%d new", p.New)
	switch {
	case p.Err != nil:
		state = "failed"
	case p.NotModified:
		state = "unchanged"
	}
	return fmt.Sprintf("[%d/%d] %s: %s", p.Done, p.Total, reader.Clean(ShortURL(p.Feed.URL)), state)
}

// Result sums up a refresh.
type Result struct {
	Feeds  int // feeds refreshed
	New    int // articles added
	Pruned int // articles removed by retention
	// Failed holds one *FeedError per feed that failed.
	Failed []error
	// Trimmed holds a line per feed that carried more items than the
	// Refresher keeps: "example.com/feed: kept the newest 1,000 of
	// 100,000 items".
	Trimmed  []string
	maxItems int
}

// Summary is the closing line of a refresh with its failure when there
// was one:
// "12 feeds, 48 new articles, 1 failed: example.com/feed: 404 Not Found".
func (r *Result) Summary() string {
	s := r.Tally()
	if len(r.Failed) == 1 {
		s += fmt.Sprintf(": %v", r.Failed[0])
	}
	if len(r.Trimmed) == 1 {
		s += "; " + r.Trimmed[0]
	} else if len(r.Trimmed) > 1 {
		s += fmt.Sprintf("; %d feeds had more than %s items: kept the newest", len(r.Trimmed), reader.Thousands(r.maxItems))
	}
	return s
}

// Tally is the closing line of a refresh without the failures, for
// callers that report each one on its own line:
// "12 feeds, 48 new articles, 1 failed".
func (r *Result) Tally() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s", reader.Plural(r.Feeds, "feed"), reader.Plural(r.New, "new article"))
	if r.Pruned > 0 {
		fmt.Fprintf(&b, ", %d pruned", r.Pruned)
	}
	if len(r.Failed) > 0 {
		fmt.Fprintf(&b, ", %d failed", len(r.Failed))
	}
	return b.String()
}

// FeedError is one feed's failure; Error() is "example.com/feed: 404 Not Found".
type FeedError struct {
	URL    string
	Reason string
	Err    error
}

func (e *FeedError) Error() string { return reader.Clean(ShortURL(e.URL) + ": " + e.Reason) }
func (e *FeedError) Unwrap() error { return e.Err }

// feedError explains err for a feed's line.
func feedError(feedURL string, err error) *FeedError {
	fe := &FeedError{URL: feedURL, Err: err}
	var fetchErr *fetch.Error
	var parseErr *ParseError
	switch {
	case errors.As(err, &fetchErr):
		fe.Reason = strings.TrimPrefix(fetchErr.Reason, "returned ")
	case errors.As(err, &parseErr):
		fe.Reason = parseErr.Reason
	default:
		fe.Reason = err.Error()
	}
	return fe
}

// ShortURL is a URL without its scheme and trailing slash, for lists.
func ShortURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return reader.CleanURL(s)
	}
	out := u.Host + strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return reader.CleanURL(out)
}

func (r *Refresher) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Refresher) fetcher() Fetcher {
	if r.Fetcher != nil {
		return r.Fetcher
	}
	return fetch.Default
}

// Refresh fetches feeds (nil: every subscription) concurrently, stores
// what is new, then applies retention. One feed's failure never stops
// the others: it is recorded on the feed and listed in Result.Failed.
// progress, when not nil, is called once per feed, never concurrently.
// The error is only for the library itself failing (or ctx ending).
func (r *Refresher) Refresh(ctx context.Context, feeds []store.Feed, progress func(Progress)) (*Result, error) {
	if feeds == nil {
		var err error
		if feeds, err = r.Store.Feeds(ctx); err != nil {
			return nil, err
		}
	}
	conc, perHost := r.Concurrency, r.PerHost
	if conc <= 0 {
		conc = 8
	}
	if perHost <= 0 {
		perHost = 2
	}
	global := make(chan struct{}, conc)
	var hostMu sync.Mutex
	hosts := map[string]chan struct{}{}
	hostSem := func(u string) chan struct{} {
		h := u
		if pu, err := url.Parse(u); err == nil {
			h = strings.ToLower(pu.Hostname())
		}
		hostMu.Lock()
		defer hostMu.Unlock()
		if hosts[h] == nil {
			hosts[h] = make(chan struct{}, perHost)
		}
		return hosts[h]
	}
	res := &Result{Feeds: len(feeds), maxItems: r.maxItems()}
	var mu sync.Mutex
	var fatal error
	done := 0
	var wg sync.WaitGroup
	for _, f := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hs := hostSem(f.URL)
			select {
			case hs <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-hs }()
			select {
			case global <- struct{}{}:
			case <-ctx.Done():
				return
			}
			n, dropped, notMod, err := r.one(ctx, f)
			<-global
			mu.Lock()
			defer mu.Unlock()
			done++
			var fe error
			if err != nil {
				var se *storeError
				if errors.As(err, &se) {
					if fatal == nil {
						fatal = se.err
					}
				} else if ctx.Err() == nil {
					fe = feedError(f.URL, err)
					res.Failed = append(res.Failed, fe)
				}
			}
			res.New += n
			if dropped > 0 {
				res.Trimmed = append(res.Trimmed, TrimmedNote(f.URL, r.maxItems(), r.maxItems()+dropped))
			}
			if progress != nil {
				progress(Progress{Feed: f, Done: done, Total: len(feeds), New: n, NotModified: notMod, Err: fe, Dropped: dropped})
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if fatal != nil {
		return res, fatal
	}
	// Failures in feed order, so that reports are stable.
	order := map[string]int{}
	for i, f := range feeds {
		order[f.URL] = i
	}
	sortErrors(res.Failed, order)
	sort.Strings(res.Trimmed)
	if r.Retention > 0 {
		n, err := r.Store.Prune(ctx, r.now().Add(-r.Retention))
		if err != nil {
			return res, err
		}
		res.Pruned = n
	}
	return res, nil
}

func sortErrors(errs []error, order map[string]int) {
	key := func(e error) int {
		var fe *FeedError
		if errors.As(e, &fe) {
			return order[fe.URL]
		}
		return 0
	}
	for i := 1; i < len(errs); i++ {
		for j := i; j > 0 && key(errs[j]) < key(errs[j-1]); j-- {
			errs[j], errs[j-1] = errs[j-1], errs[j]
		}
	}
}

// storeError marks a failure of the library, not of the feed.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }

// TrimmedNote is the line saying that a feed of total items had only
// its newest kept (Result.Trimmed, brief add): "example.com/feed: kept
// the newest 1,000 of 100,000 items". kept counts the items the parse
// kept, stored before or now, duplicates or not.
func TrimmedNote(feedURL string, kept, total int) string {
	return reader.Clean(fmt.Sprintf("%s: kept the newest %s of %s items", ShortURL(feedURL),
		reader.Thousands(kept), reader.Thousands(total)))
}

// one refreshes a single feed: a conditional GET, parse, store. dropped
// counts the items beyond MaxItems.
func (r *Refresher) one(ctx context.Context, f store.Feed) (added, dropped int, notModified bool, err error) {
	at := r.now()
	resp, err := r.fetcher().Fetch(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified,
		Accept: acceptFeeds, Refuse: notAFeed, SpoolOver: spoolOver})
	if err == nil && resp.File != nil {
		defer resp.File.Close()
	}
	if err == nil && resp.NotModified {
		if err := r.Store.FeedChecked(ctx, f.ID, at, ""); err != nil {
			return 0, 0, true, &storeError{err}
		}
		return 0, 0, true, nil
	}
	var p *Parsed
	if err == nil {
		var done bool
		if p, added, done, err = r.parse(ctx, f, resp, at); done {
			return added, 0, false, err // streamed: every item kept
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return 0, 0, false, err
		}
		if serr := r.Store.FeedChecked(ctx, f.ID, at, feedError(f.URL, err).Reason); serr != nil {
			return 0, 0, false, &storeError{serr}
		}
		return 0, 0, false, err
	}
	if added, err = r.apply(ctx, f, resp, at, p); err != nil {
		return 0, 0, false, err
	}
	return added, p.Total - len(p.Items), false, nil
}
