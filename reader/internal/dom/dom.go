// Package dom holds small read-only helpers over golang.org/x/net/html
// trees, shared by reader's page and navlinks packages: walking,
// finding elements, reading attributes and class tokens, and the
// visible text of an element. None of them modifies the tree.
package dom

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/words"
)

// Walk visits n and its descendants in document order; fn returns false
// to skip a node's children.
func Walk(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		Walk(c, fn)
	}
}

// FindAll returns the elements under n with one of the given tags.
func FindAll(n *html.Node, tags ...atom.Atom) []*html.Node {
	var out []*html.Node
	Walk(n, func(x *html.Node) bool {
		if x.Type == html.ElementNode {
			for _, t := range tags {
				if x.DataAtom == t {
					out = append(out, x)
					break
				}
			}
		}
		return true
	})
	return out
}

// FindFirst returns the first element under n with the tag, or nil.
func FindFirst(n *html.Node, tag atom.Atom) *html.Node {
	var found *html.Node
	Walk(n, func(x *html.Node) bool {
		if found != nil {
			return false
		}
		if x.Type == html.ElementNode && x.DataAtom == tag {
			found = x
			return false
		}
		return true
	})
	return found
}

// Attr returns the value of an attribute ("" when absent).
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether n carries the attribute at all.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// Tokens splits a space-separated attribute (class, rel) into lower-case
// tokens.
func Tokens(s string) []string {
	return strings.Fields(strings.ToLower(s))
}

// HasToken reports whether the space-separated attribute key of n has
// one of the given tokens, compared whole: the class "placeholder" has
// no token "older", and "preview" is not "prev".
func HasToken(n *html.Node, key string, want ...string) bool {
	for _, t := range Tokens(Attr(n, key)) {
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}

// NameWords splits an element's class and id into words: "post-navigation
// nav_links" gives post, navigation, nav, links. Used to recognise kinds
// of containers by whole words, never by substrings.
func NameWords(n *html.Node) [][]string {
	var out [][]string
	for _, key := range []string{"class", "id"} {
		for _, t := range Tokens(Attr(n, key)) {
			ws := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if len(ws) > 0 {
				out = append(out, ws)
			}
		}
	}
	return out
}

// TextOf is the visible text of n with white space collapsed; scripts,
// styles and templates do not count.
func TextOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(x *html.Node) {
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			b.WriteByte(' ')
			return
		case html.ElementNode:
			switch x.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			case atom.Br:
				b.WriteByte(' ')
			}
		case html.CommentNode:
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return words.Collapse(b.String())
}

// ShortText is TextOf for elements expected to hold a few words (a
// label): it gives up with ok=false once the text passes limit bytes,
// so that testing every text node of a page stays linear.
func ShortText(n *html.Node, limit int) (text string, ok bool) {
	var b strings.Builder
	ok = true
	Walk(n, func(x *html.Node) bool {
		if !ok {
			return false
		}
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			b.WriteByte(' ')
			if b.Len() > limit*4 { // white space is collapsed afterwards
				ok = false
			}
		case html.CommentNode:
			return false
		case html.ElementNode:
			switch x.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return false
			}
		}
		return ok
	})
	if !ok {
		return "", false
	}
	text = words.Collapse(b.String())
	return text, len(text) <= limit
}

// Anchors are the <a href> elements under n in document order.
func Anchors(n *html.Node) []*html.Node {
	if n == nil {
		return nil
	}
	var out []*html.Node
	Walk(n, func(x *html.Node) bool {
		if x.Type == html.ElementNode && x.DataAtom == atom.A && HasAttr(x, "href") {
			out = append(out, x)
		}
		return true
	})
	return out
}

// HasMoreAnchors reports whether n holds more than max links, looking
// no further than it must.
func HasMoreAnchors(n *html.Node, max int) bool {
	count := 0
	Walk(n, func(x *html.Node) bool {
		if count > max {
			return false
		}
		if x.Type == html.ElementNode && x.DataAtom == atom.A && HasAttr(x, "href") {
			count++
		}
		return true
	})
	return count > max
}

// FirstAnchor is the first <a href> under n, or nil.
func FirstAnchor(n *html.Node) *html.Node {
	if as := Anchors(n); len(as) > 0 {
		return as[0]
	}
	return nil
}

// EnclosingAnchor is n itself when it is an <a>, else the nearest <a>
// around it, or nil.
func EnclosingAnchor(n *html.Node) *html.Node {
	for x := n; x != nil; x = x.Parent {
		if x.Type == html.ElementNode && x.DataAtom == atom.A {
			return x
		}
	}
	return nil
}

// HasAncestorToken reports whether n or an ancestor has one of the
// class tokens (whole tokens) or the id.
func HasAncestorToken(n *html.Node, want ...string) bool {
	for x := n; x != nil; x = x.Parent {
		if x.Type != html.ElementNode {
			continue
		}
		if HasToken(x, "class", want...) || HasToken(x, "id", want...) {
			return true
		}
	}
	return false
}
