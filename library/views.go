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
	feeds, err := s.Lib.Feeds(ctx)
	if err != nil {
		return err
	}
	var folders []string
	if fl, ok := s.Lib.(folderLister); ok {
		if folders, err = fl.Folders(ctx); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.query = ""
	s.feeds, s.folders = feeds, folders
	s.feedNo++
	if s.feedNo > len(folders)+len(feeds) {
		s.feedNo = 0
	}
	s.Filter.FeedID, s.Filter.Folder = 0, ""
	switch n := s.feedNo; {
	case n > len(folders):
		s.Filter.FeedID = feeds[n-len(folders)-1].ID
	case n > 0:
		s.Filter.Folder = folders[n-1]
	}
	s.mu.Unlock()
	return s.Reload(ctx)
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
