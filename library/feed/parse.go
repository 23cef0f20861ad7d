// Package feed turns feeds into library articles: parsing RSS, Atom and
// JSON Feed documents (through gofeed), discovering a site's feed from
// its home page, OPML import and export, and refreshing every
// subscription into the store.
package feed

import (
	"bytes"
	"errors"
	"html"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/mmcdole/gofeed"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/page"
)

// Parsed is one feed document.
type Parsed struct {
	Title   string
	SiteURL string // the site's home page, when the feed names it
	Lang    string
	Items   []store.NewItem // in document order
	// Total is the number of items in the document: more than
	// len(Items) when ParseNewest kept only the newest.
	Total int
	// Rest, when not nil, parses the document's items after Items and
	// hands them to put, a chunk at a time (see parseChunks); it
	// returns put's error, or errChunk for a chunk gofeed refuses.
	Rest func(put func([]store.NewItem) error) error
}

// DefaultMaxItems is how many items of one feed a refresh stores at most,
// the newest: a feed carrying its whole archive (tens of thousands of
// items) would otherwise take seconds and megabytes on every refresh.
// newsboat's max-items is the same idea. Config: max_items.
const DefaultMaxItems = 1_000

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
	return ParseNewest(feedURL, data, 0)
}

// ParseNewest is Parse keeping only the max newest items (by date;
// undated items count as oldest, and ties keep the document's order),
// still in document order; max <= 0 keeps all. Only the kept items are
// converted, which is most of parsing's cost.
func ParseNewest(feedURL string, data []byte, max int) (*Parsed, error) {
	return parseNewest(feedURL, data, max, false)
}

// parseNewest is ParseNewest that, when stream is set, may leave a long
// document's items after its first chunk to p.Rest.
func parseNewest(feedURL string, data []byte, max int, stream bool) (*Parsed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{URL: feedURL, Reason: "is empty, not a feed"}
	}
	total := -1
	if looksXML(data) {
		starts := itemStarts(data)
		total = len(starts)
		// At most 2×max of the items are parsed, whose dates choose
		// the newest; when all are kept, a chunk at a time.
		if max > 0 && total > 2*max {
			data, _ = trimItems(data, starts, max)
		} else if p, ok := parseKept(feedURL, bytes.NewReader(data), int64(len(data)), total, max, stream); ok {
			return p, nil
		}
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
	items := make([]*gofeed.Item, 0, len(f.Items))
	for _, it := range f.Items {
		if it != nil {
			items = append(items, it)
		}
	}
	f.Items = nil // convertAll lets go of each item once converted
	p.Total = len(items)
	if total > p.Total {
		p.Total = total
	}
	if max > 0 && len(items) > max {
		items = newest(items, max)
	}
	budget := maxFeedElements
	p.Items = convertAll(items, itemBase, p.Lang, &budget)
	return p, nil
}

// looksXML: the document (or its first bytes) starts, after white
// space and a byte-order mark, with markup rather than JSON.
func looksXML(data []byte) bool {
	head := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	return len(head) > 0 && head[0] == '<'
}

// trimItems cuts an XML feed whose items start at starts down to its
// first keep and last keep items, and returns the cut document and its
// item starts. gofeed costs about 60 µs and 14 KB per item (a
// 100,000-item feed took 6 s and 1.4 GB), so an archive feed is cut
// before parsing; keeping both ends keeps the newest items whether the
// feed lists them first, as nearly all do, or last.
func trimItems(data []byte, starts []int, keep int) ([]byte, []int) {
	n := len(starts)
	cut := starts[n-keep] - starts[keep]
	out := make([]byte, 0, len(data)-cut)
	out = append(out, data[:starts[keep]]...)
	out = append(out, data[starts[n-keep]:]...)
	kept := make([]int, 0, 2*keep)
	kept = append(kept, starts[:keep]...)
	for _, s := range starts[n-keep:] {
		kept = append(kept, s-cut)
	}
	return out, kept
}

// itemStarts finds the start tags of RSS items and Atom entries,
// outside CDATA sections and comments (an item's HTML content may well
// hold "<item"), so that a cut never lands inside one.
func itemStarts(data []byte) []int {
	var out []int
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		k := i + j + 1
		if end := skipOpaque(data, k-1); end > k {
			i = end
			continue
		}
		for _, name := range [][]byte{[]byte("item"), []byte("entry")} {
			if e := k + len(name); bytes.HasPrefix(data[k:], name) && e < len(data) && strings.IndexByte(" \t\r\n>/", data[e]) >= 0 {
				out = append(out, k-1)
			}
		}
		i = k
	}
	return out
}

