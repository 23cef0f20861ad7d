package reader

// Where n and p lead from an article: the one rule that the reader's
// footer and keys, brief read and its --json all report. It is worked
// out once for both directions, because one direction's answer depends
// on the other's (a stand-in never leads where the other direction
// does).

import (
	"net/url"
	"strings"
)

// RouteKind says where one direction leads.
type RouteKind string

// The places a direction can lead. The strings are part of read --json.
const (
	// RouteArticle opens an article at hand at once: one of the list,
	// or a web page already loaded.
	RouteArticle RouteKind = "article"
	// RouteWeb loads a web page first.
	RouteWeb RouteKind = "web"
	// RouteList opens the list's neighbour: the article has no link of
	// its own in that direction.
	RouteList RouteKind = "list"
	// RouteUnresolved is a link to an article that is not at hand and
	// has no web address to load it from.
	RouteUnresolved RouteKind = "unresolved"
	// RouteUnfollowed is a link of a scheme brief never follows
	// (javascript:, data:): shown, never followed.
	RouteUnfollowed RouteKind = "unfollowed"
	// RouteNone leads nowhere: the end of the list, no article, or a
	// stand-in for where the other direction leads.
	RouteNone RouteKind = "none"
)

// Evidence says how a route was found, weakest first: a stand-in on
// weaker evidence gives way to the other direction's (see FindRoutes).
type Evidence int

// The ways a route is found.
const (
	ByList Evidence = iota // the list's neighbour: the article has no link
	ByFeed                 // the adjacent item of its feed (KindFeed)
	ByPage                 // the article's own link
)

// String is the evidence's name in read --json: "list", "feed", "page".
func (e Evidence) String() string {
	switch e {
	case ByFeed:
		return "feed"
	case ByPage:
		return "page"
	}
	return "list"
}

// Route is where one direction (previous or next) leads from an article.
type Route struct {
	Kind RouteKind
	By   Evidence
	// Loc is the location of the article it opens (RouteArticle,
	// RouteList).
	Loc string
	// URL is the page to load for RouteWeb; otherwise the web address
	// of the article it opens or of the link, when known.
	URL string
	// Title names the target for the screen: the headline of the
	// article at hand, else the link's headline or a short form of its
	// address. Empty for RouteNone.
	Title string
	// Why is the one line that says why the direction leads nowhere
	// (RouteUnresolved, RouteUnfollowed, RouteNone).
	Why string
	// Link is the article's own link the route follows; nil for the
	// list's neighbour.
	Link *Link
}

// Leads reports whether the direction goes somewhere: an article to
// open, or a page to load.
func (r Route) Leads() bool {
	return r.Kind == RouteArticle || r.Kind == RouteWeb || r.Kind == RouteList
}

// target is the article or page a route leads to, "" for none.
func (r Route) target() string {
	if r.Kind == RouteWeb {
		return r.URL
	}
	return r.Loc
}

// Routes are both directions from one article.
type Routes struct{ Prev, Next Route }

// Dir is the previous route for dir < 0, else the next.
func (rs Routes) Dir(dir int) Route {
	if dir < 0 {
		return rs.Prev
	}
	return rs.Next
}

// List is the list an article is read in, as the rule needs it.
type List interface {
	// Articles in list order.
	Articles() []*Article
	// Lookup finds an article of the list by location, nil for none.
	Lookup(loc string) *Article
	// NewestFirst reports a list that runs newest first, as the
	// library's views do: there, as in its feeds' own links, the
	// previous article is the older one (the row below) and the next
	// the newer one (the row above). Other lists are in reading order:
	// next is the row below.
	NewestFirst() bool
}

// ReadingOrder is a collection as a List in its own (reading) order.
func ReadingOrder(c *Collection) List { return readingOrder{c} }

type readingOrder struct{ c *Collection }

func (r readingOrder) Articles() []*Article       { return r.c.Articles }
func (r readingOrder) Lookup(loc string) *Article { return r.c.Lookup(loc) }
func (r readingOrder) NewestFirst() bool          { return false }

// FindRoutes works out where previous and next lead from a, read in
// list l; loaded (which may be nil) finds the pages already loaded from
// the web. Either direction leads to:
//
//   - the article its own link names, when it is at hand (in the list,
//     or loaded before: pages that link in a circle cost one request
//     each however often the reader goes round);
//   - failing that, any http(s) address of the link, to load from the
//     web (saved pages link by absolute address);
//   - nowhere for a link of another scheme or one that names an article
//     not at hand, saying why;
//   - the list's neighbour when the article has no link.
//
// A stand-in (the feed's or the list's neighbour) that leads where the
// other direction leads on better evidence (on equal evidence next
// keeps it) leads nowhere instead: previous and next never name the
// same article.
func FindRoutes(l List, loaded func(loc string) *Article, a *Article) Routes {
	if a == nil {
		none := Route{Kind: RouteNone, Why: "no article is open"}
		return Routes{Prev: none, Next: none}
	}
	at := func(loc string) *Article {
		if loc == "" {
			return nil
		}
		if l != nil {
			if t := l.Lookup(loc); t != nil {
				return t
			}
		}
		if loaded != nil {
			return loaded(loc)
		}
		return nil
	}
	prev, next := follow(l, at, a, -1), follow(l, at, a, 1)
	return Routes{Prev: standIn(prev, next, -1), Next: standIn(next, prev, 1)}
}

