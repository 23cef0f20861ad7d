package page

import (
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/safetext"
	"github.com/brief-news/brief/reader/internal/words"
)

// Extraction: readability finds the article in the page and its
// metadata; html-to-markdown writes the article as the markdown brief
// displays.

// A page without an article must say so rather than show whatever
// readability kept. Length alone does not tell (a short note is still an
// article), so the tests name what such pages are: nothing left at all
// (a page built by scripts), a sign-in form with little text around it
// (a login wall), or text that is mostly links (an index page).
const (
	loginWallWords  = 120 // a page asking for a password with less text is a login wall
	indexLinkRatio  = 0.6 // share of the text inside links above which the text is a list of links
	indexMinLinks   = 8   // ...when there are at least this many links
	indexMaxWordsIn = 40  // average words of text per link below which it is a list
)

// extracted is the article readability found in a page.
type extracted struct {
	title, byline, site, lang string
	published                 time.Time
	body                      string // markdown
	words                     int
}

// errNoArticle is returned when a page holds no readable article; why
// says what it looks like instead.
type errNoArticle struct{ why string }

func (e errNoArticle) Error() string { return "has no readable article (" + e.why + ")" }

// extract runs readability over doc, which it modifies. pageURL (may be
// nil) makes the article's relative links absolute.
func extract(doc *html.Node, pageURL *url.URL, meta *pageMeta) (*extracted, error) {
	password := hasPasswordField(doc)
	p := readability.NewParser()
	// Classes are kept so that removeBoilerplate can recognise widgets in
	// the extracted article; they play no part in readability's scoring.
	p.KeepClasses = true
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return nil, err
	}
	if art.Node == nil {
		return nil, errNoArticle{"nothing but scripts and page furniture"}
	}
	fixAtoms(art.Node)
	// Cleaning the page before readability would change which container
	// it picks (and did, badly, on the eval pages); cleaning its result
	// can only drop what it should not have kept.
	removeBoilerplate(art.Node)
	// What the header will show, as Parse merges it: readability's
	// findings first, the page's metadata otherwise.
	hdr := header{title: art.Title(), byline: art.Byline(), dated: !meta.published.IsZero()}
	if strings.TrimSpace(hdr.byline) == "" {
		hdr.byline = meta.byline
	}
	if _, err := art.PublishedTime(); err == nil {
		hdr.dated = true
	}
	removeDebris(art.Node, hdr)
	text := dom.TextOf(art.Node)
	n := words.Count(text)
	if err := checkArticle(art.Node, text, textSize(text), password); err != nil {
		return nil, err
	}
	fixImages(art.Node, pageURL)
	md, err := toMarkdown(art.Node, pageURL)
	if err != nil {
		return nil, err
	}
	x := &extracted{
		title:  words.Collapse(art.Title()),
		byline: words.Collapse(art.Byline()),
		site:   words.Collapse(art.SiteName()),
		lang:   strings.TrimSpace(art.Language()),
		body:   md,
		words:  n,
	}
	if t, err := art.PublishedTime(); err == nil {
		x.published = t
	}
	return x, nil
}

// markdownConverter is shared: a Converter is safe for concurrent use
// and costly to set up.
var markdownConverter = sync.OnceValue(func() *htmltomarkdown.Converter {
	return htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
		base.NewBasePlugin(),
		// The list-end comment ("<!--THE END-->") separates adjacent lists
		// for other markdown tools; in a reader it is junk text.
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		table.NewTablePlugin(),
	))
})

var blankLines = lazyre.New(`\n{3,}`)

// toMarkdown converts the extracted article to markdown, every string
// passed through Clean.
func toMarkdown(n *html.Node, pageURL *url.URL) (string, error) {
	var opts []htmltomarkdown.ConvertOptionFunc
	if pageURL != nil {
		opts = append(opts, htmltomarkdown.WithDomain(safetext.SafeURL(pageURL)))
	}
	CleanHTML(n)
	out, err := markdownConverter().ConvertNode(n, opts...)
	if err != nil {
		return "", err
	}
	md := safetext.CleanMarkdown(string(out))
	md = blankLines().ReplaceAllString(md, "\n\n")
	return strings.TrimSpace(md), nil
}

// CleanHTML cleans the text and attribute values of a parsed page or
// fragment in place, where they enter, before the markdown converter
// sees them: the converter drops a BEL and doubles a backslash, which
// would turn "ESC ] 0 ; title BEL" and "ESC \\" into sequences with no
// end, swallowing the text after them when Clean ran later. Control
// characters the HTML gave as character references ("&#27;") are
// decoded by the parser, so they are cleaned here too.
func CleanHTML(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		n.Data = safetext.Clean(n.Data)
	case html.ElementNode:
		for i := range n.Attr {
			n.Attr[i].Val = safetext.Clean(n.Attr[i].Val)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		CleanHTML(c)
	}
}

