package page

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/dom"
)

// Debris: what readability keeps inside the article's container that a
// reader does not read as the article. Readability scores containers;
// once it has picked one it keeps nearly everything inside, so the
// share row under the headline, the hover card inside a sentence, the
// photo credit and the "Read more" teaser arrive with the text. Each
// rule below names one kind of debris by its shape (how much text, how
// many links, where it sits) and, where pages name it, by its class;
// none trusts a class alone for a large element, so that an article
// whose wrapper is called "article-social" keeps its paragraphs.

// debrisMaxShare bounds what one rule may remove: an element holding
// more than this share of the article's words is never debris.
const debrisMaxShare = 0.25

// header is what the article's header shows above the body.
type header struct {
	title, byline string
	dated         bool // a publication date is shown
}

// removeDebris cleans the extracted article under root in place. hdr is
// what the header shows: a copy of its byline or date in the first
// lines of the body, and of its title as a picture's alt text, is
// dropped.
func removeDebris(root *html.Node, hdr header) {
	st := collectStats(root)
	if st[root].words == 0 {
		return
	}
	removeLinkDebris(root, st)
	cleanImages(root, hdr.title)
	moveCaptions(root)
	st = collectStats(root)
	total := st[root].words
	var doomed []*html.Node
	dom.Walk(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		if isDebris(n, st[n], total) {
			doomed = append(doomed, n)
			return false
		}
		return true
	})
	removeAll(doomed)
	removeHeaderCopies(root, hdr)
	pruneEmpty(root)
}

// stats are an element's word counts, gathered for every element in
// one pass: asking each element for its text would read a deep tree's
// words once per ancestor.
type stats struct {
	words, linkWords int
	media            bool // an image, video, table or line break: shows without text
}

// collectStats gathers the stats of every element under root.
func collectStats(root *html.Node) map[*html.Node]stats {
	m := map[*html.Node]stats{}
	var rec func(n *html.Node, inLink bool) stats
	rec = func(n *html.Node, inLink bool) stats {
		var s stats
		switch n.Type {
		case html.TextNode:
			s.words = textSize(n.Data)
			if inLink {
				s.linkWords = s.words
			}
			return s
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return s
			case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object, atom.Svg, atom.Math, atom.Table, atom.Hr, atom.Br, atom.Pre:
				s.media = true
			case atom.A:
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := rec(c, inLink)
			s.words += cs.words
			s.linkWords += cs.linkWords
			s.media = s.media || cs.media
		}
		if n.Type == html.ElementNode {
			m[n] = s
		}
		return s
	}
	rec(root, false)
	return m
}

// debrisWords are the class and id words of page furniture that
// readability keeps when it sits inside the article's container.
var debrisWords = map[string]string{
	"share": "row", "sharing": "row", "social": "row", "socials": "row", "sharebar": "row", "shares": "row",
	"newsletter": "block", "subscribe": "block", "subscription": "block", "signup": "block", "promo": "block",
	"comments": "block", "comment": "block", "disqus": "block", "respond": "block",
	"related": "block", "recommended": "block", "readmore": "block",
	"byline": "meta", "dateline": "meta", "author": "meta", "timestamp": "meta", "published": "meta",
	"credit": "credit", "credits": "credit", "copyright": "credit",
	"tooltip": "card", "hovercard": "card", "rollover": "card", "popover": "card", "popup": "card",
	"gallery": "gallery", "slideshow": "gallery", "carousel": "gallery", "lightbox": "gallery", "swiper": "gallery",
}

// isDebris judges one element of the article, whose stats are s.
func isDebris(n *html.Node, s stats, total int) bool {
	switch n.DataAtom {
	case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Table, atom.Pre, atom.Code, atom.Math, atom.Svg:
		return false
	}
	nw := s.words
	if float64(nw) > debrisMaxShare*float64(total) {
		return false
	}
	linky := nw == 0 || float64(s.linkWords) >= 0.5*float64(nw)
	if kind := debrisKind(n); kind != "" {
		switch kind {
		case "row": // share and follow buttons: links or icons, little text
			if nw <= 15 || linky {
				return true
			}
		case "block":
			if nw <= 40 || linky {
				return true
			}
		case "meta":
			if nw <= 25 {
				return true
			}
		case "credit":
			if nw <= 20 {
				return true
			}
		case "gallery": // a strip of pictures with their captions, not the text
			if nw <= 60 {
				return true
			}
		case "card":
			if nw <= 60 && n.Parent != nil && n.Parent.DataAtom != atom.Body {
				return true
			}
		}
	}
	if isBlock(n) && nw <= 12 {
		text := dom.TextOf(n)
		if furniturePhrase().MatchString(text) || creditLine(text) {
			return true
		}
	}
	if isBlock(n) && nw <= 50 && !hasBlockChild(n) && isDisclosure(dom.TextOf(n)) {
		return true
	}
	return false
}

// debrisKind names the kind of furniture n's class or id says it is, or
// "". Words are compared whole: "shared-ownership" is not "share", but
// "post-share-buttons" holds it.
func debrisKind(n *html.Node) string {
	for _, ws := range dom.NameWords(n) {
		for _, w := range ws {
			if k := debrisWords[w]; k != "" {
				return k
			}
		}
	}
	return ""
}

// linkShare is the share of n's nw words inside links.
func linkShare(n *html.Node, nw int) float64 {
	if nw == 0 {
		return 1
	}
	return float64(linkWords(n)) / float64(nw)
}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Aside: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Figcaption: true,
	atom.Footer: true, atom.Header: true, atom.Blockquote: true, atom.Dl: true, atom.Dd: true, atom.Dt: true,
}

func isBlock(n *html.Node) bool { return blockTags[n.DataAtom] }

// removeAll detaches every node of ns still in a tree.
func removeAll(ns []*html.Node) {
	for _, n := range ns {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// pruneEmpty removes the elements left with nothing to show: no text,
// no image or media.
func pruneEmpty(root *html.Node) {
	st := collectStats(root)
	var doomed []*html.Node
	dom.Walk(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Br, atom.Hr, atom.Td, atom.Th, atom.Tr:
			return false
		}
		if s := st[n]; s.words == 0 && !s.media {
			doomed = append(doomed, n)
			return false
		}
		return true
	})
	removeAll(doomed)
}

// hasMedia reports an image, video, audio, embed, table or line break
// in n, which show without text.
func hasMedia(n *html.Node) bool {
	found := false
	dom.Walk(n, func(x *html.Node) bool {
		if found {
			return false
		}
		switch x.DataAtom {
		case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object, atom.Svg, atom.Math, atom.Table, atom.Hr, atom.Br, atom.Pre:
			found = true
		}
		return !found
	})
	return found
}
