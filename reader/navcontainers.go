package reader

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Which parts of a page may hold previous/next links: post navigation
// containers count, comments, galleries, carousels and widgets never
// do. Names are matched as whole class tokens or whole words of them.

// --- containers ------------------------------------------------------

// excludedWords name containers whose links are never the page's
// previous/next article; phrases are matched as consecutive words of
// one class or id. "pagination" and "pager" are not among them: themes
// use them for post navigation too ("nav-paging", Blogger's
// "blog-pager"), and numbered pages are caught by their URLs instead.
var excludedWords = map[string]bool{
	"comment": true, "comments": true, "commentlist": true, "respond": true, "disqus": true, "discussion": true,
	"pagenavi": true, "paginator": true, "ribbon": true,
	"gallery": true, "carousel": true, "slider": true, "slideshow": true, "slides": true, "swiper": true,
	"slick": true, "lightbox": true, "flexslider": true, "owl": true, "glide": true,
	"related": true, "popular": true, "trending": true, "recommended": true, "recommendations": true,
	"outbrain": true, "taboola": true, "upnext": true, "readnext": true, "mostread": true, "breadcrumb": true,
	"breadcrumbs": true,
}

var excludedPhrases = []string{"up next", "read next", "what s next", "most read", "more stories", "page numbers",
	"you may also like", "also like", "more from", "read more"}

// sideWords mark page furniture, excluded only for the weaker signals:
// a theme may put its post navigation in a sidebar widget, but a bare
// "Next" there is something else.
var sideWords = map[string]bool{"sidebar": true, "widget": true, "menu": true, "header": true, "masthead": true}

// excluded reports whether n sits in a container whose links are not
// post navigation. weak adds page furniture (asides, menus, sidebars).
func excluded(n *html.Node, weak bool) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		if x.Type == html.ElementNode && excludedHere(x, weak) {
			return true
		}
	}
	return false
}

// excludedHere is excluded's test of one element.
func excludedHere(x *html.Node, weak bool) bool {
	if weak && (x.DataAtom == atom.Aside || x.DataAtom == atom.Header || x.DataAtom == atom.Form) {
		return true
	}
	if !hasAttr(x, "class") && !hasAttr(x, "id") {
		return false
	}
	for _, ws := range nameWords(x) {
		for _, w := range ws {
			if excludedWords[w] || (weak && sideWords[w]) {
				return true
			}
		}
		if len(ws) > 1 {
			j := " " + strings.Join(ws, " ") + " "
			for _, p := range excludedPhrases {
				if strings.Contains(j, " "+p+" ") {
					return true
				}
			}
		}
	}
	return false
}

// insideComments guards the theme signal, whose own markup may use
// words like "pagination" that excluded would reject.
func insideComments(n *html.Node) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for _, ws := range nameWords(x) {
			for _, w := range ws {
				if w == "comment" || w == "comments" || w == "commentlist" || w == "respond" {
					return true
				}
			}
		}
	}
	return false
}

// skipSubtree is true for elements whose text is never a label.
func skipSubtree(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Textarea, atom.Select, atom.Button:
		return true
	}
	return false
}
