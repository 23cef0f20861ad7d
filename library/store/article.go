package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/brief-news/brief/reader"
)

// Entry is an opened article: its list data, the article with its body
// and previous/next links, and the library ids those links lead to.
type Entry struct {
	Item
	Article *reader.Article
	// PrevID and NextID are the library articles the links lead to, 0
	// when a link leads outside the library (follow its URL) or there
	// is none.
	PrevID, NextID int64
	// PageErr is set (by the library) when the article's page could not
	// be fetched to complete a feed teaser: the feed's text is shown.
	PageErr error
	// SaveErr is set (by the library) when the article was shown but a
	// change to it could not be stored (its read mark, its fetched
	// page): the data folder is read-only or full.
	SaveErr error
}

// Entry returns the article id with its stored body. Its previous/next
// links are the page's own when its page was extracted and had them,
// otherwise the adjacent items of the same feed (reader.KindFeed): the
// older one is previous, the newer one next. A feed neighbour standing
// in for a link the page lacks is left out when it is where the page's
// other link leads: previous and next never name the same article.
func (s *Store) Entry(ctx context.Context, id int64) (*Entry, error) {
	it, err := s.Item(ctx, id)
	if err != nil {
		return nil, err
	}
	body, err := s.Body(ctx, id)
	if err != nil {
		return nil, err
	}
	e := &Entry{Item: it, Article: it.Article()}
	// Bodies stored by an older brief may predate a rule of CleanMarkdown.
	e.Article.Body = reader.CleanMarkdown(body)
	e.Article.Partial = false
	pprev, pnext, err := s.Links(ctx, id)
	if err != nil {
		return nil, err
	}
	var fprev, fnext *Item
	if pprev == nil || pnext == nil {
		if fprev, fnext, err = s.Neighbors(ctx, id); err != nil {
			return nil, err
		}
	}
	e.Article.Prev, e.PrevID, err = s.pick(ctx, pprev, fprev, "Previous in ")
	if err != nil {
		return nil, err
	}
	e.Article.Next, e.NextID, err = s.pick(ctx, pnext, fnext, "Next in ")
	if err != nil {
		return nil, err
	}
	if e.PrevID != 0 && e.PrevID == e.NextID {
		switch {
		case pprev == nil && pnext != nil:
			e.Article.Prev, e.PrevID = nil, 0
		case pnext == nil && pprev != nil:
			e.Article.Next, e.NextID = nil, 0
		}
	}
	return e, nil
}

// pick chooses the page's link when there is one, else the feed
// neighbour, and finds the library article it leads to.
func (s *Store) pick(ctx context.Context, page *reader.Link, feed *Item, label string) (*reader.Link, int64, error) {
	if page != nil {
		l := *page
		id, err := s.idByURL(ctx, l.URL)
		if err != nil {
			return nil, 0, err
		}
		if id != 0 {
			it, err := s.Item(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			l.Resolved, l.Target = true, it.Location()
		}
		return &l, id, nil
	}
	if feed == nil {
		return nil, 0, nil
	}
	return &reader.Link{
		Label:    label + feed.Feed,
		Title:    feed.Title,
		URL:      feed.URL,
		Kind:     reader.KindFeed,
		Resolved: true,
		Target:   feed.Location(),
	}, feed.ID, nil
}

// idByURL finds a stored article by its URL, 0 when there is none.
func (s *Store) idByURL(ctx context.Context, url string) (int64, error) {
	if url == "" {
		return 0, nil
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM items WHERE url = ? ORDER BY id DESC LIMIT 1`, url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// Lookup finds a stored article by its Location (URL or item:ID).
func (s *Store) Lookup(ctx context.Context, loc string) (int64, error) {
	var id int64
	if n, _ := fmtSscan(loc, &id); n == 1 {
		if _, err := s.Item(ctx, id); err != nil {
			if errors.Is(err, ErrNotFound) {
				return 0, nil
			}
			return 0, err
		}
		return id, nil
	}
	return s.idByURL(ctx, loc)
}
