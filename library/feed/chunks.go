package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"

	"github.com/mmcdole/gofeed"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/fetch"
)

// chunkItems is how many items of an XML feed gofeed is given at once.
// gofeed builds a tree of the whole document, twice (its RSS or Atom
// form, then the generic one): for a 10,000-item feed that is tens of
// megabytes held at once, beside the items converted from it. Parsed a
// chunk at a time, each chunk's tree goes once its items are
// converted. A variable so that tests can cut small chunks.
var chunkItems = 500

// streamItems: a document of more items than this is stored as it is
// parsed (Parsed.Rest), a chunk at a time, instead of parsed whole
// first. Below it the items are few enough to hold, and parsing them
// outside the store's transaction lets other feeds' parses run while
// one is written. A variable so that tests can stream small documents.
var streamItems = 2_000

// errChunk is a chunk of a streamed document that gofeed refused.
var errChunk = errors.New("a chunk of the feed does not parse")

// parseChunks parses an XML feed as a series of smaller documents: its
// head (everything before its first item), a run of chunkItems items,
// and its tail (everything after its last item). The result is what
// parsing the whole would give: feed-level elements are in every chunk,
// and the element budget is spent in document order across them. When
// stream is set and the document has more than streamItems items,
// p.Items holds the first chunk's and p.Rest parses the others. spans
// are itemSpans'. ok is false when a chunk does not parse; the caller
// then parses the document whole, which also gives the error a
// malformed feed deserves.
func parseChunks(feedURL string, src io.ReaderAt, size int64, spans [][2]int, stream bool) (p *Parsed, ok bool) {
	head, err := readRange(src, 0, spans[0][0])
	if err != nil {
		return nil, false
	}
	tail, err := readRange(src, spans[len(spans)-1][1], int(size))
	if err != nil {
		return nil, false
	}
	c := &chunker{src: src, spans: spans, budget: maxFeedElements, head: head, tail: tail}
	f, err := c.parse(0)
	if err != nil {
		return nil, false
	}
	base, _ := url.Parse(feedURL)
	p = &Parsed{Title: textOf(f.Title), SiteURL: absURL(base, f.Link), Lang: reader.CleanLine(f.Language), Total: len(spans)}
	c.base, c.lang = base, p.Lang
	if p.SiteURL != "" {
		c.base, _ = url.Parse(p.SiteURL)
	}
	p.Items = c.convert(f)
	if stream && len(spans) > streamItems {
		p.Rest = c.rest
		return p, true
	}
	for i := chunkItems; i < len(spans); i += chunkItems {
		f, err := c.parse(i)
		if err != nil {
			return nil, false
		}
		p.Items = append(p.Items, c.convert(f)...)
	}
	return p, true
}

// parseKept is parseChunks of a document of n items when all of them
// are kept (max <= 0 or n <= max) and they are more than a chunk: the
// one decision of parseNewest and parseSpooled. ok is false when they
// are not, or the document does not walk or parse a chunk at a time;
// the caller then parses it whole.
func parseKept(feedURL string, src io.ReaderAt, size int64, n, max int, stream bool) (*Parsed, bool) {
	if n <= chunkItems || (max > 0 && n > max) {
		return nil, false
	}
	spans, ok := itemSpans(io.NewSectionReader(src, 0, size))
	if !ok {
		return nil, false
	}
	p, ok := parseChunks(feedURL, src, size, spans, stream)
	if ok && n > p.Total {
		p.Total = n
	}
	return p, ok
}

// chunker cuts one document into chunks and converts their items.
type chunker struct {
	src        io.ReaderAt // the document, in memory or spooled to a file
	head, tail []byte
	spans      [][2]int
	doc        []byte // the chunk being parsed
	base       *url.URL
	lang       string
	budget     int // the document's element budget left
}

// parse parses the chunk of items from the i-th.
func (c *chunker) parse(i int) (*gofeed.Feed, error) {
	j := min(i+chunkItems, len(c.spans))
	from, to := c.spans[i][0], c.spans[j-1][1]
	need := len(c.head) + to - from + len(c.tail)
	if cap(c.doc) < need {
		c.doc = make([]byte, 0, need)
	}
	c.doc = append(c.doc[:0], c.head...)
	c.doc = c.doc[:len(c.head)+to-from]
	if _, err := c.src.ReadAt(c.doc[len(c.head):], int64(from)); err != nil {
		return nil, err
	}
	c.doc = append(c.doc, c.tail...)
	return parseFeed(c.doc)
}

