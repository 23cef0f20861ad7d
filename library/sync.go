package library

// Sync with a feed server (the [sync] settings): subscriptions, articles
// and read/saved marks, both ways. The order of a sync:
//
//  1. unsubscriptions made here reach the server;
//  2. the server's subscriptions are stored (and the ones it dropped
//     removed here, saved articles kept); the ones made here that it
//     lacks are subscribed to there;
//  3. what changed on the server since the last sync comes page by
//     page, each stored with its cursor in one transaction;
//  4. the marks made here (queued by the store's triggers, offline or
//     not) are sent, and leave the queue only once the server took them.
//
// A sync stopped at any point (a fault, Ctrl-C, kill -9) leaves every
// page stored so far and every mark not yet sent in the queue; the next
// sync goes on from there.

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/brief-news/brief/library/remote"
	"github.com/brief-news/brief/library/syncstore"
	"github.com/brief-news/brief/reader"
)

// SyncProgress reports a sync's headway: its stage ("subscriptions",
// "articles", "marks") and, for articles, how many of how many.
type SyncProgress struct {
	Stage       string
	Done, Total int
}

// Line is the progress line: "sync: articles 250/10,000".
func (p SyncProgress) Line() string {
	if p.Total > 0 {
		return fmt.Sprintf("sync: %s %s/%s", p.Stage, reader.Thousands(p.Done), reader.Thousands(p.Total))
	}
	return "sync: " + p.Stage
}

// SyncResult sums up a sync.
type SyncResult struct {
	Server                   string
	Subscribed, Unsubscribed int // on the server, from here
	FeedsAdded, FeedsRemoved int // here, from the server
	New                      int // articles stored
	Sent                     int // marks sent
	Feeds                    int // the server's subscriptions
	// Refused holds one error per subscription made here that the
	// server would not take: the feed stays here, fetched by brief, and
	// the next sync asks again.
	Refused []error
}

// Summary is the closing line: "synced with example.com: 12 feeds, 48
// new articles, 3 marks sent".
func (r *SyncResult) Summary() string {
	s := fmt.Sprintf("synced with %s: %s, %s", r.Server, reader.Plural(r.Feeds, "feed"), reader.Plural(r.New, "new article"))
	if r.Sent > 0 {
		s += ", " + reader.Plural(r.Sent, "mark") + " sent"
	}
	if n := r.Subscribed + r.Unsubscribed; n > 0 {
		s += ", " + reader.Plural(n, "subscription change") + " sent"
	}
	if len(r.Refused) > 0 {
		s += ", " + reader.Plural(len(r.Refused), "subscription") + " refused by the server"
	}
	if r.FeedsAdded+r.FeedsRemoved > 0 {
		s += fmt.Sprintf(", %d feeds added and %d removed by the server", r.FeedsAdded, r.FeedsRemoved)
	}
	return reader.CleanLine(s)
}

// SyncEnabled reports whether the settings name a server to sync with.
func (l *Local) SyncEnabled() bool { return l.Remote != nil || l.Config.Sync.Enabled() }

// ErrNoSync is Sync's error when [sync] names no server.
var ErrNoSync = errors.New("no server to sync with: set [sync] in config.toml (README: Sync)")

// server is the account to sync with, and its name for the library.
func (l *Local) server() (remote.Server, string, error) {
	s := l.Config.Sync
	id := s.Kind + " " + strings.TrimRight(s.URL, "/") + " " + s.User
	if l.Remote != nil {
		return l.Remote, id, nil
	}
	if !s.Enabled() {
		return nil, "", ErrNoSync
	}
	secret, err := s.Secret()
	if err != nil {
		return nil, "", err
	}
	srv, err := remote.New(s, secret, l.Config.Timeout.Duration)
	if err != nil {
		return nil, "", err
	}
	l.Remote = srv
	return srv, id, nil
}

// Sync syncs the library with the server (see the file comment);
// progress, when not nil, is called as it goes. The error is one line
// that names the server and what went wrong; it is also kept for
// `brief sync --status`.
func (l *Local) Sync(ctx context.Context, progress func(SyncProgress)) (*SyncResult, error) {
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	l.syncing.Lock()
	defer l.syncing.Unlock()
	srv, id, err := l.server()
	if err != nil {
		return nil, err
	}
	res := &SyncResult{Server: serverName(l.Config.Sync.URL)}
	err = l.sync(ctx, srv, id, res, progress)
	state := map[string]string{"last_error": ""}
	if err != nil {
		state["last_error"] = err.Error()
	} else {
		state["last_sync"] = strconv.FormatInt(time.Now().Unix(), 10)
	}
	// Best effort: the library may be read-only, or ctx gone.
	l.SyncDB.SetState(context.Background(), state)
	if err != nil {
		return res, err
	}
	return res, nil
}

func serverName(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimRight(u, "/")
}

func (l *Local) sync(ctx context.Context, srv remote.Server, id string, res *SyncResult, progress func(SyncProgress)) error {
	if _, err := l.SyncDB.Bind(ctx, id); err != nil {
		return err
	}
	progress(SyncProgress{Stage: "subscriptions"})
	if err := l.sendUnsubscriptions(ctx, srv, res); err != nil {
		return err
	}
	if err := l.syncFeeds(ctx, srv, res); err != nil {
		return err
	}
	if err := l.pull(ctx, srv, res, progress); err != nil {
		return err
	}
	progress(SyncProgress{Stage: "marks"})
	return l.sendMarks(ctx, srv, res)
}

