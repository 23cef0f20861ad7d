package library

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

// Source presents one view of the library (all, unread, saved, one
// feed) as the reader UI's article source: partial reader.Articles,
// newest first, keyed by Location (the article's URL, or item:ID when
// the URL is missing or shared by two articles). Opening an article
// reads it from the store (completing a teaser from its page) and marks
// it read; its previous/next links point at the locations of this
// source. Source also serves as the UI's read state, persisted.
//
// Its methods match ui.Source and ui.ReadState, so the UI takes it
// without this package importing the UI. Safe for concurrent use.
type Source struct {
	Lib    Library
	Filter store.Filter

	mu      sync.Mutex
	query   string               // search shown instead of the view, "" for none
	snips   map[string]store.Hit // search hits by location
	feeds   []store.Feed         // for NextFeed
	folders []string             // the sync server's folders, for NextFeed
	// feedNo is 0 for every feed, 1… for a folder, then for a feed
	// (index in folders, then in feeds, + 1).
	feedNo int
	items  []store.Item
	arts   []*reader.Article
	byLoc  map[string]int   // location → index
	locOf  map[int64]string // item id → location
	// linked holds the opened articles' list entries with the links the
	// library gave them; Lookup prefers them.
	linked map[string]*reader.Article
	gen    int // Reloads started; only the latest stores its list

	marks marks
}

// NewSource loads a view of the library.
func NewSource(ctx context.Context, lib Library, f store.Filter) (*Source, error) {
	s := &Source{Lib: lib, Filter: f}
	return s, s.Reload(ctx)
}

// Reload reads the view again (after a refresh or a change of filter)
// and returns how many articles it holds.
func (s *Source) Reload(ctx context.Context) error {
	s.mu.Lock()
	q, f := s.query, s.Filter
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	var items []store.Item
	var hits []store.Hit
	var err error
	if q != "" {
		hits, err = s.Lib.Search(ctx, q, searchLimit)
		for _, h := range hits {
			items = append(items, h.Item)
		}
	} else {
		items, err = s.Lib.Items(ctx, f)
	}
	if err != nil {
		return err
	}
	urls := make(map[string]int, len(items))
	for _, it := range items {
		if it.URL != "" {
			urls[it.URL]++
		}
	}
	arts := make([]*reader.Article, len(items))
	byLoc := make(map[string]int, len(items))
	locOf := make(map[int64]string, len(items))
	for i := range items {
		it := &items[i]
		a := it.Article()
		if it.URL == "" || urls[it.URL] > 1 {
			a.Location = fmt.Sprintf("item:%d", it.ID)
		}
		arts[i] = a
		byLoc[a.Location] = i
		locOf[it.ID] = a.Location
	}
	if q == "" {
		feedLinks(items, arts)
	}
	snips := map[string]store.Hit{}
	for i, h := range hits {
		snips[arts[i].Location] = h
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		return nil // a later Reload (a newer view) stores its list
	}
	s.items, s.arts, s.byLoc, s.locOf, s.snips = items, arts, byLoc, locOf, snips
	s.linked = map[string]*reader.Article{}
	return nil
}

// feedLinks gives each article of a view (newest first) links to the
// adjacent articles of its feed in the view, until it is opened and the
// library says better (its page's own links).
func feedLinks(items []store.Item, arts []*reader.Article) {
	newer := map[int64]int{} // feed id → index of the last (newer) article seen
	for i := range items {
		fid := items[i].FeedID
		if fid == 0 {
			continue
		}
		if j, ok := newer[fid]; ok {
			arts[i].Next = feedLink("Next in ", &items[j], arts[j])
			arts[j].Prev = feedLink("Previous in ", &items[i], arts[i])
		}
		newer[fid] = i
	}
}

func feedLink(label string, it *store.Item, a *reader.Article) *reader.Link {
	return &reader.Link{Label: label + it.Feed, Title: it.Title, URL: it.URL,
		Kind: reader.KindFeed, Resolved: true, Target: a.Location}
}

// searchLimit is how many search hits the reader lists.
const searchLimit = 200

// Search shows the articles matching query across the whole library,
// best first, instead of the view; "" goes back to the view.
func (s *Source) Search(ctx context.Context, query string) error {
	s.mu.Lock()
	old := s.query
	s.query = strings.TrimSpace(query)
	s.mu.Unlock()
	if err := s.Reload(ctx); err != nil {
		s.mu.Lock()
		s.query = old
		s.mu.Unlock()
		if errors.Is(err, store.ErrEmptyQuery) {
			return fmt.Errorf("%q has no words to search for", query)
		}
		return err
	}
	return nil
}

// Query is the search shown, "" for the view.
func (s *Source) Query() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.query
}

// Snippet is a search hit's snippet and the byte ranges of its matched
// words ("" outside search results).
func (s *Source) Snippet(loc string) (string, [][2]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.snips[loc]
	if !ok {
		return "", nil
	}
	return h.Snippet, h.Highlights
}

// Refresh fetches every feed; progress is called after each one. It
// returns the closing summary line. The caller reloads the view.
func (s *Source) Refresh(ctx context.Context, progress func(done, total, added int)) (string, error) {
	res, err := s.Lib.Refresh(ctx, func(p feed.Progress) {
		if progress != nil {
			progress(p.Done, p.Total, p.New)
		}
	})
	if err != nil {
		return "", err
	}
	return res.Summary(), nil
}

