package ui

// Where n and p lead when the article's own links do not say: the
// list's neighbour; and the rule that a stand-in never leads where the
// other direction does.

import "github.com/brief-news/brief/reader"

// newestFirst is a Source whose list runs newest first, as the
// library's views do. There, as in its feeds' own links, the previous
// article is the older one (the row below) and the next the newer one
// (the row above). Other lists are in reading order: next is the row
// below.
type newestFirst interface{ NewestFirst() bool }

// How a hop was found, weakest evidence first.
const (
	byList = iota // the list's neighbour: the article has no link
	byFeed        // the adjacent item of its feed (reader.KindFeed)
	byPage        // the article's own link
)

// evidence says how the open article's link in direction dir was found.
func (m *Model) evidence(dir int) int {
	a := m.lookup(m.current)
	if a == nil {
		return byList
	}
	l := a.Next
	if dir < 0 {
		l = a.Prev
	}
	switch {
	case l == nil || l.Kind == reader.KindList:
		return byList
	case l.Kind == reader.KindFeed:
		return byFeed
	}
	return byPage
}

// hopTo is where n (dir 1) or p (dir -1) leads: resolve's answer,
// unless that is a stand-in (the feed's or the list's neighbour) for
// the article the other direction leads to on better evidence (on
// equal evidence next keeps it). Then it leads nowhere: previous and
// next never name the same article.
func (m *Model) hopTo(dir int) hop {
	h := m.resolve(dir)
	e := m.evidence(dir)
	if e == byPage || h.why != "" || hopTarget(h) == "" {
		return h
	}
	o := m.resolve(-dir)
	oe := m.evidence(-dir)
	if o.why != "" || hopTarget(o) != hopTarget(h) || oe < e || (oe == e && dir > 0) {
		return h
	}
	word, other := "next", "previous"
	if dir < 0 {
		word, other = other, word
	}
	return hop{why: "no " + word + " article: the only one at hand is the " + other + ", “" + h.text + "”"}
}

// hopTarget is the article or page a hop leads to.
func hopTarget(h hop) string {
	if h.loc != "" {
		return h.loc
	}
	return h.url
}

// neighbour is the list's article before or after a, for articles with
// no link of their own: in a newest-first list (newestFirst) the
// previous one is the older, below.
func (m *Model) neighbour(a *reader.Article, dir int, word string) hop {
	step := dir
	if nf, ok := m.src.(newestFirst); ok && nf.NewestFirst() {
		step = -dir
	}
	arts := m.src.Articles()
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
			return hop{why: "no " + word + " article: this is the " + end + " of the list"}
		}
		return hop{loc: arts[j].Location, text: arts[j].DisplayTitle(), viaList: true}
	}
	return hop{why: "this article has no " + word + " link"}
}
