package navlinks

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/dom"
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

// exclusion is how much of a page a signal refuses to look into.
type exclusion int

const (
	// exclStrong refuses comments, galleries, carousels and related or
	// popular widgets: their links are never the page's neighbours.
	exclStrong exclusion = iota
	// exclLabel adds asides and forms. A label that names an article
	// ("Next story") still counts in a menu, a header or a widget.
	exclLabel
	// exclWeak adds all page furniture (headers, menus, sidebars,
	// widgets): a bare "Next" there is something else.
	exclWeak
)

// layout is the set of elements that hold the page's headline: the
// page's own wrappers. Their names describe the whole page
// ("penci_sidebar penci-enable-lightbox", "main-sidebar",
// "header_featured_slider") and never make them a widget.
type layout map[*html.Node]bool

// pageLayout finds the wrappers of the page's headline, nil when the
// page has none.
func pageLayout(body *html.Node) layout {
	h := headline(body)
	if h == nil {
		return nil
	}
	l := layout{}
	for x := h.Parent; x != nil && x != body; x = x.Parent {
		l[x] = true
	}
	return l
}

// headline is the page's first <h1> outside navigation, asides,
// footers and the site's header (a logo is often an h1 there; the
// header of an article is not the site's).
func headline(body *html.Node) *html.Node {
	if body == nil {
		return nil
	}
	for _, h := range dom.FindAll(body, atom.H1) {
		if strings.TrimSpace(dom.TextOf(h)) == "" {
			continue
		}
		ok := true
		for x := h.Parent; ok && x != nil && x != body; x = x.Parent {
			switch x.DataAtom {
			case atom.Nav, atom.Aside, atom.Footer:
				ok = false
			case atom.Header:
				ok = hasAncestorTag(x, atom.Article, atom.Main)
			}
		}
		if ok {
			return h
		}
	}
	return nil
}

func hasAncestorTag(n *html.Node, tags ...atom.Atom) bool {
	for x := n.Parent; x != nil; x = x.Parent {
		for _, t := range tags {
			if x.Type == html.ElementNode && x.DataAtom == t {
				return true
			}
		}
	}
	return false
}

// excluded reports whether n sits in a container whose links are not
// post navigation, at the given level.
func excluded(n *html.Node, level exclusion, lay layout) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		if x.Type == html.ElementNode && excludedHere(x, level, lay) {
			return true
		}
	}
	return false
}

// excludedHere is excluded's test of one element.
func excludedHere(x *html.Node, level exclusion, lay layout) bool {
	switch {
	case level >= exclLabel && (x.DataAtom == atom.Aside || x.DataAtom == atom.Form):
		return true
	case level >= exclWeak && x.DataAtom == atom.Header:
		return true
	case lay[x]:
		return false
	}
	if !dom.HasAttr(x, "class") && !dom.HasAttr(x, "id") {
		return false
	}
	for _, ws := range dom.NameWords(x) {
		if flagName(ws) {
			continue
		}
		for _, w := range ws {
			if excludedWords[w] || (level >= exclWeak && sideWords[w]) {
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

// flagWords open class names that state a feature or a state of an
// element rather than what it is: "has_ae_slider", "js-post-gallery",
// "penci-enable-lightbox", "no-sidebar", "is-sticky-header". A wrapper
// that carries them is not a gallery or a sidebar.
var flagWords = map[string]bool{"has": true, "is": true, "js": true, "no": true, "enable": true,
	"enabled": true, "disable": true, "disabled": true, "with": true, "show": true, "hide": true, "bg": true}

// flagName reports whether the words of one class or id are a flag.
func flagName(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if flagWords[w] {
			return true
		}
	}
	return false
}

// insideComments guards the theme signal, whose own markup may use
// words like "pagination" that excluded would reject.
func insideComments(n *html.Node) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for _, ws := range dom.NameWords(x) {
			if flagName(ws) {
				continue
			}
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
