package reader

import (
	"testing"
)

// testList is a List over articles in the order given.
type testList struct {
	arts   []*Article
	newest bool
}

func (l testList) Articles() []*Article { return l.arts }
func (l testList) NewestFirst() bool    { return l.newest }
func (l testList) Lookup(loc string) *Article {
	for _, a := range l.arts {
		if a.Location == loc {
			return a
		}
	}
	return nil
}

func art(loc, title string) *Article { return &Article{Location: loc, Title: title} }

// want is what one route must be; only the fields set are checked
// besides Kind, Why and Title, which always are.
type want struct {
	kind  RouteKind
	by    Evidence
	loc   string
	url   string
	title string
	why   string
}

func checkRoute(t *testing.T, dir string, got Route, w want) {
	t.Helper()
	if got.Kind != w.kind || got.By != w.by || got.Loc != w.loc || got.URL != w.url || got.Title != w.title || got.Why != w.why {
		t.Errorf("%s: got {%s %s loc=%q url=%q title=%q why=%q}\nwant {%s %s loc=%q url=%q title=%q why=%q}", dir,
			got.Kind, got.By, got.Loc, got.URL, got.Title, got.Why, w.kind, w.by, w.loc, w.url, w.title, w.why)
	}
}

func TestFindRoutes(t *testing.T) {
	x, y, z := art("news/x.txt", "Xylo Opens"), art("news/y.txt", "Yarrow Links Back"), art("news/z.txt", "Zinc Closes")
	web := art("https://example.com/loaded", "Loaded Before")
	web.URL = web.Location
	loaded := func(loc string) *Article {
		if loc == web.Location {
			return web
		}
		return nil
	}
	page := func(title, target, url string) *Link {
		return &Link{Label: "Next", Title: title, URL: url, Kind: KindRel, Resolved: target != "" || IsURL(url), Target: target}
	}
	feed := func(a *Article) *Link {
		return &Link{Label: "Next in Desk", Title: a.Title, Kind: KindFeed, Resolved: true, Target: a.Location}
	}
	with := func(a *Article, prev, next *Link) *Article {
		c := *a
		c.Prev, c.Next = prev, next
		return &c
	}
	reading := testList{arts: []*Article{x, y, z}}
	cases := []struct {
		name       string
		list       List
		a          *Article
		prev, next want
	}{
		{"no article", reading, nil,
			want{kind: RouteNone, why: "no article is open"},
			want{kind: RouteNone, why: "no article is open"}},
		{"list neighbours in reading order", reading, y,
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteList, loc: z.Location, title: "Zinc Closes"}},
		{"first and last of the list", testList{arts: []*Article{x}}, x,
			want{kind: RouteNone, why: "no previous article: this is the first of the list"},
			want{kind: RouteNone, why: "no next article: this is the last of the list"}},
		{"newest first: previous is the row below", testList{arts: []*Article{x, y, z}, newest: true}, x,
			want{kind: RouteList, loc: y.Location, title: "Yarrow Links Back"},
			want{kind: RouteNone, why: "no next article: this is the first of the list"}},
		{"not in the list", reading, web,
			want{kind: RouteNone, why: "this article has no previous link"},
			want{kind: RouteNone, why: "this article has no next link"}},
		{"no list", nil, x,
			want{kind: RouteNone, why: "this article has no previous link"},
			want{kind: RouteNone, why: "this article has no next link"}},
		{"own link to an article of the list, named by its headline", reading,
			with(x, nil, page("xylo's own words", z.Location, "")),
			want{kind: RouteNone, why: "no previous article: this is the first of the list"},
			want{kind: RouteArticle, by: ByPage, loc: z.Location, title: "Zinc Closes"}},
		{"web link", reading, with(y, nil, page("Web Story", "", "https://example.com/web-story")),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteWeb, by: ByPage, url: "https://example.com/web-story", title: "Web Story"}},
		{"web link without a headline", reading, with(y, nil, page("", "", "https://www.example.com/news/2026/11/a-rather-long-story-name")),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteWeb, by: ByPage, url: "https://www.example.com/news/2026/11/a-rather-long-story-name",
				title: "example.com/…/a-rather-long-story-name"}},
		{"a target the list no longer holds falls back to the web", reading,
			with(y, nil, page("Gone Story", "news/gone.txt", "https://example.com/gone")),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteWeb, by: ByPage, url: "https://example.com/gone", title: "Gone Story"}},
		{"a web page already loaded is not loaded again", reading, with(y, nil, page("Loaded", "", web.Location)),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteArticle, by: ByPage, loc: web.Location, url: web.URL, title: "Loaded Before"}},
		{"a web address of an article of the list opens it", testList{arts: []*Article{x, y, web}},
			with(y, nil, page("", "", web.Location)),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteArticle, by: ByPage, loc: web.Location, url: web.URL, title: "Loaded Before"}},
		{"unresolved", reading, with(y, &Link{Label: "Previous Article", Title: "Harbour \x1b[2JTimetable", Kind: KindText}, nil),
			want{kind: RouteUnresolved, by: ByPage, title: "Harbour Timetable",
				why: "previous article not in this collection: “Harbour Timetable”"},
			want{kind: RouteList, loc: z.Location, title: "Zinc Closes"}},
		{"a file: link is not followed", reading, with(y, nil, page("", "", "file:///etc/passwd")),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteUnresolved, by: ByPage, url: "file:///etc/passwd", title: "file:///etc/passwd",
				why: "next article not in this collection: “file:///etc/passwd”"}},
		{"javascript:", reading, with(y, nil, page("", "", "javascript:alert(1)")),
			want{kind: RouteList, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteUnfollowed, by: ByPage, url: "javascript:alert(1)", title: "javascript: link",
				why: "next link is a javascript: address, which brief does not follow"}},
		{"data: with a headline", reading, with(y, &Link{Title: "Inline", URL: "data:text/html,<h1>x</h1>", Kind: KindRel}, nil),
			want{kind: RouteUnfollowed, by: ByPage, url: "data:text/html,<h1>x</h1>", title: "Inline",
				why: "previous link is a data: address, which brief does not follow"},
			want{kind: RouteList, loc: z.Location, title: "Zinc Closes"}},
		// The stand-in rule.
		{"the list's neighbour gives way to the other direction's own link", reading,
			with(y, nil, page(x.Title, x.Location, "")),
			want{kind: RouteNone, why: "no previous article: the only one at hand is the next, “Xylo Opens”"},
			want{kind: RouteArticle, by: ByPage, loc: x.Location, title: "Xylo Opens"}},
		{"a feed stand-in gives way to the other direction's own link", reading,
			with(y, feed(z), page(z.Title, z.Location, "")),
			want{kind: RouteNone, by: ByFeed, why: "no previous article: the only one at hand is the next, “Zinc Closes”"},
			want{kind: RouteArticle, by: ByPage, loc: z.Location, title: "Zinc Closes"}},
		{"the list's neighbour gives way to a feed link", testList{arts: []*Article{y, x}},
			with(x, feed(y), nil),
			want{kind: RouteArticle, by: ByFeed, loc: y.Location, title: "Yarrow Links Back"},
			want{kind: RouteNone, why: "no next article: this is the last of the list"}},
		{"the list's neighbour gives way to the other's feed link", testList{arts: []*Article{x, y}},
			with(x, feed(y), nil),
			want{kind: RouteArticle, by: ByFeed, loc: y.Location, title: "Yarrow Links Back"},
			want{kind: RouteNone, why: "no next article: the only one at hand is the previous, “Yarrow Links Back”"}},
		{"on equal evidence next keeps it", testList{arts: []*Article{x, y}},
			with(x, feed(y), feed(y)),
			want{kind: RouteNone, by: ByFeed, why: "no previous article: the only one at hand is the next, “Yarrow Links Back”"},
			want{kind: RouteArticle, by: ByFeed, loc: y.Location, title: "Yarrow Links Back"}},
		{"own links both ways may name one article", reading,
			with(y, page(x.Title, x.Location, ""), page(x.Title, x.Location, "")),
			want{kind: RouteArticle, by: ByPage, loc: x.Location, title: "Xylo Opens"},
			want{kind: RouteArticle, by: ByPage, loc: x.Location, title: "Xylo Opens"}},
		{"a stand-in for a web page the other direction loads", reading,
			with(y, &Link{Title: "Web", URL: "https://example.com/w", Kind: KindFeed}, page("Web", "", "https://example.com/w")),
			want{kind: RouteNone, by: ByFeed, why: "no previous article: the only one at hand is the next, “Web”"},
			want{kind: RouteWeb, by: ByPage, url: "https://example.com/w", title: "Web"}},
		{"a KindList link is list evidence", reading,
			with(y, nil, &Link{Title: x.Title, Kind: KindList, Resolved: true, Target: x.Location}),
			want{kind: RouteNone, why: "no previous article: the only one at hand is the next, “Xylo Opens”"},
			want{kind: RouteArticle, by: ByList, loc: x.Location, title: "Xylo Opens"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := FindRoutes(c.list, loaded, c.a)
			checkRoute(t, "prev", rs.Prev, c.prev)
			checkRoute(t, "next", rs.Next, c.next)
			if rs.Dir(-1) != rs.Prev || rs.Dir(1) != rs.Next {
				t.Error("Dir does not pick the direction")
			}
			for _, r := range []Route{rs.Prev, rs.Next} {
				if r.Leads() != (r.Kind == RouteArticle || r.Kind == RouteWeb || r.Kind == RouteList) || r.Leads() == (r.Why != "") {
					t.Errorf("%s route: Leads %v with why %q", r.Kind, r.Leads(), r.Why)
				}
			}
		})
	}
}

