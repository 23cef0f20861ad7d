package library

// The subscriptions: subscribing, finding and removing feeds, importing
// and exporting them as OPML, refreshing them.

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/brief-news/brief/library/feed"
)

// Subscription is what subscribing did.
type Subscription struct {
	Feed  Feed
	Added bool // false: it was already subscribed
	New   int  // articles stored
	// Trimmed says that the feed carried more items than the library
	// keeps ("example.com/feed: kept the newest 1,000 of 100,000
	// items"); "" when it kept them all.
	Trimmed string
	// SyncErr says why the server could not be told yet (it will be on
	// the next sync); nil when it was, or there is no server.
	SyncErr error
}

// Subscribe finds the feed at u (a feed, or a page announcing one),
// subscribes to it and stores its current articles.
func (l *Local) Subscribe(ctx context.Context, u string) (Subscription, error) {
	sub, err := l.Refresher.Subscribe(ctx, u)
	s := Subscription{Feed: sub.Feed, Added: sub.Added, New: sub.New}
	if sub.Dropped > 0 {
		s.Trimmed = feed.TrimmedNote(sub.Feed.URL, sub.Kept, sub.Total)
	}
	if err == nil && s.Added {
		s.SyncErr = l.syncSubscriptions(ctx)
	}
	return s, err
}

// RemoveFeed unsubscribes from a feed; its saved articles stay.
// With a server to sync with, the server is told at once when it can be
// reached, else on the next sync (the removal is queued meanwhile).
func (l *Local) RemoveFeed(ctx context.Context, id int64) error {
	if err := l.Store.RemoveFeed(ctx, id); err != nil {
		return err
	}
	l.syncSubscriptions(ctx)
	return nil
}

// FindFeed resolves a feed argument: its id (the number `brief feeds`
// shows, "#" allowed), its URL (with or without scheme), or its title.
// Ids are never reused (the store's AUTOINCREMENT), so a number names
// the same feed tomorrow whatever was added or removed meanwhile; a
// removed feed's number names nothing.
func (l *Local) FindFeed(ctx context.Context, arg string) (Feed, error) {
	if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil {
		if id < 1 {
			return Feed{}, fmt.Errorf("%s: no such subscription (brief feeds lists them)", arg)
		}
		return l.feedByID(ctx, arg, id)
	}
	feeds, err := l.Store.Feeds(ctx)
	if err != nil {
		return Feed{}, err
	}
	short := arg
	if !strings.Contains(short, "://") {
		short = "https://" + short
	}
	short = feed.ShortURL(short)
	var byTitle []Feed
	for _, f := range feeds {
		if f.URL == arg || feed.ShortURL(f.URL) == short {
			return f, nil
		}
		if strings.EqualFold(f.Title, arg) {
			byTitle = append(byTitle, f)
		}
	}
	switch len(byTitle) {
	case 1:
		return byTitle[0], nil
	case 0:
		return Feed{}, fmt.Errorf("%s: no such subscription (brief feeds lists them)", arg)
	}
	return Feed{}, fmt.Errorf("%s: %d subscriptions have this title; name one by URL", arg, len(byTitle))
}

// feedByID is the subscription with id, with its counts (what `brief
// feeds` shows of it).
func (l *Local) feedByID(ctx context.Context, arg string, id int64) (Feed, error) {
	feeds, err := l.Store.Feeds(ctx)
	if err != nil {
		return Feed{}, err
	}
	for _, f := range feeds {
		if f.ID == id {
			return f, nil
		}
	}
	return Feed{}, fmt.Errorf("%s: no such subscription (brief feeds lists them)", arg)
}

// MarkAllRead marks every unread article the filter selects as read
// (newsboat's A: a view, one feed, or the whole library) and returns how
// many it marked.
func (l *Local) MarkAllRead(ctx context.Context, f Filter) (int, error) {
	return l.Store.MarkAllRead(ctx, f)
}

// ParseOPML reads the feeds of an OPML file (name is for errors). A file
// without any is an error: importing it would be a mistake.
func ParseOPML(name string, data []byte) ([]Outline, error) {
	outs, err := feed.ParseOPML(name, data)
	if err != nil {
		return nil, err
	}
	if len(outs) == 0 {
		return nil, fmt.Errorf("%s has no feeds (no outline with an xmlUrl)", name)
	}
	return outs, nil
}

// Import subscribes to the outlines' feeds without fetching them (a
// refresh does); added counts those that were not subscribed already.
// It stops at the first feed it cannot store, naming it.
func (l *Local) Import(ctx context.Context, outs []Outline) (added int, err error) {
	for _, o := range outs {
		_, ok, err := l.Store.AddFeed(ctx, Feed{URL: o.XMLURL, Title: o.Title, SiteURL: o.HTMLURL})
		if err != nil {
			return added, fmt.Errorf("%s: %w", o.XMLURL, err)
		}
		if ok {
			added++
		}
	}
	return added, nil
}

// WriteOPML writes subscriptions as an OPML 2.0 document, "brief
// subscriptions", created at created.
func WriteOPML(w io.Writer, feeds []Feed, created time.Time) error {
	var outs []Outline
	for _, f := range feeds {
		outs = append(outs, Outline{Title: f.Title, XMLURL: f.URL, HTMLURL: f.SiteURL})
	}
	return feed.WriteOPML(w, "brief subscriptions", outs, created)
}
