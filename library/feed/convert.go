package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/page"
	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
)

// convertAll converts a document's items, in its order. HTML to
// markdown is most of a first refresh's parsing, and each item's is
// independent once the document's element budget has been spent in
// order (planBody, cheap): the conversions then share the cores.
// budget is what is left of the document's elements (maxFeedElements
// at its start).
func convertAll(items []*gofeed.Item, base *url.URL, lang string, budget *int) []store.NewItem {
	plans := make([]bodyPlan, len(items))
	for i, it := range items {
		plans[i] = planBody(itemSource(it), budget)
	}
	// Each source item is dropped once converted, and each plan's source
	// text with it: a feed of 10,000 items holds the markdown growing
	// while the HTML shrinks, not both whole.
	out := make([]store.NewItem, len(items))
	convert := func(i int) {
		out[i] = convertItem(items[i], base, lang, plans[i])
		items[i], plans[i] = nil, bodyPlan{}
	}
	workers := min(runtime.GOMAXPROCS(0), (len(items)+63)/64)
	if workers <= 1 {
		for i := range items {
			convert(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(items) {
					return
				}
				convert(i)
			}
		}()
	}
	wg.Wait()
	return out
}

// itemSource is what an item's body is made from: its content, else its
// summary.
func itemSource(it *gofeed.Item) string {
	if content := strings.TrimSpace(it.Content); content != "" {
		return content
	}
	return strings.TrimSpace(it.Description)
}

// convertItem maps one gofeed item to a store item, its body planned
// by planBody.
func convertItem(it *gofeed.Item, base *url.URL, lang string, body bodyPlan) store.NewItem {
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
	n.Body = markdownOf(body, base)
	// A feed that sends content (Atom's <content>, RSS's
	// <content:encoded>, JSON Feed's content_html) sends the article: it
	// is a teaser only when it says it was cut. A summary alone is
	// judged by its length too.
	if strings.TrimSpace(it.Content) != "" {
		n.Teaser = n.URL != "" && cutShort(n.Body)
	} else {
		n.Teaser = n.URL != "" && isTeaser(n.Body)
	}
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

// toMarkdown converts an item's HTML content to markdown (plain text
// stays as it is) and cleans it for the terminal. budget, when not nil,
// is what is left of the document's elements; the item's are taken
// from it.
func toMarkdown(s string, base *url.URL, budget *int) string {
	return markdownOf(planBody(s, budget), base)
}

// bodyPlan is an item body's source and how it becomes markdown.
type bodyPlan struct {
	src  string
	html bool   // converted from HTML
	why  string // not "": HTML over the element limits, kept as text
}

// planBody counts an item's elements against the document's budget: the
// part of toMarkdown that depends on the items before it, so that the
// conversions themselves can run in any order.
func planBody(s string, budget *int) bodyPlan {
	if s == "" || !looksHTML.MatchString(s) {
		return bodyPlan{src: s}
	}
	limit := maxItemElements
	if budget != nil && *budget < limit {
		limit = *budget
	}
	n := page.CountElements(s, limit)
	if n > limit {
		why := "the item has over " + reader.Thousands(maxItemElements) + " HTML elements"
		if limit < maxItemElements {
			why = "the feed's items have over " + reader.Thousands(maxFeedElements) + " HTML elements in all"
		}
		return bodyPlan{src: s, html: true, why: why}
	}
	if budget != nil {
		*budget -= n
	}
	return bodyPlan{src: s, html: true}
}

// markdownOf builds a planned body.
func markdownOf(b bodyPlan, base *url.URL) string {
	s := b.src
	switch {
	case s == "":
		return ""
	case !b.html:
		return strings.TrimSpace(reader.CleanMarkdown(s))
	case b.why != "":
		return plainText(s, b.why)
	}
	var opts []converter.ConvertOptionFunc
	if base != nil {
		opts = append(opts, converter.WithDomain(reader.SafeURL(base)))
	}
	// Parsed and cleaned here, before the converter mangles a sequence
	// (character references decode to controls on parsing).
	var md string
	doc, err := xhtml.Parse(strings.NewReader(s))
	if err == nil {
		page.CleanHTML(doc)
		var out []byte
		out, err = mdConv.ConvertNode(doc, opts...)
		md = string(out)
	}
	if err != nil {
		md = html.UnescapeString(tag.ReplaceAllString(s, " "))
	}
	md = dataImage.ReplaceAllString(md, "")
	return strings.TrimSpace(reader.CleanMarkdown(md))
}