// follow is where the article's link in direction dir leads, before the
// stand-in rule; without a link, the list's neighbour.
func follow(l List, at func(string) *Article, a *Article, dir int) Route {
	link, word := a.Next, "next"
	if dir < 0 {
		link, word = a.Prev, "previous"
	}
	if link == nil {
		return neighbour(l, a, dir, word)
	}
	r := Route{By: evidence(link), Link: link}
	// An article at hand first; failing that (no target, or one the
	// list does not hold) any http(s) address is followed on the web.
	if link.InCollection() {
		if t := at(link.Target); t != nil {
			return r.opens(t)
		}
	}
	if link.URL != "" && IsURL(link.URL) {
		if t := at(link.URL); t != nil {
			return r.opens(t)
		}
		r.Kind, r.URL, r.Title = RouteWeb, link.URL, LinkName(link)
		return r
	}
	r.URL, r.Title = link.URL, LinkName(link)
	if s := OtherScheme(link.URL); s != "" {
		r.Kind, r.Why = RouteUnfollowed, word+" link is a "+s+": address, which brief does not follow"
		return r
	}
	r.Kind, r.Why = RouteUnresolved, word+" article not in this collection: “"+r.Title+"”"
	return r
}

// opens is r leading to the article t, at hand.
func (r Route) opens(t *Article) Route {
	r.Kind, r.Loc, r.URL, r.Title = RouteArticle, t.Location, t.URL, t.DisplayTitle()
	return r
}

// evidence says how a link was found.
func evidence(l *Link) Evidence {
	switch l.Kind {
	case KindList:
		return ByList
	case KindFeed:
		return ByFeed
	}
	return ByPage
}

// neighbour is the list's article before or after a, for an article
// with no link of its own in that direction.
func neighbour(l List, a *Article, dir int, word string) Route {
	if l == nil {
		return Route{Kind: RouteNone, Why: "this article has no " + word + " link"}
	}
	step := dir
	if l.NewestFirst() {
		step = -dir
	}
	arts := l.Articles()
	for i, x := range arts {
		if x.Location != a.Location {
			continue
		}
		j := i + step
		if j < 0 || j >= len(arts) {
			end := "last"
			if j < 0 {
				end = "first"
			}
			return Route{Kind: RouteNone, Why: "no " + word + " article: this is the " + end + " of the list"}
		}
		t := arts[j]
		return Route{Kind: RouteList, Loc: t.Location, URL: t.URL, Title: t.DisplayTitle()}
	}
	return Route{Kind: RouteNone, Why: "this article has no " + word + " link"}
}

// standIn applies the stand-in rule to r, the route in direction dir,
// given other, the route the other way.
func standIn(r, other Route, dir int) Route {
	if r.By == ByPage || !r.Leads() || r.target() == "" {
		return r
	}
	if !other.Leads() || other.target() != r.target() || other.By < r.By || (other.By == r.By && dir > 0) {
		return r
	}
	word, opposite := "next", "previous"
	if dir < 0 {
		word, opposite = opposite, word
	}
	return Route{Kind: RouteNone, By: r.By, Link: r.Link,
		Why: "no " + word + " article: the only one at hand is the " + opposite + ", “" + r.Title + "”"}
}

// OtherScheme is the scheme of an address that is neither a web page
// nor a file ("javascript", "data"), or "".
func OtherScheme(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || IsURL(raw) || strings.EqualFold(u.Scheme, "file") {
		return ""
	}
	return strings.ToLower(u.Scheme)
}

// LinkName names a link's target for the screen, cleaned: its headline,
// else a short form of its address (only the scheme of one that is not
// a web page or a file: a data: address can be long, and is not to be
// read).
func LinkName(l *Link) string {
	if l.Title != "" {
		return Clean(l.Title)
	}
	if s := OtherScheme(l.URL); s != "" {
		return s + ": link"
	}
	return ShortURL(Clean(l.URL))
}

// ShortURL is an address without its scheme, and without the middle of
// its path when long: "example.com/…/the-story".
func ShortURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	host := strings.TrimPrefix(u.Host, "www.")
	path := strings.Trim(u.Path, "/")
	if path == "" {
		return host
	}
	parts := strings.Split(path, "/")
	if len(parts) > 1 && len(host)+len(path) > 40 {
		return host + "/…/" + parts[len(parts)-1]
	}
	return host + "/" + path
}