// RefreshOnStart reports whether the reader refreshes the library when
// it opens (the refresh_on_start setting).
func (s *Source) RefreshOnStart() bool { return s.Lib.RefreshOnStart() }

// NewestFirst reports that the list runs newest first (the view; search
// results run best first): the reader's previous is then the older
// article, below, as in the feeds' own links.
func (s *Source) NewestFirst() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.query == ""
}

// IsSaved reports the saved mark.
func (s *Source) IsSaved(loc string) bool {
	it, ok := s.Item(loc)
	return ok && it.Saved
}

// Articles lists the view, newest first.
func (s *Source) Articles() []*reader.Article {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.arts
}

// Items lists the view's store items, in the order of Articles.
func (s *Source) Items() []store.Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items
}

// Skipped is always empty: the library has no unreadable files.
func (s *Source) Skipped() []error { return nil }

// Lookup finds an article of the view by location.
func (s *Source) Lookup(loc string) *reader.Article {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.linked[loc]; a != nil {
		return a
	}
	if i, ok := s.byLoc[loc]; ok {
		return s.arts[i]
	}
	return nil
}

// Item returns the store item behind a location (feed name, marks,
// where its text came from).
func (s *Source) Item(loc string) (store.Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i, ok := s.byLoc[loc]; ok {
		return s.items[i], true
	}
	return store.Item{}, false
}

func (s *Source) id(loc string) (int64, bool) {
	it, ok := s.Item(loc)
	return it.ID, ok
}

// Open reads the article the user opens with its body, completing a
// teaser from its page (over the network). It does not mark it read:
// the reader queues the read mark of the one shown (QueueRead).
func (s *Source) Open(ctx context.Context, a *reader.Article) (*reader.Article, error) {
	e, err := s.OpenEntry(ctx, a.Location)
	if err != nil {
		return nil, err
	}
	return e.Article, nil
}

// Preview reads an article with its stored text only, never touching
// the network: the reader previews list rows and prepares the articles
// around the one open this way. complete is false for a teaser that
// Open would complete from its page.
func (s *Source) Preview(ctx context.Context, a *reader.Article) (art *reader.Article, complete bool, err error) {
	e, err := s.entry(ctx, a.Location, false)
	if err != nil {
		return nil, false, err
	}
	return e.Article, !NeedsPage(e), nil
}

// OpenEntry is Open with the library's details: where the text came
// from (Entry.Source), and why the page could not complete a teaser
// (Entry.PageErr).
func (s *Source) OpenEntry(ctx context.Context, loc string) (*store.Entry, error) {
	return s.entry(ctx, loc, true)
}

// entry reads the article at loc, completing it from its page when
// complete is set, with links resolved against this view.
func (s *Source) entry(ctx context.Context, loc string, complete bool) (*store.Entry, error) {
	id, ok := s.id(loc)
	if !ok {
		return nil, &reader.FileError{Path: loc, Reason: "is not in the library"}
	}
	e, err := s.Lib.Entry(ctx, id, complete)
	if err != nil {
		return nil, err
	}
	a := *e.Article
	a.Location = loc
	a.Body = strings.TrimRight(a.Body, "\n") + "\n\n" + SourceNote(e) + "\n"
	s.mu.Lock()
	for _, l := range []struct {
		link **reader.Link
		id   int64
	}{{&a.Prev, e.PrevID}, {&a.Next, e.NextID}} {
		if *l.link == nil {
			continue
		}
		c := **l.link
		if t, ok := s.locOf[l.id]; ok && l.id != 0 {
			c.Resolved, c.Target = true, t
		} else if l.id != 0 {
			c.Target = "" // in the library but not in this view: follow its URL
		}
		*l.link = &c
	}
	if i, ok := s.byLoc[loc]; ok {
		entry := *s.arts[i]
		entry.Prev, entry.Next = a.Prev, a.Next
		entry.Words = a.Words
		s.linked[loc] = &entry
		s.items[i].Source = e.Source
		s.items[i].Teaser = e.Teaser
	}
	s.mu.Unlock()
	e.Article = &a
	return e, nil
}

// SourceNote is the line the reader shows under an article of the
// library: where its text came from.
func SourceNote(e *store.Entry) string {
	switch {
	case e.Source == store.FromPage:
		return "*Text from the article's page (the feed carries a summary).*"
	case e.PageErr != nil:
		return "*The feed's summary only: " + strings.TrimSuffix(reader.Clean(e.PageErr.Error()), ".") + ".*"
	case e.Teaser:
		return "*The feed's summary.*"
	}
	return "*Text from the feed.*"
}

// Fetch loads an article outside the view (a page's own link): from the
// library when it holds it, otherwise from the web.
func (s *Source) Fetch(ctx context.Context, url string) (*reader.Article, error) {
	if id, err := s.Lib.Lookup(ctx, url); err == nil && id != 0 {
		if e, err := s.Lib.Entry(ctx, id, true); err == nil {
			return e.Article, nil
		}
	}
	return reader.FetchArticle(ctx, url)
}
