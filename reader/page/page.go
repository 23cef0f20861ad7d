// Package page reads an HTML page, saved to a file or fetched: its own
// metadata (title, byline, site, language, date, address) from the
// markup, its previous/next links (package navlinks) from the original
// tree, since extraction throws navigation away, and, when asked, the
// article itself: readability finds it and html-to-markdown writes it
// as the markdown brief shows. Everything it returns is clean text.
// Package reader turns a Page into an Article.
package page

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/fetch"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/safetext"
	"github.com/brief-news/brief/reader/internal/textenc"
	"github.com/brief-news/brief/reader/internal/words"
	"github.com/brief-news/brief/reader/navlinks"
)

// Page is what brief reads from an HTML page. Every string is clean
// (safetext) and one line, except Body.
type Page struct {
	Title, Byline, Site, Lang string
	Published                 time.Time // zero when unknown
	// URL is the page's own web address: the address it was fetched
	// from, or a saved file's canonical URL; "" when it has none.
	URL string
	// Body is the article as markdown, Words its length; with full
	// false Body is empty and Words an estimate.
	Body  string
	Words int
	// Prev and Next are the page's links to its neighbours, nil for none.
	Prev, Next *navlinks.Link
}

// Parse reads the page in data, from loc (a file path, "-" or a URL).
// contentType is the HTTP Content-Type when the page was fetched ("" for
// a file) and fetched the URL it came from after redirects ("" for a
// file): it is the page's address, and its relative links resolve
// against it; a file's address is its canonical URL when it names one.
// With full false only the metadata and links are read: no extraction
// runs.
//
// An error's text is the reason alone, to follow the page's name: "is
// empty", "has no readable article (…)".
func Parse(data []byte, contentType, loc, fetched string, full bool) (*Page, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("is empty")
	}
	text := textenc.ToUTF8(data, contentType)
	if tagBound(text) > MaxHTMLElements && CountElements(text, MaxHTMLElements) > MaxHTMLElements {
		return nil, fmt.Errorf("is too large to read: over %s HTML elements (a long news page has about 10,000)", words.Thousands(MaxHTMLElements))
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// x/net/html refuses elements nested deeper than 512, which
		// keeps every recursive walk over the tree (ours, readability's,
		// html-to-markdown's) shallow.
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return nil, errors.New("is not readable HTML: elements nested more than 512 deep")
		}
		return nil, errors.New("is not readable HTML (" + err.Error() + ")")
	}
	meta := readMeta(doc)
	addr, base := pageAddress(meta, fetched, loc)
	p := &Page{
		Title:     safetext.CleanLine(meta.title),
		Byline:    safetext.CleanLine(meta.byline),
		Site:      safetext.CleanLine(meta.site),
		Lang:      safetext.CleanLine(meta.lang),
		Published: meta.published,
	}
	if addr != nil && fetch.WebURL(addr) {
		p.URL = safetext.SafeURL(addr)
	}
	p.Prev, p.Next = navlinks.Find(doc, addr, base)
	if !full {
		p.Words = estimateWords(doc)
		if p.Title == "" {
			p.Title = fallbackTitle(doc)
		}
		return p, nil
	}
	x, err := extract(doc, base, meta)
	if err != nil {
		var na errNoArticle
		if errors.As(err, &na) {
			return nil, na
		}
		return nil, errors.New("cannot be extracted (" + err.Error() + ")")
	}
	// Readability's metadata saw the same tags plus the article itself
	// (a byline inside the text), so it wins where it found something.
	set := func(dst *string, v string) {
		if v = safetext.CleanLine(v); v != "" {
			*dst = v
		}
	}
	set(&p.Title, x.title)
	set(&p.Byline, x.byline)
	set(&p.Site, x.site)
	set(&p.Lang, x.lang)
	if !x.published.IsZero() {
		p.Published = x.published
	}
	if p.Title == "" {
		p.Title = fallbackTitle(doc)
	}
	p.Byline = trimBy(p.Byline)
	if p.Site == "" && fetched != "" && addr != nil {
		// A fetched page without a site name is known by its host
		// (a saved file falls back to its folder instead; see
		// reader.Article.Source).
		p.Site = safetext.Clean(strings.TrimPrefix(addr.Hostname(), "www."))
	}
	p.Body = x.body
	p.Words = x.words
	return p, nil
}

// MaxHTMLElements bounds the elements of a page brief parses. Parsing
// and extraction cost about 3 KB and 13 µs per element (a page of
// 100,000 paragraphs took 1.3 s and 300 MB); the largest of Mozilla's
// 130 test pages has 9,900, so five times that is refused rather than
// let a 32 MB file of markup take gigabytes.
const MaxHTMLElements = 50_000

// tagBound is an upper bound on the elements of an HTML text: every
// start tag begins "<" and a letter (the tokenizer's rule), though not
// every such pair is a tag (one in a script or a comment). A byte scan,
// twenty times cheaper than tokenizing: a page under the limit by this
// bound needs no count.
func tagBound(page string) int {
	n := 0
	for i := strings.IndexByte(page, '<'); i >= 0 && i+1 < len(page); {
		if c := page[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
		j := strings.IndexByte(page[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}

// CountElements counts the start tags of HTML with the tokenizer (no
// tree, no allocation per tag), stopping once past limit.
func CountElements(page string, limit int) int {
	z := html.NewTokenizer(strings.NewReader(page))
	n := 0
	for n <= limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// pageAddress works out the page's own URL and the base its relative
// links resolve against: <base href>, then the fetched URL, or for a
// saved file its canonical URL. A saved file without either has no web
// address; its relative links then resolve against the file itself and
// stay unfollowable file: URLs.
func pageAddress(meta *pageMeta, fetched, loc string) (page, base *url.URL) {
	if fetched != "" {
		page, _ = url.Parse(fetched)
	}
	if canon := resolveRef(page, meta.canonical); page == nil && canon != nil && fetch.WebURL(canon) {
		canon.Fragment = ""
		page = canon
	}
	base = page
	if base == nil && loc != "-" && loc != "" {
		if abs, err := filepath.Abs(loc); err == nil {
			base = &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
		}
	}
	// A saved file may set a file: base; a fetched page may not point its
	// links at the reader's disk.
	if b := resolveRef(base, meta.base); b != nil && (fetch.WebURL(b) || (b.Scheme == "file" && fetched == "")) {
		base = b
	}
	return page, base
}

// trimBy drops the "By" that pages put before a byline: the model holds
// the name, and whoever shows it adds its own words.
func trimBy(s string) string {
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// resolveRef resolves ref against base (nil: ref must be absolute).
func resolveRef(base *url.URL, ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return nil
	}
	return u
}

// fallbackTitle names a page that declares no title by its only <h1>,
// or gives "".
func fallbackTitle(doc *html.Node) string {
	if h := dom.FindAll(doc, atom.H1); len(h) == 1 {
		return safetext.Clean(dom.TextOf(h[0]))
	}
	return "" // the page has none: Article.DisplayTitle names it for lists
}

// estimateWords counts the words of the page's paragraphs outside
// navigation and page furniture: close to the article's length at a
// fraction of extraction's cost, for reading-time estimates in lists.
func estimateWords(doc *html.Node) int {
	n := 0
	dom.Walk(doc, func(x *html.Node) bool {
		if x.Type != html.ElementNode {
			return true
		}
		switch x.DataAtom {
		case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Script, atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.P, atom.Li, atom.Blockquote, atom.Pre:
			n += words.Count(dom.TextOf(x))
			return false
		}
		return true
	})
	return n
}
