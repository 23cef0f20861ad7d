package navlinks

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/dom"
)

// The first four signals of previous/next links (see navlinks.go), each a
// function that lists candidates; navlinks.go picks among them.

// --- signal 1: rel ---------------------------------------------------

// relCandidates are <a rel="prev|previous|next"> outside excluded
// containers. Anchors in a theme's post navigation are included here
// too: rel is the stronger statement. A link whose own label says the
// other direction ("← Previous post" marked rel=next) is left to the
// label signal: the reader sees the label.
func relCandidates(body *html.Node, lay layout) []navCandidate {
	var out []navCandidate
	for _, a := range dom.Anchors(body) {
		var d direction
		switch {
		case dom.HasToken(a, "rel", "prev", "previous"):
			d = dirPrev
		case dom.HasToken(a, "rel", "next"):
			d = dirNext
		default:
			continue
		}
		if excluded(a, exclStrong, lay) || lookAlikeText(dom.TextOf(a)) {
			continue
		}
		label, title := describeAnchor(a, d)
		if saysOtherWay(a, label, d) {
			continue
		}
		out = append(out, navCandidate{dir: d, kind: ByRel, href: dom.Attr(a, "href"), label: label, title: title})
	}
	return out
}

// --- signal 2: theme markup ------------------------------------------

// themeCandidates know the post navigation of common publishing themes.
func themeCandidates(body *html.Node) []navCandidate {
	var out []navCandidate
	add := func(a *html.Node, d direction) {
		if a == nil || !dom.HasAttr(a, "href") || insideComments(a) || relDirection(a) == 1-d {
			return
		}
		label, title := describeAnchor(a, d)
		if saysOtherWay(a, label, d) {
			return
		}
		out = append(out, navCandidate{dir: d, kind: ByTheme, href: dom.Attr(a, "href"), label: label, title: title})
	}
	// addByClass adds the links of a container whose classes name their
	// direction.
	addByClass := func(container *html.Node, prevClass, nextClass string) {
		for _, a := range dom.Anchors(container) {
			if dom.HasToken(a, "class", prevClass) {
				add(a, dirPrev)
			} else if dom.HasToken(a, "class", nextClass) {
				add(a, dirNext)
			}
		}
	}
	dom.Walk(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		// WordPress classic themes: nav.post-navigation > .nav-previous a.
		// The same classes in "posts-navigation" page an archive.
		case dom.HasToken(n, "class", "nav-previous", "nav-next"):
			if dom.HasAncestorToken(n, "post-navigation", "nav-single", "single-navigation") {
				d := dirNext
				if dom.HasToken(n, "class", "nav-previous") {
					d = dirPrev
				}
				add(dom.FirstAnchor(n), d)
			}
		// WordPress block themes.
		case dom.HasToken(n, "class", "post-navigation-link-previous"):
			add(dom.FirstAnchor(n), dirPrev)
		case dom.HasToken(n, "class", "post-navigation-link-next"):
			add(dom.FirstAnchor(n), dirNext)
		// tagDiv Newspaper.
		case dom.HasToken(n, "class", "td-post-prev-post"):
			add(dom.FirstAnchor(n), dirPrev)
		case dom.HasToken(n, "class", "td-post-next-post"):
			add(dom.FirstAnchor(n), dirNext)
		// JNews.
		case dom.HasToken(n, "class", "jeg_prevnext_post"):
			addByClass(n, "prev-post", "next-post")
			return false
		// Blogger: the older post is the one before. On index pages the
		// same classes lead to /search?updated-max=…, an archive page.
		case n.DataAtom == atom.A && dom.HasToken(n, "class", "blog-pager-older-link"):
			if !bloggerArchive(dom.Attr(n, "href")) {
				add(n, dirPrev)
			}
		case n.DataAtom == atom.A && dom.HasToken(n, "class", "blog-pager-newer-link"):
			if !bloggerArchive(dom.Attr(n, "href")) {
				add(n, dirNext)
			}
		// Squarespace: section.item-pagination > a.item-pagination-link--prev,
		// and in blog templates section.blog-item-pagination >
		// a.blog-item-pagination-link--prev.
		case dom.HasToken(n, "class", "item-pagination"):
			addByClass(n, "item-pagination-link--prev", "item-pagination-link--next")
			return false
		case dom.HasToken(n, "class", "blog-item-pagination"):
			addByClass(n, "blog-item-pagination-link--prev", "blog-item-pagination-link--next")
			return false
		// Enfold: a.avia-post-nav.avia-post-prev at the page's edges.
		case n.DataAtom == atom.A && dom.HasToken(n, "class", "avia-post-nav"):
			if dom.HasToken(n, "class", "avia-post-prev") {
				add(n, dirPrev)
			} else if dom.HasToken(n, "class", "avia-post-next") {
				add(n, dirNext)
			}
		// Hugo (PaperMod and kin): nav.paginav a.prev / a.next.
		case n.DataAtom == atom.Nav && dom.HasToken(n, "class", "paginav"):
			addByClass(n, "prev", "next")
			return false
		// Jekyll (Minimal Mistakes): a.pagination--pager "Previous"/"Next".
		case n.DataAtom == atom.A && dom.HasToken(n, "class", "pagination--pager"):
			if dom.HasToken(n, "class", "disabled") {
				return false
			}
			switch bareDirection(dom.TextOf(n)) {
			case "prev":
				add(n, dirPrev)
			case "next":
				add(n, dirNext)
			}
		}
		return true
	})
	return out
}

