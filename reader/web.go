package reader

import (
	"context"
	"mime"
	"net/http"
	"strings"

	"github.com/brief-news/brief/reader/fetch"
	"github.com/brief-news/brief/reader/navlinks"
	"github.com/brief-news/brief/reader/page"
)

// Web articles: an HTML page, saved to a file or fetched, becomes an
// Article. Package page reads it; package fetch downloads it.

// ParseHTML extracts the article of an HTML page. contentType is the
// HTTP Content-Type when the page was fetched ("" for a file). With
// full false only the metadata and links are read: no extraction runs,
// Body stays empty, Words is an estimate and Partial is set.
func ParseHTML(loc string, data []byte, contentType string, full bool) (*Article, error) {
	return parsePage(loc, "", data, contentType, full)
}

// ParseFetched extracts the article of a page fetched from url (after
// redirects): unlike ParseHTML, which reads files, relative links and
// the page's address resolve against url. The library uses it to
// complete feed teasers from their pages.
func ParseFetched(url string, data []byte, contentType string, full bool) (*Article, error) {
	return parsePage(url, url, data, contentType, full)
}

// parsePage parses a page read from loc. fetched is the URL the page
// came from after redirects ("" for a file): it is the page's address;
// a file's address is its canonical URL when it names one.
func parsePage(loc, fetched string, data []byte, contentType string, full bool) (*Article, error) {
	p, err := page.Parse(data, contentType, loc, fetched, full)
	if err != nil {
		return nil, &FileError{Path: loc, Reason: err.Error()}
	}
	return &Article{
		Title:     p.Title,
		Byline:    p.Byline,
		Site:      p.Site,
		Lang:      p.Lang,
		Published: p.Published,
		Location:  loc,
		URL:       p.URL,
		Body:      p.Body,
		Words:     p.Words,
		Prev:      pageLink(p.Prev),
		Next:      pageLink(p.Next),
		Partial:   !full,
	}, nil
}

// pageLink is a link found in a page's markup as an Article's Link:
// resolved when it is a web address, since brief can follow it.
func pageLink(l *navlinks.Link) *Link {
	if l == nil {
		return nil
	}
	// navlinks.Kind has the values of the LinkKinds of page signals.
	return &Link{Label: l.Label, Title: l.Title, URL: l.URL, Kind: LinkKind(l.Kind), Resolved: l.Web}
}

// loadURL fetches and extracts the article at an http(s) URL.
func loadURL(ctx context.Context, u string) (*Article, error) {
	resp, err := fetch.Default.Fetch(ctx, fetch.Request{URL: u, Refuse: NotWebPage})
	if err != nil {
		return nil, err
	}
	return parsePage(u, resp.URL, resp.Body, resp.ContentType, true)
}

// FetchArticle loads, with its body, the article at a web address
// outside any collection: a link the reader follows. Only http(s)
// addresses are fetched.
func FetchArticle(ctx context.Context, u string) (*Article, error) {
	return loadURL(ctx, u)
}

// NotWebPage is a fetch.Request.Refuse for article pages: it says why a
// response is not an HTML page ("is not a web page (video/mp4)"), or ""
// when it is one, judging by the Content-Type and, when that is missing
// or generic, by the first bytes. A link to a video or an archive is
// thus refused before its body is downloaded.
func NotWebPage(contentType string, head []byte) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	if feedTypes[mt] || isFeed(head) {
		return FeedReason
	}
	if isHTMLType(contentType, head) {
		return ""
	}
	if mt == "" {
		mt = strings.TrimSpace(contentType)
	}
	if mt == "" {
		mt = "no content type"
	}
	return "is not a web page (" + mt + ")"
}

// feedTypes are the media types of feeds.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/feed+json": true, "application/x-rss+xml": true,
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
