package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Web articles: an HTML page, saved to a file or fetched, becomes an
// Article. The page's own metadata and its previous/next links are read
// from the original markup (extraction throws navigation away), then
// readability extracts the article and html-to-markdown writes it out.

// ParseHTML extracts the article of an HTML page. contentType is the
// HTTP Content-Type when the page was fetched ("" for a file). With
// full false only the metadata and links are read: no extraction runs,
// Body stays empty, Words is an estimate and Partial is set.
func ParseHTML(loc string, data []byte, contentType string, full bool) (*Article, error) {
	return parsePage(loc, "", data, contentType, full)
}

// parsePage parses a page read from loc. fetched is the URL the page
// came from after redirects ("" for a file): it is the page's address;
// a file's address is its canonical URL when it names one.
func parsePage(loc, fetched string, data []byte, contentType string, full bool) (*Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Path: loc, Reason: "is empty"}
	}
	text := decodeUTF8(data, contentType)
	if n := CountElements(text, MaxHTMLElements); n > MaxHTMLElements {
		return nil, &FileError{Path: loc, Reason: fmt.Sprintf("is too large to read: over %s HTML elements (a long news page has about 10,000)", Thousands(MaxHTMLElements))}
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// x/net/html refuses elements nested deeper than 512, which
		// keeps every recursive walk over the tree (ours, readability's,
		// html-to-markdown's) shallow.
		reason := "is not readable HTML (" + err.Error() + ")"
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			reason = "is not readable HTML: elements nested more than 512 deep"
		}
		return nil, &FileError{Path: loc, Reason: reason}
	}
	meta := readMeta(doc)
	page, base := pageAddress(meta, fetched, loc)
	a := &Article{
		Title:     CleanLine(meta.title),
		Byline:    CleanLine(meta.byline),
		Site:      CleanLine(meta.site),
		Lang:      CleanLine(meta.lang),
		Published: meta.published,
		Location:  loc,
		Partial:   !full,
	}
	if page != nil && webScheme(page) {
		a.URL = SafeURL(page)
	}
	a.Prev, a.Next = findNavLinks(doc, page, base)
	if !full {
		a.Words = estimateWords(doc)
		if a.Title == "" {
			a.Title = fallbackTitle(doc, loc)
		}
		return a, nil
	}
	x, err := extract(doc, base)
	if err != nil {
		var na errNoArticle
		if errors.As(err, &na) {
			return nil, &FileError{Path: loc, Reason: na.Error()}
		}
		return nil, &FileError{Path: loc, Reason: "cannot be extracted (" + err.Error() + ")"}
	}
	// Readability's metadata saw the same tags plus the article itself
	// (a byline inside the text), so it wins where it found something.
	set := func(dst *string, v string) {
		if v = CleanLine(v); v != "" {
			*dst = v
		}
	}
	set(&a.Title, x.title)
	set(&a.Byline, x.byline)
	set(&a.Site, x.site)
	set(&a.Lang, x.lang)
	if !x.published.IsZero() {
		a.Published = x.published
	}
	if a.Title == "" {
		a.Title = fallbackTitle(doc, loc)
	}
	a.Byline = trimBy(a.Byline)
	if a.Site == "" && fetched != "" && page != nil {
		// A fetched page without a site name is known by its host
		// (a saved file falls back to its folder instead; see Source).
		a.Site = Clean(strings.TrimPrefix(page.Hostname(), "www."))
	}
	a.Body = x.body
	a.Words = x.words
	return a, nil
}

// MaxHTMLElements bounds the elements of a page brief parses. Parsing
// and extraction cost about 3 KB and 13 µs per element (a page of
// 100,000 paragraphs took 1.3 s and 300 MB); the largest of Mozilla's
// 130 test pages has 9,900, so five times that is refused rather than
// let a 32 MB file of markup take gigabytes.
const MaxHTMLElements = 50_000

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
	if canon := resolveRef(page, meta.canonical); page == nil && canon != nil && webScheme(canon) {
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
	if b := resolveRef(base, meta.base); b != nil && (webScheme(b) || (b.Scheme == "file" && fetched == "")) {
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

// fallbackTitle names a page that declares no title: its only <h1>, or
// the file or URL it came from.
func fallbackTitle(doc *html.Node, loc string) string {
	if h := findAll(doc, atom.H1); len(h) == 1 {
		return Clean(textOf(h[0]))
	}
	return "" // the page has none: Article.DisplayTitle names it for lists
}

// estimateWords counts the words of the page's paragraphs outside
// navigation and page furniture: close to the article's length at a
// fraction of extraction's cost, for reading-time estimates in lists.
func estimateWords(doc *html.Node) int {
	n := 0
	walk(doc, func(x *html.Node) bool {
		if x.Type != html.ElementNode {
			return true
		}
		switch x.DataAtom {
		case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Script, atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.P, atom.Li, atom.Blockquote, atom.Pre:
			n += countWords(textOf(x))
			return false
		}
		return true
	})
	return n
}

// loadURL fetches and extracts the article at an http(s) URL.
func loadURL(ctx context.Context, u string) (*Article, error) {
	resp, err := DefaultFetcher.Fetch(ctx, Request{URL: u, Refuse: NotWebPage})
	if err != nil {
		return nil, err
	}
	return parsePage(u, resp.URL, resp.Body, resp.ContentType, true)
}

// NotWebPage is a Request.Refuse for article pages: it says why a
// response is not an HTML page ("is not a web page (video/mp4)"), or ""
// when it is one, judging by the Content-Type and, when that is missing
// or generic, by the first bytes. A link to a video or an archive is
// thus refused before its body is downloaded.
func NotWebPage(contentType string, head []byte) string {
	if isHTMLType(contentType, head) {
		return ""
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "" {
		mt = strings.TrimSpace(contentType)
	}
	if mt == "" {
		mt = "no content type"
	}
	return "is not a web page (" + mt + ")"
}

// FetchArticle loads, with its body, the article at a web address
// outside any collection: a link the reader follows. Only http(s)
// addresses are fetched.
func FetchArticle(ctx context.Context, u string) (*Article, error) {
	return loadURL(ctx, u)
}

// isHTMLType accepts HTML and XHTML, and pages whose server sends no
// type or a generic one when the bytes are HTML.
func isHTMLType(contentType string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" || mt == "application/octet-stream" || mt == "text/plain" {
		return looksLikeHTML(body) || strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
