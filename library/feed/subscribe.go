package feed

// Subscribing: finding the feed at an address (the address itself, or
// the feed its page announces) and storing it with its first items.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/fetch"
)

// Find returns the feed at u: u itself when it is a feed, otherwise the
// feed its page announces with <link rel="alternate"> (article feeds
// before comment feeds). It returns the feed's URL and its parsed
// document with the response it came in.
func Find(ctx context.Context, f Fetcher, u string) (string, *Parsed, *fetch.Response, error) {
	return find(ctx, f, u, DefaultMaxItems)
}

// find is Find keeping the max newest items (ParseNewest).
func find(ctx context.Context, f Fetcher, u string, max int) (string, *Parsed, *fetch.Response, error) {
	resp, err := f.Fetch(ctx, fetch.Request{URL: u, Accept: acceptFeeds, Refuse: notAFeed})
	if err != nil {
		return "", nil, nil, err
	}
	feedURL := resp.URL
	p, perr := ParseNewest(feedURL, resp.Body, max)
	if perr == nil {
		return feedURL, p, resp, nil
	}
	if !looksLikePage(resp) {
		return "", nil, nil, &ParseError{URL: u, Reason: "is neither a feed nor a web page that announces one"}
	}
	alts := pickFeeds(Discover(resp.URL, resp.Body))
	if len(alts) == 0 {
		return "", nil, nil, &ParseError{URL: u, Reason: "is a web page that announces no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)"}
	}
	var firstErr error
	for i, a := range alts {
		if i == 3 { // a page listing many broken feeds: stop politely
			break
		}
		resp, err := f.Fetch(ctx, fetch.Request{URL: a.URL, Accept: acceptFeeds, Refuse: notAFeed})
		if err == nil {
			var p *Parsed
			if p, err = ParseNewest(a.URL, resp.Body, max); err == nil {
				return a.URL, p, resp, nil
			}
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return "", nil, nil, fmt.Errorf("%s announces a feed that cannot be read: %w", u, firstErr)
}

func looksLikePage(r *fetch.Response) bool {
	ct := strings.ToLower(r.ContentType)
	if strings.Contains(ct, "html") {
		return true
	}
	head := r.Body
	if len(head) > 1024 {
		head = head[:1024]
	}
	s := strings.ToLower(string(head))
	return strings.Contains(s, "<html") || strings.Contains(s, "<head") || strings.Contains(s, "<link")
}

// Subscribe finds the feed at u (a feed or a page announcing one), adds
// it to the store and stores its current articles. added is false when
// it was already subscribed.
func Subscribe(ctx context.Context, s *store.Store, f Fetcher, u string) (feed store.Feed, added bool, newItems int, err error) {
	sub, err := subscribe(ctx, s, f, u, DefaultMaxItems)
	return sub.Feed, sub.Added, sub.New, err
}

// Subscription is what subscribing did.
type Subscription struct {
	Feed    store.Feed
	Added   bool // false: it was already subscribed
	New     int  // articles stored
	Dropped int  // the feed's oldest items beyond MaxItems, not stored
	// Kept is how many of the document's Total items the parse kept
	// (the newest MaxItems): New counts fewer when some were already
	// stored or share a GUID. Print a trim with TrimmedNote.
	Kept, Total int
}

// Subscribe is the package's Subscribe with the Refresher's store,
// fetcher and MaxItems.
func (r *Refresher) Subscribe(ctx context.Context, u string) (Subscription, error) {
	return subscribe(ctx, r.Store, r.fetcher(), u, r.maxItems())
}

func subscribe(ctx context.Context, s *store.Store, f Fetcher, u string, max int) (Subscription, error) {
	if f == nil {
		f = fetch.Default
	}
	feedURL, p, resp, err := find(ctx, f, u, max)
	if err != nil {
		return Subscription{}, err
	}
	feed, added, newItems, err := storeFound(ctx, s, feedURL, p, resp)
	return Subscription{Feed: feed, Added: added, New: newItems, Dropped: p.Total - len(p.Items),
		Kept: len(p.Items), Total: p.Total}, err
}

// storeFound adds the feed found and stores its items.
func storeFound(ctx context.Context, s *store.Store, feedURL string, p *Parsed, resp *fetch.Response) (feed store.Feed, added bool, newItems int, err error) {
	feed, added, err = s.AddFeed(ctx, store.Feed{URL: feedURL, Title: p.Title, SiteURL: p.SiteURL})
	if err != nil {
		return feed, false, 0, err
	}
	newItems, err = s.ApplyUpdate(ctx, store.Update{
		FeedID: feed.ID, Title: p.Title, SiteURL: p.SiteURL,
		ETag: resp.ETag, LastModified: resp.LastModified, At: time.Now(), Items: p.Items,
	})
	if err != nil {
		return feed, added, 0, err
	}
	feed, err = s.Feed(ctx, feed.ID)
	return feed, added, newItems, err
}

// Address is s as the address to subscribe to ("https://" before
// "example.com/feed"), or an error saying why it cannot be subscribed
// to, starting with s (printers clean the whole line again). brief
// subscribes to feeds by their web address, which a refresh fetches
// again; a file on disk is a snapshot with no address to refresh from,
// so it is refused as itself rather than mistaken for a host name
// ("https:///path/feed.rss").
func Address(s string) (string, error) {
	if why := localSource(s); why != "" {
		return "", errors.New(reader.Clean(s) + " " + why)
	}
	if !isWebURL(s) && !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.ContainsAny(s, " \t") {
		return "https://" + s, nil
	}
	if !isWebURL(s) {
		return "", errors.New(s + " is not an http(s) URL")
	}
	return s, nil
}

// localSource says why a path on this computer cannot be subscribed to,
// or "" when s is not one.
func localSource(s string) string {
	pathLike := strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "~") || filepath.IsAbs(s)
	info, err := os.Stat(s)
	switch {
	case err == nil && info.IsDir():
		return "is a folder: `brief add` subscribes to a feed by its web address (http or https)"
	case err == nil && strings.EqualFold(filepath.Ext(s), ".opml"):
		return "is an OPML file: `brief import` subscribes to its feeds"
	case err == nil:
		return "is a local file: `brief add` subscribes to a feed by its web address (http or https), which it refreshes from"
	case pathLike:
		return "does not exist (`brief add` takes a feed's web address)"
	}
	return ""
}

func isWebURL(s string) bool {
	return len(s) > 8 && (s[:7] == "http://" || s[:8] == "https://")
}