// checkArticle rejects extracted text that is not an article.
func checkArticle(n *html.Node, text string, nwords int, password bool) error {
	if strings.TrimSpace(text) == "" {
		return errNoArticle{"no text: the page may be built by scripts"}
	}
	// A sign-in box beside a short article does not make a login wall:
	// the page is refused only when nothing reads as a body, paragraphs
	// of prose (a wall's own text is a line or two of "please sign in").
	if password && nwords < loginWallWords && proseParagraphs(n) < 2 {
		return errNoArticle{"it asks to sign in"}
	}
	links, linkWords := 0, 0
	for _, a := range dom.FindAll(n, atom.A) {
		links++
		linkWords += textSize(dom.TextOf(a))
	}
	if links >= indexMinLinks && float64(linkWords) > indexLinkRatio*float64(nwords) && nwords < indexMaxWordsIn*links {
		return errNoArticle{"it is a list of links, like an index page"}
	}
	return nil
}

// fixAtoms gives the elements readability made (a <div> of text
// becomes a <p>) the atom of their tag: it sets only the name, and every
// test here that goes by atom would pass them by.
func fixAtoms(root *html.Node) {
	dom.Walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
		return true
	})
}

// proseParagraphs counts the paragraphs of n that read as prose: a dozen
// words or more, mostly outside links, in a <p> or in a block of text
// that some pages write without one (a div of text and <br>s).
func proseParagraphs(n *html.Node) int {
	count := 0
	for _, p := range dom.FindAll(n, atom.P, atom.Div, atom.Section, atom.Blockquote) {
		if p.DataAtom != atom.P && hasBlockChild(p) {
			continue // a container: its paragraphs count themselves
		}
		text := dom.TextOf(p)
		nw := textSize(text)
		if nw >= 12 && linkWords(p)*2 < nw {
			count++
		}
	}
	return count
}

// textSize is the length of text in words, counting each Han, kana or
// Hangul character as one: those scripts put no spaces between words,
// and a Chinese article of 2,000 characters is not "one word" long.
func textSize(text string) int {
	return words.Count(text) + cjkRunes(text)
}

// cjkRunes counts the Han, kana and Hangul characters of text.
func cjkRunes(text string) int {
	n := 0
	for _, r := range text {
		if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			n++
		}
	}
	return n
}

// hasPasswordField reports whether the page has a password input.
func hasPasswordField(doc *html.Node) bool {
	for _, in := range dom.FindAll(doc, atom.Input) {
		if strings.EqualFold(dom.Attr(in, "type"), "password") {
			return true
		}
	}
	return false
}

// fixImages gives lazily loaded images the address the page's scripts
// would have given them (data-src, srcset), since html-to-markdown drops
// an image without one and its alt text with it. An image with no
// address at all becomes its alt text.
func fixImages(n *html.Node, pageURL *url.URL) {
	for _, img := range dom.FindAll(n, atom.Img) {
		src := strings.TrimSpace(dom.Attr(img, "src"))
		if src != "" && !strings.HasPrefix(src, "data:") {
			continue
		}
		for _, cand := range []string{dom.Attr(img, "data-src"), firstSrcset(dom.Attr(img, "srcset")), firstSrcset(dom.Attr(img, "data-srcset")), dom.Attr(img, "data-original")} {
			if cand = strings.TrimSpace(cand); cand != "" && !strings.HasPrefix(cand, "data:") {
				src = cand
				break
			}
		}
		if src == "" || strings.HasPrefix(src, "data:") {
			if alt := words.Collapse(dom.Attr(img, "alt")); alt != "" && img.Parent != nil {
				img.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: alt}, img)
			}
			if img.Parent != nil {
				img.Parent.RemoveChild(img)
			}
			continue
		}
		if u := resolveRef(pageURL, src); u != nil {
			src = safetext.SafeURL(u)
		}
		setAttr(img, "src", src)
	}
}

// firstSrcset is the first URL of a srcset list ("a.jpg 80w, b.jpg 320w").
func firstSrcset(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = s[:i]
	}
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// Boilerplate that readability keeps in the article when it picks a
// container too large (its later passes stop discarding "unlikely" elements): trails
// of breadcrumbs above the headline, related-post and share widgets
// below the text. Matched by whole class or id tokens, or by whole words
// of them, so that an article about sharing keeps its paragraphs.
var (
	boilerplateWords  = map[string]bool{"breadcrumb": true, "breadcrumbs": true, "relatedposts": true, "sharedaddy": true, "outbrain": true, "taboola": true}
	boilerplateTokens = map[string]bool{"related-posts": true, "related-articles": true, "related-stories": true,
		"share-buttons": true, "social-share": true, "sharing-buttons": true, "newsletter-signup": true,
		"post-navigation": true, "comments-area": true, "comment-respond": true}
)

// removeBoilerplate deletes known boilerplate elements under n.
func removeBoilerplate(root *html.Node) {
	var doomed []*html.Node
	dom.Walk(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		for _, key := range []string{"class", "id"} {
			for _, t := range dom.Tokens(dom.Attr(n, key)) {
				if boilerplateTokens[t] {
					doomed = append(doomed, n)
					return false
				}
			}
		}
		for _, ws := range dom.NameWords(n) {
			for _, w := range ws {
				if boilerplateWords[w] {
					doomed = append(doomed, n)
					return false
				}
			}
		}
		return true
	})
	removeAll(doomed)
}
