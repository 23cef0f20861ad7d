// Package feed turns feeds into library articles: parsing RSS, Atom and
// JSON Feed documents (through gofeed), discovering a site's feed from
// its home page, OPML import and export, and refreshing every
// subscription into the store.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/mmcdole/gofeed"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/store"
)

// Parsed is one feed document.
type Parsed struct {
	Title   string
	SiteURL string // the site's home page, when the feed names it
	Lang    string
	Items   []store.NewItem // in document order
}

// ParseError says why a document is not a feed, naming its URL.
type ParseError struct {
	URL    string
	Reason string
}

func (e *ParseError) Error() string { return reader.Clean(e.URL + " " + e.Reason) }

// Parse reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document
// fetched from feedURL. All text passes through reader.Clean; item HTML
// becomes markdown; relative links resolve against the feed.
func Parse(feedURL string, data []byte) (*Parsed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{URL: feedURL, Reason: "is empty, not a feed"}
	}
	f, err := parseFeed(data)
	if err != nil {
		reason := "is not a feed (RSS, Atom or JSON Feed)"
		if !strings.Contains(err.Error(), "Failed to detect feed type") {
			reason = "is a malformed feed: " + oneLine(err.Error())
		}
		return nil, &ParseError{URL: feedURL, Reason: reason}
	}
	base, _ := url.Parse(feedURL)
	p := &Parsed{
		Title:   textOf(f.Title),
		SiteURL: absURL(base, f.Link),
		Lang:    reader.CleanLine(f.Language),
	}
	itemBase := base
	if p.SiteURL != "" {
		itemBase, _ = url.Parse(p.SiteURL)
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		p.Items = append(p.Items, convertItem(it, itemBase, p.Lang))
	}
	return p, nil
}

// parseFeed runs gofeed on data. gofeed panics on some malformed
// documents (a JSON Feed author or item that is null); a feed is untrusted
// input, so that is an error like any other malformed feed.
func parseFeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, errors.New("the feed parser failed on it")
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// convertItem maps one gofeed item to a store item.
func convertItem(it *gofeed.Item, base *url.URL, lang string) store.NewItem {
	n := store.NewItem{
		URL:   absURL(base, it.Link),
		Title: textOf(it.Title),
		Lang:  lang,
	}
	if n.URL == "" {
		for _, l := range it.Links {
			if n.URL = absURL(base, l); n.URL != "" {
				break
			}
		}
	}
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			n.Author = textOf(a.Name)
			break
		}
	}
	if n.Author == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		n.Author = textOf(it.DublinCoreExt.Creator[0])
	}
	switch {
	case it.PublishedParsed != nil:
		n.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		n.Published = *it.UpdatedParsed
	}
	content, summary := strings.TrimSpace(it.Content), strings.TrimSpace(it.Description)
	src := content
	if src == "" {
		src = summary
	}
	n.Body = toMarkdown(src, base)
	n.Teaser = n.URL != "" && isTeaser(n.Body)
	if n.Title == "" {
		n.Title = untitled(n.Body)
	}
	n.GUID = strings.TrimSpace(it.GUID)
	if n.GUID == "" {
		n.GUID = n.URL
	}
	if n.GUID == "" {
		h := sha256.Sum256([]byte(n.Title + "\x00" + n.Published.UTC().Format(time.RFC3339) + "\x00" + n.Body))
		n.GUID = "sha256:" + hex.EncodeToString(h[:16])
	}
	return n
}

// teaserEnd matches how feeds cut an article short.
var teaserEnd = regexp.MustCompile(`(?i)(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full|more »|\(more\))[\s\]\)»→.]*$`)

// isTeaser guesses that a feed's text is only the start of the article:
// short, or ending the way feeds cut articles ("…", "Read more").
func isTeaser(md string) bool {
	w := len(strings.Fields(md))
	return w < 120 || teaserEnd.MatchString(mdLink.ReplaceAllString(lastLine(md), "$1"))
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// untitled makes a title for an item that has none: its first words.
func untitled(body string) string {
	words := strings.Fields(body)
	if len(words) == 0 {
		return "(untitled)"
	}
	if len(words) > 10 {
		return strings.Join(words[:10], " ") + "…"
	}
	return strings.Join(words, " ")
}

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

var tag = regexp.MustCompile(`<[^>]*>`)

// textOf makes a one-line plain text of a feed's title-like field, which
// may carry markup and entities.
func textOf(s string) string {
	if strings.ContainsRune(s, '<') {
		s = tag.ReplaceAllString(s, "")
	}
	s = html.UnescapeString(s)
	return reader.CleanLine(s)
}

// oneLine makes a message from a parser (which may quote the document)
// one clean line.
func oneLine(s string) string { return reader.CleanLine(s) }

// absURL resolves a link against base and keeps it only when it is http(s).
func absURL(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return reader.Clean(u.String())
}

var mdConv = converter.NewConverter(converter.WithPlugins(base.NewBasePlugin(), commonmark.NewCommonmarkPlugin()))

// looksHTML tells markup from plain text in a feed's content.
var looksHTML = regexp.MustCompile(`<[a-zA-Z/!][^>]*>|&[a-zA-Z]+;|&#[0-9]+;`)

// toMarkdown converts an item's HTML content to markdown (plain text
// stays as it is) and cleans it for the terminal.
func toMarkdown(s string, base *url.URL) string {
	if s == "" {
		return ""
	}
	if !looksHTML.MatchString(s) {
		return strings.TrimSpace(reader.Clean(s))
	}
	var opts []converter.ConvertOptionFunc
	if base != nil {
		opts = append(opts, converter.WithDomain(base.String()))
	}
	md, err := mdConv.ConvertString(s, opts...)
	if err != nil {
		md = html.UnescapeString(tag.ReplaceAllString(s, " "))
	}
	md = dataImage.ReplaceAllString(md, "")
	return strings.TrimSpace(reader.Clean(md))
}

// dataImage is an image inlined as a data: URI, which can run to
// megabytes of base64 a terminal cannot show.
var dataImage = regexp.MustCompile(`!\[[^\]]*\]\(data:[^)]*\)`)
