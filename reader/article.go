// Package reader holds brief's article model and turns sources into
// articles: the Article and its previous/next Links, the scraped-page
// text and markdown forms, HTML pages (read by package page, fetched by
// package fetch, their links found by package navlinks), and
// Collections of articles loaded from files, folders, standard input and
// URLs, with their links resolved among them. It also gives the rest of
// brief the one way to make untrusted text safe to show (Clean and kin).
// It knows nothing of the terminal.
package reader

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// WordsPerMinute is the reading speed behind ReadingMinutes, the usual
// figure for adults reading news on a screen.
const WordsPerMinute = 230

// Article is one news article. Articles found by scanning a folder carry
// their metadata and links but no Body until they are opened (see
// Collection.Open): a folder of thousands lists at once.
type Article struct {
	Title     string
	Byline    string
	Site      string
	Lang      string
	Published time.Time // zero when unknown
	// Location is where the article came from: a file path, "-" for
	// standard input, or a URL.
	Location string
	// URL is the article's own web address when known (a page's
	// canonical URL, or the URL it was fetched from).
	URL string
	// Body is the article text as markdown. Empty while Partial.
	Body  string
	Words int
	Prev  *Link
	Next  *Link
	// Partial reports that only the metadata and links were read.
	Partial bool
}

// ReadingMinutes is the estimated time to read the body, at least 1.
func (a *Article) ReadingMinutes() int {
	m := (a.Words + WordsPerMinute/2) / WordsPerMinute
	if m < 1 {
		m = 1
	}
	return m
}

// ReadingTime is ReadingMinutes for people: "3 min read", and past an
// hour "2 h 5 min read" (a 3-million-word file is "260 h read", not
// "15652 min read").
func (a *Article) ReadingTime() string {
	m := a.ReadingMinutes()
	switch {
	case m < 60:
		return strconv.Itoa(m) + " min read"
	case m%60 == 0 || m >= 600:
		return strconv.Itoa(m/60) + " h read"
	}
	return strconv.Itoa(m/60) + " h " + strconv.Itoa(m%60) + " min read"
}

// IsItemLocation reports whether loc names a library article ("item:12")
// rather than a file or an address: nothing to show a reader as a file.
func IsItemLocation(loc string) bool { return strings.HasPrefix(loc, "item:") }

// DisplayTitle is the title to show: the article's own, or for a page
// that has none, its file name or URL, so that no list line is blank.
// Title itself stays empty, as the page gave it.
func (a *Article) DisplayTitle() string {
	switch {
	case a.Title != "":
		return a.Title
	case a.Location == "-" || a.Location == "":
		return "(untitled)"
	case IsURL(a.Location):
		return Clean(a.Location)
	}
	return Clean(strings.TrimSuffix(filepath.Base(a.Location), filepath.Ext(a.Location)))
}

// Source names where the article is from, for lists: its site when known,
// otherwise the folder that holds the file.
func (a *Article) Source() string {
	if a.Site != "" {
		return a.Site
	}
	if a.Location == "-" || a.Location == "" {
		return "stdin"
	}
	return Clean(filepath.Base(filepath.Dir(a.Location)))
}

// LinkKind says how a previous/next link was found.
type LinkKind string

// The ways a link can be found, strongest evidence first for web pages.
const (
	KindText     LinkKind = "text"      // "Previous Article" label in scraped text
	KindRel      LinkKind = "rel"       // <a rel="prev|next"> in the page body
	KindTheme    LinkKind = "theme"     // known post-navigation markup of a CMS theme
	KindHeadLink LinkKind = "head-link" // <link rel="prev|next"> in the head
	KindLabel    LinkKind = "label"     // label text ("Next story →") near a link
	KindArrow    LinkKind = "arrow"     // bare arrows inside a post-navigation container
	KindFeed     LinkKind = "feed"      // adjacent item of the same feed
	KindList     LinkKind = "list"      // neighbour in the list (no link of its own)
)

// Link is an article's link to its previous or next article, as the page
// gave it and as brief resolved it.
type Link struct {
	Label string   // the page's own label, e.g. "Previous Article"
	Title string   // the linked headline, when the page gives one
	URL   string   // absolute URL, when the source has one
	Kind  LinkKind // how it was found
	// Resolved is true when the target is known: an article of the same
	// collection, or (for web links) a followable http(s) URL.
	Resolved bool
	// Target is the location of the linked article when it is in the
	// collection (a file path or URL); empty otherwise.
	Target string
}

// InCollection reports whether the link points at an article of the
// same collection.
func (l *Link) InCollection() bool { return l != nil && l.Resolved && l.Target != "" }
