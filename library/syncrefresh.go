package library

// Refreshing with a server to sync with: the server fetches the feeds
// it has, so a refresh syncs (brief refresh, r in the reader) and then
// fetches here only the feeds the server does not have. Fetching a
// synced feed here too would store its articles twice (the server
// keeps the feeds' own GUIDs to itself).

import (
	"context"
	"time"

	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
)

// RefreshFeeds fetches the feeds given, every feed when there are
// none; progress is called once per feed (never concurrently). What was
// stored before ctx is cancelled stays. With a server to sync with, the
// library syncs first (its failure is one of the result's Failed, and
// the local feeds are fetched all the same), and the synced feeds are
// left to the server.
func (l *Local) RefreshFeeds(ctx context.Context, feeds []Feed, progress func(Progress)) (*RefreshResult, error) {
	if !l.SyncEnabled() {
		return l.Refresher.Refresh(ctx, feeds, progress)
	}
	srvFeed := store.Feed{URL: l.Config.Sync.URL, Title: "sync with " + serverName(l.Config.Sync.URL)}
	sres, serr := l.Sync(ctx, func(p SyncProgress) {
		if progress != nil && p.Total > 0 {
			progress(feed.Progress{Feed: srvFeed, Done: p.Done, Total: p.Total})
		}
	})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	local, err := l.localFeeds(ctx)
	if err != nil {
		return nil, err
	}
	if len(feeds) > 0 {
		keep := map[int64]bool{}
		for _, f := range local {
			keep[f.ID] = true
		}
		local = local[:0]
		for _, f := range feeds {
			if keep[f.ID] {
				local = append(local, f)
			}
		}
	}
	res := &feed.Result{}
	if len(local) > 0 {
		if res, err = l.Refresher.Refresh(ctx, local, progress); err != nil {
			return nil, err
		}
	} else if l.Refresher.Retention > 0 {
		// The refresher prunes after fetching; with nothing to fetch,
		// the synced articles are pruned here.
		if res.Pruned, err = l.Store.Prune(ctx, time.Now().Add(-l.Refresher.Retention)); err != nil {
			return nil, err
		}
	}
	if sres != nil {
		res.New += sres.New
		res.Feeds += sres.Feeds
		res.Failed = append(res.Failed, sres.Refused...)
	}
	if serr != nil {
		res.Failed = append([]error{serr}, res.Failed...)
	}
	return res, nil
}

// syncSubscriptions tells the server at once of a subscription made or
// removed here, when it can be reached; otherwise the next sync does.
func (l *Local) syncSubscriptions(ctx context.Context) error {
	if !l.SyncEnabled() {
		return nil
	}
	l.syncing.Lock()
	defer l.syncing.Unlock()
	srv, id, err := l.server()
	if err != nil {
		return err
	}
	if _, err := l.SyncDB.Bind(ctx, id); err != nil {
		return err
	}
	res := &SyncResult{}
	if err := l.sendUnsubscriptions(ctx, srv, res); err != nil {
		return err
	}
	if _, err := l.sendSubscriptions(ctx, srv, res); err != nil {
		return err
	}
	if len(res.Refused) > 0 {
		return res.Refused[0]
	}
	return nil
}