// sendUnsubscriptions tells the server of the feeds removed here.
func (l *Local) sendUnsubscriptions(ctx context.Context, srv remote.Server, res *SyncResult) error {
	pend, err := l.SyncDB.Pending(ctx)
	if err != nil {
		return err
	}
	for _, q := range pend {
		if q.Kind != "unsubscribe" {
			continue
		}
		if err := srv.Unsubscribe(ctx, q.RemoteID); err != nil {
			return err
		}
		if err := l.SyncDB.Sent(ctx, []syncstore.Queued{q}); err != nil {
			return err
		}
		res.Unsubscribed++
	}
	return nil
}

// syncFeeds stores the server's subscriptions and subscribes there to
// the ones made here.
func (l *Local) syncFeeds(ctx context.Context, srv remote.Server, res *SyncResult) error {
	feeds, err := srv.Feeds(ctx)
	if err != nil {
		return err
	}
	added, removed, err := l.SyncDB.ApplyFeeds(ctx, feeds, true)
	if err != nil {
		return err
	}
	res.FeedsAdded += added
	res.FeedsRemoved += removed
	res.Feeds = len(feeds)
	n, err := l.sendSubscriptions(ctx, srv, res)
	res.Subscribed += n
	res.Feeds += n
	return err
}

// sendSubscriptions subscribes on the server to the local feeds it
// lacks, and returns how many.
func (l *Local) sendSubscriptions(ctx context.Context, srv remote.Server, res *SyncResult) (int, error) {
	local, err := l.SyncDB.Unlinked(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range local {
		sf, err := srv.Subscribe(ctx, f.URL)
		var re *remote.Error
		if errors.As(err, &re) && re.Refused {
			res.Refused = append(res.Refused, err)
			continue
		}
		if err != nil {
			return n, err
		}
		if err := l.SyncDB.LinkFeed(ctx, f.ID, sf.RemoteID, sf.Category); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// pull stores what changed on the server, page by page.
func (l *Local) pull(ctx context.Context, srv remote.Server, res *SyncResult, progress func(SyncProgress)) error {
	state, err := l.SyncDB.State(ctx)
	if err != nil {
		return err
	}
	refetched := false
	unknown := func(ids []string) ([]string, error) { return l.SyncDB.Unknown(ctx, ids) }
	return srv.Pull(ctx, state, unknown, func(p remote.Page) error {
		if len(p.Entries) > 0 {
			added, missing, err := l.SyncDB.ApplyEntries(ctx, p.Entries, p.State)
			if err != nil {
				return err
			}
			res.New += added
			if len(missing) > 0 && !refetched {
				// Subscribed on the server since this sync listed its
				// feeds: list them again and store the page's rest.
				refetched = true
				feeds, err := srv.Feeds(ctx)
				if err != nil {
					return err
				}
				a, _, err := l.SyncDB.ApplyFeeds(ctx, feeds, false)
				if err != nil {
					return err
				}
				res.FeedsAdded += a
				added, _, err = l.SyncDB.ApplyEntries(ctx, p.Entries, p.State)
				if err != nil {
					return err
				}
				res.New += added
			}
		}
		if len(p.Marks) > 0 || len(p.Entries) == 0 {
			if err := l.SyncDB.ApplyMarks(ctx, p.Marks, p.State); err != nil {
				return err
			}
		}
		if p.Total > 0 {
			progress(SyncProgress{Stage: "articles", Done: p.Done, Total: p.Total})
		}
		return nil
	})
}

// sendMarks sends the queued marks, grouped by what they set.
func (l *Local) sendMarks(ctx context.Context, srv remote.Server, res *SyncResult) error {
	pend, err := l.SyncDB.Pending(ctx)
	if err != nil {
		return err
	}
	type key struct {
		kind  string
		value bool
	}
	groups := map[key][]syncstore.Queued{}
	var order []key
	for _, q := range pend {
		if q.Kind != "read" && q.Kind != "saved" {
			continue
		}
		k := key{q.Kind, q.Value}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], q)
	}
	for _, k := range order {
		qs := groups[k]
		for len(qs) > 0 {
			part := qs[:min(len(qs), 500)]
			qs = qs[len(part):]
			ids := make([]string, len(part))
			for i, q := range part {
				ids[i] = q.RemoteID
			}
			if err := srv.SetMarks(ctx, k.kind, k.value, ids); err != nil {
				return err
			}
			if err := l.SyncDB.Sent(ctx, part); err != nil {
				return err
			}
			res.Sent += len(part)
		}
	}
	return nil
}

// SyncStatus is what `brief sync --status` shows.
func (l *Local) SyncStatus(ctx context.Context) (syncstore.Status, error) {
	return l.SyncDB.Status(ctx)
}

// localFeeds are the subscriptions this machine fetches itself: all of
// them without a server, else those the server does not have (yet).
func (l *Local) localFeeds(ctx context.Context) ([]Feed, error) {
	return l.SyncDB.Unlinked(ctx)
}

// Folders lists the sync server's folders that hold a feed, by name:
// the reader's F key shows each as a view, after every feed.
func (l *Local) Folders(ctx context.Context) ([]string, error) {
	cats, err := l.SyncDB.Categories(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cats {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out, nil
}
