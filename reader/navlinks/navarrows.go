package navlinks

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/dom"
)

// The weakest signal of previous/next links: bare arrows and direction
// words, and the class names that say a link's direction or a
// container's purpose (see navlinks.go).

// --- signal 5: arrows ------------------------------------------------

// arrowCandidates are links marked only by a bare direction ("Next",
// "« Previous", "→", "Older") or by a direction class ("a.prev"), which
// alone say little: they count inside a container named for post
// navigation, or when the link sits in an element named for its
// direction and also reads as that direction (Google's
// "div.previous > a > Previous | Chapter 5").
func arrowCandidates(body *html.Node, lay layout) []navCandidate {
	var out []navCandidate
	// One pass carries "inside post navigation" and "inside an excluded
	// container" down the tree: testing each link's ancestors instead
	// made large pages quadratic.
	var rec func(n *html.Node, inPost bool)
	rec = func(n *html.Node, inPost bool) {
		if n.Type == html.ElementNode && n != body {
			if excludedHere(n, exclWeak, lay) {
				return
			}
			if postNavHere(n) {
				inPost = true
			}
			if n.DataAtom == atom.A && dom.HasAttr(n, "href") {
				if c, ok := arrowCandidate(n, inPost); ok {
					out = append(out, c)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inPost)
		}
	}
	if body != nil {
		rec(body, false)
	}
	return out
}

// arrowCandidate judges one link for the arrow signal.
func arrowCandidate(a *html.Node, inPost bool) (navCandidate, bool) {
	nameDir := namedDirection(a)
	if (!inPost && nameDir < 0) || lookAlikeText(dom.TextOf(a)) {
		return navCandidate{}, false
	}
	textDir := labelDirectionOnly(dom.TextOf(a))
	if textDir < 0 {
		if l, _, ok := splitLabel(dom.TextOf(a)); ok {
			textDir = labelDirectionOnly(l)
		}
	}
	if textDir < 0 {
		label, _ := describeAnchor(a, dirNext)
		textDir = labelDirectionOnly(label)
	}
	// "Previous The headline": a direction word opening the text counts
	// when the link's name says the same direction.
	lead, rest := "", ""
	if textDir < 0 && nameDir >= 0 {
		if w, r, ok := leadingDirection(dom.TextOf(a)); ok {
			if wd, _ := wordDirection(strings.ToLower(w)); wd == nameDir {
				textDir, lead, rest = nameDir, w, r
			}
		}
	}
	var d direction
	switch {
	case inPost && textDir >= 0:
		d = textDir
	case inPost && nameDir >= 0:
		d = nameDir
	case nameDir >= 0 && textDir == nameDir:
		d = nameDir
	default:
		return navCandidate{}, false
	}
	label, title := describeAnchor(a, d)
	if lead != "" && textDir == d {
		label, title = lead, rest
	}
	return navCandidate{dir: d, kind: ByArrow, href: dom.Attr(a, "href"), label: label, title: title, weak: true}, true
}

// leadingDirection splits a link text that opens with a direction word
// ("Previous 31 Kids Gift Ideas", "Voriger Inhalt News …") into that word
// and the rest.
func leadingDirection(s string) (word, rest string, ok bool) {
	fs := strings.Fields(strings.TrimLeft(s, arrowRunes+" "))
	if len(fs) < 2 {
		return "", "", false
	}
	w := strings.Trim(fs[0], arrowRunes+":|–—-")
	if _, ok := wordDirection(strings.ToLower(w)); !ok {
		return "", "", false
	}
	return w, strings.TrimLeft(strings.Join(fs[1:], " "), arrowRunes+":|–—- "), true
}

// directionNames are class and id tokens that name a link's direction.
var directionNames = map[string]direction{
	"prev": dirPrev, "previous": dirPrev, "older": dirPrev, "prevlink": dirPrev, "prev-link": dirPrev,
	"previous-link": dirPrev, "nav-prev": dirPrev, "prev-post": dirPrev, "previous-post": dirPrev, "post-prev": dirPrev,
	"next": dirNext, "newer": dirNext, "nextlink": dirNext, "next-link": dirNext, "nav-next": dirNext,
	"next-post": dirNext, "post-next": dirNext, "prev-article": dirPrev, "previous-article": dirPrev,
	"next-article": dirNext,
}

// tokenDirection is the direction a class or id token names: one of
// directionNames, or a compound whose first or last word is a direction
// ("link-pagination-previous", "entry-nav__prev", "next-btn") and that
// names no other and numbers nothing; -1 when none.
func tokenDirection(t string) direction {
	if d, ok := directionNames[t]; ok {
		return d
	}
	if !strings.Contains(t, "prev") && !strings.Contains(t, "next") && !strings.Contains(t, "older") && !strings.Contains(t, "newer") {
		return -1
	}
	ws := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) < 2 || len(ws) > 8 {
		return -1
	}
	found := direction(-1)
	for i, w := range ws {
		if digits().MatchString(w) { // a generated id ("next_on_ab_1")
			return -1
		}
		d, ok := directionNames[w]
		if !ok {
			continue
		}
		if (i != 0 && i != len(ws)-1) || (found >= 0 && found != d) {
			return -1
		}
		found = d
	}
	return found
}

// namedDirection is the direction the link's class or id, or those of
// its parent or grandparent, name; -1 when none or both do.
func namedDirection(a *html.Node) direction {
	found := direction(-1)
	x := a
	for depth := 0; depth < 3 && x != nil && x.DataAtom != atom.Body; depth++ {
		for _, key := range []string{"class", "id"} {
			for _, t := range dom.Tokens(dom.Attr(x, key)) {
				if d := tokenDirection(t); d >= 0 {
					if found >= 0 && found != d {
						return -1
					}
					found = d
				}
			}
		}
		if found >= 0 {
			return found
		}
		x = x.Parent
	}
	return found
}

// postNavNames are class/id names (as words joined by spaces) of
// containers that hold the links between posts.
var postNavNames = map[string]bool{
	"post navigation": true, "post nav": true, "postnav": true, "post navigation links": true,
	"entry navigation": true, "article navigation": true, "story navigation": true, "single navigation": true,
	"nav single": true, "prev next": true, "prevnext": true, "next prev": true, "post prev next": true,
	"single post navigation": true, "navigation post": true, "article nav": true, "entry nav": true,
	"story nav": true, "adjacent posts": true, "adjacent": true, "permalinks": true, "prev next links": true,
	"prev next nav": true, "post pager": true, "nav posts": true, "loop nav": true, "blognav": true,
	"blog nav": true, "blog navigation": true,
}

// postNavHere reports whether the element itself is a container named
// for the navigation between posts, or a bare <nav> holding just a pair
// of links.
func postNavHere(x *html.Node) bool {
	for _, ws := range dom.NameWords(x) {
		// A name holding one of postNavNames as consecutive words counts
		// too ("article-adjacent-navigation", "post-navigation-wrapper").
		for i := range ws {
			if postNavNames[ws[i]] {
				return true
			}
			for j := i + 2; j <= len(ws) && j-i <= 4; j++ {
				if postNavNames[strings.Join(ws[i:j], " ")] {
					return true
				}
			}
		}
	}
	return x.DataAtom == atom.Nav && dom.Attr(x, "class") == "" && dom.Attr(x, "id") == "" && !dom.HasMoreAnchors(x, 3)
}