// skipOpaque returns the end of the CDATA section or comment starting
// at data[i] ("<![CDATA[", "<!--"), or i when none starts there. One
// left open runs to the end.
func skipOpaque(data []byte, i int) int {
	for _, d := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if bytes.HasPrefix(data[i:], []byte(d[0])) {
			if e := bytes.Index(data[i+len(d[0]):], []byte(d[1])); e >= 0 {
				return i + len(d[0]) + e + len(d[1])
			}
			return len(data)
		}
	}
	return i
}

// newest keeps the n newest items, in their order.
func newest(items []*gofeed.Item, n int) []*gofeed.Item {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	date := func(it *gofeed.Item) time.Time {
		switch {
		case it.PublishedParsed != nil:
			return *it.PublishedParsed
		case it.UpdatedParsed != nil:
			return *it.UpdatedParsed
		}
		return time.Time{}
	}
	sort.SliceStable(idx, func(a, b int) bool { return date(items[idx[a]]).After(date(items[idx[b]])) })
	idx = idx[:n]
	sort.Ints(idx)
	out := make([]*gofeed.Item, n)
	for i, k := range idx {
		out[i] = items[k]
	}
	return out
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
	fp := gofeed.NewParser()
	// brief shows no item images, and gofeed's search for one parses
	// every RSS item's HTML into a tree (392 MB for one item of
	// 1,000,000 <p>), past the element budget of toMarkdown.
	fp.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return fp.Parse(bytes.NewReader(data))
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
	return reader.SafeURL(u)
}

var mdConv = converter.NewConverter(converter.WithPlugins(base.NewBasePlugin(), commonmark.NewCommonmarkPlugin()))

// looksHTML tells markup from plain text in a feed's content.
var looksHTML = regexp.MustCompile(`<[a-zA-Z/!][^>]*>|&[a-zA-Z]+;|&#[0-9]+;`)

// Item HTML is parsed into a tree and converted to markdown, which costs
// about 6 µs and 800 bytes per element (one item of 1,000,000 <p> took
// 6 s and 836 MB). As for pages, an item may have page.MaxHTMLElements
// elements, and all the items of one document together
// maxFeedElements (a thousand full articles of 250 elements each);
// beyond either, an item's body is its text without the tags (see
// plainText). Counting stops at the limit and allocates nothing per tag.
const (
	maxItemElements = page.MaxHTMLElements
	maxFeedElements = 250_000
	// maxPlainBytes is how much text plainText keeps.
	maxPlainBytes = 128 << 10
)

// plainText is an item's body when its HTML is over the element
// budget: the text of its first 4×maxPlainBytes bytes of markup, tags
// removed (block ends become paragraph breaks) and references decoded,
// cut at maxPlainBytes, ending in a line that says why. No tree
// is built: the cost is linear in that prefix, whatever the item's size.
func plainText(s, why string) string {
	if len(s) > 4*maxPlainBytes {
		s = s[:4*maxPlainBytes]
		if i := strings.LastIndexByte(s, '<'); i > strings.LastIndexByte(s, '>') {
			s = s[:i] // a tag cut in two
		}
	}
	s = blockTag.ReplaceAllString(s, "\n")
	s = html.UnescapeString(tag.ReplaceAllString(s, " "))
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if b.Len() >= maxPlainBytes {
			break
		}
		if words := strings.Fields(line); len(words) > 0 {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(strings.Join(words, " "))
		}
	}
	text := b.String()
	if len(text) > maxPlainBytes {
		text = strings.ToValidUTF8(text[:maxPlainBytes], "") // drops a character cut in two
	}
	text = strings.TrimSpace(reader.CleanMarkdown(text))
	return text + "\n\n(Shown as plain text, perhaps cut: " + why + ".)"
}

// blockTag matches the tags that end a paragraph or line of text.
var blockTag = regexp.MustCompile(`(?i)</?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|pre|tr|table|section|article|hr)\b[^>]*>`)

// dataImage is an image inlined as a data: URI, which can run to
// megabytes of base64 a terminal cannot show.
var dataImage = regexp.MustCompile(`!\[[^\]]*\]\(data:[^)]*\)`)
