package remote

// The Miniflux API through Miniflux's own Go client. New articles come
// in id order after the last id stored (after_entry_id); marks changed
// on the server come by changed_after, with the time Miniflux changed
// them, for the most-recent-change-wins rule.

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	mfclient "miniflux.app/v2/client"

	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/syncstore"
)

// Miniflux is an account on a Miniflux server, reached with an API token.
type Miniflux struct {
	URL string
	c   *mfclient.Client
}

// NewMiniflux connects to the Miniflux at base with an API token.
func NewMiniflux(base, token string, hc *http.Client) *Miniflux {
	return &Miniflux{URL: base, c: mfclient.NewClientWithOptions(base, mfclient.WithAPIKey(token), mfclient.WithHTTPClient(hc))}
}

func (m *Miniflux) fail(op string, err error) error { return explain(m.URL, op, 0, err) }

func (m *Miniflux) Feeds(ctx context.Context) ([]syncstore.Feed, error) {
	fs, err := m.c.FeedsContext(ctx)
	if err != nil {
		return nil, m.fail("listing the subscriptions", err)
	}
	out := make([]syncstore.Feed, 0, len(fs))
	for _, f := range fs {
		out = append(out, mfFeed(f))
	}
	return out, nil
}

func mfFeed(f *mfclient.Feed) syncstore.Feed {
	sf := syncstore.Feed{RemoteID: strconv.FormatInt(f.ID, 10), URL: f.FeedURL, Title: f.Title, SiteURL: f.SiteURL}
	if f.Category != nil {
		sf.Category = f.Category.Title
	}
	return sf
}

func (m *Miniflux) Subscribe(ctx context.Context, feedURL string) (syncstore.Feed, error) {
	id, err := m.c.CreateFeedContext(ctx, &mfclient.FeedCreationRequest{FeedURL: feedURL})
	if errors.Is(err, mfclient.ErrBadRequest) {
		// Subscribed already (Miniflux refuses a second subscription).
		fs, ferr := m.Feeds(ctx)
		if ferr != nil {
			return syncstore.Feed{}, ferr
		}
		for _, f := range fs {
			if f.URL == feedURL {
				return f, nil
			}
		}
		return syncstore.Feed{}, &Error{Server: m.URL, Problem: "subscribing to " + feedURL + ": " + lastPart(err), Status: 400, Err: err, Refused: true}
	}
	if err != nil {
		return syncstore.Feed{}, m.fail("subscribing to "+feedURL, err)
	}
	f, err := m.c.FeedContext(ctx, id)
	if err != nil {
		return syncstore.Feed{}, m.fail("subscribing to "+feedURL, err)
	}
	return mfFeed(f), nil
}

func (m *Miniflux) Unsubscribe(ctx context.Context, remoteID string) error {
	id, err := strconv.ParseInt(remoteID, 10, 64)
	if err != nil {
		return nil // not a Miniflux id: nothing there to remove
	}
	if err := m.c.DeleteFeedContext(ctx, id); err != nil && !errors.Is(err, mfclient.ErrNotFound) {
		return m.fail("unsubscribing", err)
	}
	return nil
}

func (m *Miniflux) SetMarks(ctx context.Context, kind string, value bool, remoteIDs []string) error {
	var ids []int64
	for _, r := range remoteIDs {
		if id, err := strconv.ParseInt(r, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	for len(ids) > 0 {
		part := ids[:min(len(ids), 500)]
		ids = ids[len(part):]
		var err error
		if kind == "saved" {
			err = m.c.UpdateEntriesStarredContext(ctx, part, value)
		} else {
			status := mfclient.EntryStatusUnread
			if value {
				status = mfclient.EntryStatusRead
			}
			err = m.c.UpdateEntriesContext(ctx, part, status)
		}
		if err != nil {
			return m.fail("sending marks", err)
		}
	}
	return nil
}

// The Miniflux cursors: mf_after, the last article id stored; mf_changed,
// the latest change time (unix seconds) the last complete sync saw;
// mf_seen, the latest seen so far by this one; mf_scan, how far the
// scan of changed marks got (an id), "" when it is not under way.
func (m *Miniflux) Pull(ctx context.Context, state map[string]string, _ func([]string) ([]string, error), page func(Page) error) error {
	after, _ := strconv.ParseInt(state["mf_after"], 10, 64)
	since, _ := strconv.ParseInt(state["mf_changed"], 10, 64)
	seen, _ := strconv.ParseInt(state["mf_seen"], 10, 64)
	scan, _ := strconv.ParseInt(state["mf_scan"], 10, 64)
	done := 0
	note := func(t time.Time) {
		if t.Unix() > seen {
			seen = t.Unix()
		}
	}
	// New articles, oldest id first.
	for {
		res, err := m.c.EntriesContext(ctx, &mfclient.Filter{AfterEntryID: after, Order: "id", Direction: "asc",
			Limit: pageSize, Statuses: []string{mfclient.EntryStatusRead, mfclient.EntryStatusUnread}})
		if err != nil {
			return m.fail("fetching articles", err)
		}
		if len(res.Entries) == 0 {
			break
		}
		p := Page{Total: done + res.Total}
		for _, e := range res.Entries {
			p.Entries = append(p.Entries, mfEntry(e))
			after = max(after, e.ID)
			note(e.ChangedAt)
		}
		done += len(res.Entries)
		p.Done = done
		p.State = map[string]string{"mf_after": strconv.FormatInt(after, 10), "mf_seen": strconv.FormatInt(seen, 10)}
		if err := page(p); err != nil {
			return err
		}
		if len(res.Entries) < pageSize {
			break
		}
	}
	// Marks changed since the last complete sync (a second's overlap:
	// changed_after is in seconds). A first sync has them all already.
	if since > 0 {
		for {
			res, err := m.c.EntriesContext(ctx, &mfclient.Filter{ChangedAfter: since - 1, AfterEntryID: scan, Order: "id",
				Direction: "asc", Limit: pageSize, Statuses: []string{mfclient.EntryStatusRead, mfclient.EntryStatusUnread}})
			if err != nil {
				return m.fail("fetching changed marks", err)
			}
			if len(res.Entries) == 0 {
				break
			}
			p := Page{}
			for _, e := range res.Entries {
				p.Marks = append(p.Marks, syncstore.Mark{RemoteID: strconv.FormatInt(e.ID, 10),
					Read: e.Status == mfclient.EntryStatusRead, Saved: e.Starred, Changed: e.ChangedAt})
				scan = max(scan, e.ID)
				note(e.ChangedAt)
			}
			done += len(res.Entries)
			p.Done, p.Total = done, done+max(0, res.Total-len(res.Entries))
			p.State = map[string]string{"mf_scan": strconv.FormatInt(scan, 10), "mf_seen": strconv.FormatInt(seen, 10)}
			if err := page(p); err != nil {
				return err
			}
			if len(res.Entries) < pageSize {
				break
			}
		}
	}
	return page(Page{Done: done, Total: done, State: map[string]string{"mf_changed": strconv.FormatInt(max(seen, since), 10), "mf_scan": ""}})
}

func mfEntry(e *mfclient.Entry) syncstore.Entry {
	return syncstore.Entry{
		RemoteID:   strconv.FormatInt(e.ID, 10),
		RemoteFeed: strconv.FormatInt(e.FeedID, 10),
		Item:       feed.RemoteItem(e.URL, e.Title, e.Author, e.Language, e.Content, e.Date),
		Read:       e.Status == mfclient.EntryStatusRead,
		Saved:      e.Starred,
		Changed:    e.ChangedAt,
	}
}
