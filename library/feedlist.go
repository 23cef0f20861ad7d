package library

// The reader's feed list (newsboat's first screen): the subscriptions
// with their unread counts (ShowFeed, in views.go, shows the one
// picked); and mark-all-read of what is shown.

import (
	"context"

	"github.com/brief-news/brief/reader"
)

// FeedRow is one line of the feed list.
type FeedRow struct {
	ID            int64 // 0: every feed
	Name          string
	Unread, Total int
	Failed        bool // the last refresh failed
}

// FeedList lists every feed, first a row for them all, then each
// subscription by name, with its unread and total counts.
func (s *Source) FeedList(ctx context.Context) ([]FeedRow, error) {
	feeds, err := s.Lib.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	all := FeedRow{Name: "every feed"}
	rows := make([]FeedRow, 0, len(feeds)+1)
	rows = append(rows, all)
	for _, f := range feeds {
		rows[0].Unread += f.Unread
		rows[0].Total += f.Total
		rows = append(rows, FeedRow{ID: f.ID, Name: reader.Clean(f.Name()), Unread: f.Unread, Total: f.Total, Failed: f.Error != ""})
	}
	s.mu.Lock()
	s.feeds = feeds
	s.mu.Unlock()
	return rows, nil
}

// FeedShown is the id of the feed shown, 0 for every feed.
func (s *Source) FeedShown() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Filter.FeedID
}

// MarkAllRead marks every unread article of what is shown read: the
// whole view of the feed shown (not only the page listed), or the
// articles a search found. It returns how many; the list shows them
// read at once, and the caller reloads the view.
func (s *Source) MarkAllRead(ctx context.Context) (int, error) {
	s.mu.Lock()
	q, f := s.query, s.Filter
	var ids []int64
	if q != "" {
		for _, it := range s.items {
			if !it.Read {
				ids = append(ids, it.ID)
			}
		}
	}
	s.mu.Unlock()
	if q == "" {
		f.Limit, f.Offset = 0, 0
		n, err := s.Lib.MarkAllRead(ctx, f)
		if err == nil {
			s.markShownRead(nil)
		}
		return n, err
	}
	for i, id := range ids {
		if err := s.Lib.SetRead(ctx, id, true); err != nil {
			return i, err
		}
	}
	s.markShownRead(ids)
	return len(ids), nil
}

// MarkFeedRead marks every unread article of one feed read (0: of
// every feed), whatever the view shows: the A key on the feed list. The
// caller reloads the view.
func (s *Source) MarkFeedRead(ctx context.Context, id int64) (int, error) {
	n, err := s.Lib.MarkAllRead(ctx, Filter{FeedID: id})
	if err == nil {
		s.mu.Lock()
		for i := range s.items {
			if id == 0 || s.items[i].FeedID == id {
				s.items[i].Read = true
			}
		}
		s.mu.Unlock()
	}
	return n, err
}

// markShownRead marks the listed items read in memory: those of ids, or
// every one when ids is nil.
func (s *Source) markShownRead(ids []int64) {
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.items {
		if ids == nil || want[s.items[i].ID] {
			s.items[i].Read = true
		}
	}
}
