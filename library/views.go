package library

// The Source's views: all, unread or saved articles, of every feed, of
// one folder of the sync server, or of one feed.

import (
	"context"

	"github.com/brief-news/brief/reader"
)

// NextView cycles the view: all → unread → saved → all.
func (s *Source) NextView(ctx context.Context) error {
	s.mu.Lock()
	s.query = ""
	s.Filter.View = (s.Filter.View + 1) % 3
	s.mu.Unlock()
	return s.Reload(ctx)
}

// NextFeed cycles the feed shown: every feed, then each folder of the
// sync server (when the library syncs), then each feed in turn.
func (s *Source) NextFeed(ctx context.Context) error {
	feeds, folders, err := s.feedsAndFolders(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	n := s.feedNo + 1
	if n > len(folders)+len(feeds) {
		n = 0
	}
	s.show(feeds, folders, n)
	s.mu.Unlock()
	return s.Reload(ctx)
}

// ShowFeed shows one feed's articles in the current view (0: every
// feed), leaving a search.
func (s *Source) ShowFeed(ctx context.Context, id int64) error {
	feeds, folders, err := s.feedsAndFolders(ctx)
	if err != nil {
		return err
	}
	n := 0
	for i, f := range feeds {
		if f.ID == id {
			n = len(folders) + i + 1
		}
	}
	s.mu.Lock()
	s.show(feeds, folders, n)
	s.mu.Unlock()
	return s.Reload(ctx)
}

// feedsAndFolders are what NextFeed cycles through besides every feed.
func (s *Source) feedsAndFolders(ctx context.Context) ([]Feed, []string, error) {
	feeds, err := s.Lib.Feeds(ctx)
	if err != nil {
		return nil, nil, err
	}
	var folders []string
	if fl, ok := s.Lib.(folderLister); ok {
		if folders, err = fl.Folders(ctx); err != nil {
			return nil, nil, err
		}
	}
	return feeds, folders, nil
}

// show sets the filter to entry n of every feed, the folders and the
// feeds (see feedNo), leaving a search; s.mu is held.
func (s *Source) show(feeds []Feed, folders []string, n int) {
	s.query = ""
	s.feeds, s.folders, s.feedNo = feeds, folders, n
	s.Filter.FeedID, s.Filter.Folder = 0, ""
	switch {
	case n > len(folders):
		s.Filter.FeedID = feeds[n-len(folders)-1].ID
	case n > 0:
		s.Filter.Folder = folders[n-1]
	}
}

// folderLister is a Library with the sync server's folders (Local).
type folderLister interface {
	Folders(ctx context.Context) ([]string, error)
}

// Describe names what is shown: "unread · Harbour News", "search “tram”".
func (s *Source) Describe() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.query != "" {
		return "search “" + s.query + "”"
	}
	d := s.Filter.View.String()
	n, nf := s.feedNo, len(s.folders)
	switch {
	case n > nf && n-nf <= len(s.feeds):
		d += " · " + reader.Clean(s.feeds[n-nf-1].Name())
	case n > 0 && n <= nf:
		d += " · folder " + reader.Clean(s.folders[n-1])
	default:
		d += " · every feed"
	}
	return d
}