// saysOtherWay reports whether a link's own words give the other
// direction than d: its label ("← Previous post"), or the word its text
// opens with ("Vorheriges Projekt ansehen …").
func saysOtherWay(a *html.Node, label string, d direction) bool {
	if ld := labelDirectionOnly(label); ld >= 0 {
		return ld != d
	}
	if w, _, ok := leadingDirection(dom.TextOf(a)); ok {
		wd, _ := wordDirection(strings.ToLower(w))
		return wd != d
	}
	return false
}

// relDirection is the direction a link's rel states; -1 when none.
func relDirection(a *html.Node) direction {
	switch {
	case dom.HasToken(a, "rel", "prev", "previous"):
		return dirPrev
	case dom.HasToken(a, "rel", "next"):
		return dirNext
	}
	return -1
}

func bloggerArchive(href string) bool {
	return strings.Contains(href, "/search") || strings.Contains(href, "updated-max=")
}

// --- signal 3: head links --------------------------------------------

// headCandidates are <link rel="prev|next"> of the document. They often
// number the pages of an article or an index; pageNumberURL drops those.
// They are looked for in the whole document: anything the parser does
// not expect in a head (a stray <div>, text) ends it, and the links that
// follow land in the body.
func headCandidates(doc *html.Node) []navCandidate {
	if doc == nil {
		return nil
	}
	var out []navCandidate
	for _, l := range dom.FindAll(doc, atom.Link) {
		var d direction
		switch {
		case dom.HasToken(l, "rel", "prev", "previous"):
			d = dirPrev
		case dom.HasToken(l, "rel", "next"):
			d = dirNext
		default:
			continue
		}
		c := navCandidate{dir: d, kind: ByHeadLink, href: dom.Attr(l, "href"), title: dom.Attr(l, "title")}
		if hasDirectionWord(c.title) { // "Vorige Meldung" labels, it is no headline
			c.label, c.title = c.title, ""
		}
		out = append(out, c)
	}
	return out
}

// --- signal 4: labels ------------------------------------------------

// labelCandidates find label text ("Previous Article", "Older Post",
// "Artículo siguiente") and tie each to the nearest link in the same
// small container.
func labelCandidates(body *html.Node, lay layout) []navCandidate {
	var out []navCandidate
	seen := map[*html.Node]bool{}
	// The text nodes of one element share its text: worked out once,
	// or a paragraph of many inline runs is walked once per run.
	texts := map[*html.Node]string{}
	dom.Walk(body, func(n *html.Node) bool {
		if n.Type == html.ElementNode && skipSubtree(n) {
			return false
		}
		if n.Type != html.TextNode || strings.TrimSpace(n.Data) == "" {
			return true
		}
		el := n.Parent
		elText, done := texts[el]
		if !done {
			elText, _ = dom.ShortText(el, 60)
			texts[el] = elText
		}
		d, ok := labelDirection(elText)
		if !ok {
			// The label may be the text node alone ("Next story →" beside
			// an <a> with the headline).
			if d, ok = labelDirection(n.Data); !ok {
				return true
			}
		}
		a := dom.EnclosingAnchor(el)
		if a == nil {
			a = nearestAnchor(el)
		}
		if a == nil || seen[a] || !dom.HasAttr(a, "href") || excluded(a, exclLabel, lay) || excluded(el, exclLabel, lay) {
			return true
		}
		seen[a] = true
		label, title := describeAnchor(a, d)
		if label == "" || labelDirectionOnly(label) != d {
			if _, whole := labelDirection(elText); whole {
				label = elText
			} else {
				label = n.Data
			}
		}
		out = append(out, navCandidate{dir: d, kind: ByLabel, href: dom.Attr(a, "href"), label: label, title: title, weak: true})
		return true
	})
	return out
}

// nearestAnchor is the link a label outside any link names: the first
// link after it within its parent (up to three levels up), or failing
// that the last link before it. The container must not hold a link with
// a label of the other direction between them, or they would swap.
func nearestAnchor(el *html.Node) *html.Node {
	c := el
	for depth := 0; depth < 3 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body {
			return nil
		}
		var before, after *html.Node
		passed := false
		dom.Walk(c, func(x *html.Node) bool {
			if x == el {
				passed = true
				return false
			}
			if x.Type == html.ElementNode && x.DataAtom == atom.A && dom.HasAttr(x, "href") {
				if passed {
					if after == nil {
						after = x
					}
				} else {
					before = x
				}
				return false
			}
			return true
		})
		if after != nil {
			return after
		}
		if before != nil {
			return before
		}
	}
	return nil
}