// A collection read in its own order: a chain's ends lead to the list's
// neighbours of the articles outside it.
func TestReadingOrder(t *testing.T) {
	a := art("news/a.txt", "Alpha")
	b := art("news/b.txt", "Beta")
	a.Next = &Link{Label: "Next Article", Title: "Beta", Kind: KindText}
	b.Prev = &Link{Label: "Previous Article", Title: "alpha", Kind: KindText}
	loose := art("news/loose.txt", "Loose")
	c := NewCollection([]*Article{loose, b, a})
	l := ReadingOrder(c)
	if l.NewestFirst() || len(l.Articles()) != 3 || l.Lookup("news/a.txt") != a {
		t.Fatalf("ReadingOrder: %v", l.Articles())
	}
	rs := FindRoutes(l, nil, b)
	checkRoute(t, "prev", rs.Prev, want{kind: RouteArticle, by: ByPage, loc: a.Location, title: "Alpha"})
	checkRoute(t, "next", rs.Next, want{kind: RouteList, loc: loose.Location, title: "Loose"})
	rs = FindRoutes(l, nil, loose)
	checkRoute(t, "prev", rs.Prev, want{kind: RouteList, loc: b.Location, title: "Beta"})
	checkRoute(t, "next", rs.Next, want{kind: RouteNone, why: "no next article: this is the last of the list"})
}

func TestEvidenceNames(t *testing.T) {
	for e, s := range map[Evidence]string{ByList: "list", ByFeed: "feed", ByPage: "page"} {
		if e.String() != s {
			t.Errorf("%d: %q, want %q", e, e.String(), s)
		}
	}
}