// rest hands the chunks after the first to put, parsing each while put
// stores the one before it (put runs in the store's transaction, and
// the two take about as long): one chunk ahead, no more.
func (c *chunker) rest(put func([]store.NewItem) error) error {
	type chunk struct {
		items []store.NewItem
		err   error
	}
	next := make(chan chunk) // unbuffered: the parser waits for put
	stop := make(chan struct{})
	go func() {
		defer close(next)
		for i := chunkItems; i < len(c.spans); i += chunkItems {
			var ch chunk
			if f, err := c.parse(i); err != nil {
				ch.err = errChunk
			} else {
				ch.items = c.convert(f)
			}
			select {
			case next <- ch:
			case <-stop:
				return
			}
			if ch.err != nil {
				return
			}
		}
	}()
	defer func() {
		close(stop)
		for range next { // the parser has ended when Rest returns
		}
	}()
	for ch := range next {
		if ch.err != nil {
			return ch.err
		}
		if err := put(ch.items); err != nil {
			return err
		}
	}
	return nil
}

// readRange reads bytes [from, to) of src.
func readRange(src io.ReaderAt, from, to int) ([]byte, error) {
	b := make([]byte, to-from)
	if _, err := src.ReadAt(b, int64(from)); err != nil && !(err == io.EOF && len(b) == 0) {
		return nil, err
	}
	return b, nil
}

// convert converts a chunk's items, spending the document's budget.
func (c *chunker) convert(f *gofeed.Feed) []store.NewItem {
	items := make([]*gofeed.Item, 0, len(f.Items))
	for _, it := range f.Items {
		if it != nil {
			items = append(items, it)
		}
	}
	f.Items = nil
	return convertAll(items, c.base, c.lang, &c.budget)
}

// itemSpans finds the items of a well-formed XML feed, each as the
// byte range from its start tag to the end of its closing tag, with
// encoding/xml (strict, about 10 ms a megabyte). ok is false unless
// the document is well formed and its items follow one another as the
// children of its container (an RSS channel, an RDF root, an Atom
// feed) with only white space and comments between them: anything else
// between items, or an element named item inside another, would be cut
// in two, and gofeed, lenient, would make items of the pieces that the
// whole document does not have.
func itemSpans(r io.Reader) (spans [][2]int, ok bool) {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	// The bytes are not decoded, only walked: offsets stay the
	// document's whatever its encoding.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var path []string
	inItem, gap := false, false // gap: something other than space since the last item
	for {
		at := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			return spans, len(spans) > 0
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !inItem && (t.Name.Local == "item" || t.Name.Local == "entry") && isContainer(path) {
				if gap && len(spans) > 0 {
					return nil, false
				}
				spans = append(spans, [2]int{at, -1})
				inItem = true
			} else if !inItem && (t.Name.Local == "item" || t.Name.Local == "entry") {
				return nil, false // an item elsewhere: gofeed's reading of it is its own
			}
			gap = true
			path = append(path, t.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
			if inItem && isContainer(path) {
				spans[len(spans)-1][1] = int(d.InputOffset())
				inItem, gap = false, false
			}
		case xml.CharData:
			gap = gap || len(bytes.TrimSpace(t)) > 0
		case xml.Comment:
		default:
			gap = true
		}
	}
}

// isContainer: path (the open elements, outermost first) ends at the
// element that holds a feed's items.
func isContainer(path []string) bool {
	switch len(path) {
	case 1:
		return path[0] == "RDF" || path[0] == "feed"
	case 2:
		return path[0] == "rss" && path[1] == "channel"
	}
	return false
}

// spoolOver is the size over which refresh has a feed written to a
// temporary file rather than held while it is parsed (fetch's
// Request.SpoolOver): a 10,000-item feed is 7 MB. A variable for tests.
var spoolOver int64 = 1 << 20

// parseSpooled is parseNewest of a document spooled to a file, deciding
// as it does from the item starts (read from the file a block at a
// time): an archive of more than 2×max items is read in the part that
// trimItems keeps; a document whose every item is kept is read a chunk
// at a time (and streamed); anything else (a JSON Feed, not well-formed
// XML, a document that does not walk) is read whole.
func parseSpooled(feedURL string, f *fetch.Spooled, max int) (*Parsed, error) {
	head := make([]byte, min(f.Size(), 64))
	f.ReadAt(head, 0)
	if looksXML(head) {
		starts, err := itemStartsIn(io.NewSectionReader(f, 0, f.Size()), 256<<10)
		if err != nil {
			return nil, &ParseError{URL: feedURL, Reason: "could not be read back from its temporary file: " + oneLine(err.Error())}
		}
		n := len(starts)
		if max > 0 && n > 2*max {
			first, err1 := readRange(f, 0, starts[max])
			last, err2 := readRange(f, starts[n-max], int(f.Size()))
			if err1 == nil && err2 == nil {
				p, err := ParseNewest(feedURL, append(first, last...), max)
				if err == nil && p.Total < n {
					p.Total = n
				}
				return p, err
			}
		} else if p, ok := parseKept(feedURL, f, f.Size(), n, max, true); ok {
			return p, nil
		}
	}
	data, err := f.Bytes()
	if err != nil {
		return nil, &ParseError{URL: feedURL, Reason: "could not be read back from its temporary file: " + oneLine(err.Error())}
	}
	return parseNewest(feedURL, data, max, true)
}
