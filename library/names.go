package library

// The library's vocabulary for its clients. The store and the feed
// refresher define these types; the facade names them again so that
// the commands speak to the library alone and never import its parts.
// They are aliases: a library.Feed is a store.Feed, so the parts and
// their tests keep using their own names.

import (
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
)

type (
	// Feed is a subscription with its state and counts.
	Feed = store.Feed
	// Item is a stored article without its body.
	Item = store.Item
	// Entry is a stored article with its text and links.
	Entry = store.Entry
	// Hit is a search result with its snippet.
	Hit = store.Hit
	// Filter picks a view of the articles.
	Filter = store.Filter
	// View is all, unread or saved articles.
	View = store.View
	// Progress reports one feed of a refresh done.
	Progress = feed.Progress
	// RefreshResult sums up a refresh.
	RefreshResult = feed.Result
	// Outline is one feed of an OPML file.
	Outline = feed.Outline
)

// The views, and where an article's stored text came from.
const (
	All      = store.All
	Unread   = store.Unread
	Saved    = store.Saved
	FromFeed = store.FromFeed
	FromPage = store.FromPage
)

// ErrEmptyQuery is Search's error for a query without a word to search
// for.
var ErrEmptyQuery = store.ErrEmptyQuery

// ParseView reads a view's name: all, unread or saved.
func ParseView(s string) (View, error) { return store.ParseView(s) }

// ShortURL is a URL as the feed lists show it: without its scheme and
// trailing slash.
func ShortURL(u string) string { return feed.ShortURL(u) }

// Address is s as the address to subscribe to, or why it cannot be
// subscribed to: a file or folder on this computer, or not a web address.
func Address(s string) (string, error) { return feed.Address(s) }
