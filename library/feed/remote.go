package feed

import (
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/brief-news/brief/library/store"
)

// RemoteItem converts an article a feed server sent (a sync: its link,
// title, author and HTML content) as a refresh converts a feed's item,
// with the same cleaning, size limits and teaser guess. Its GUID is its
// link (the server keeps the feed's own GUID to itself), or a digest of
// its text when it has none.
func RemoteItem(link, title, author, lang, content string, published time.Time) store.NewItem {
	base, err := url.Parse(strings.TrimSpace(link))
	if err != nil || base.Host == "" {
		base = nil
	}
	it := &gofeed.Item{Link: link, Title: title, Content: content}
	if strings.TrimSpace(author) != "" {
		it.Authors = []*gofeed.Person{{Name: author}}
	}
	if !published.IsZero() {
		it.PublishedParsed = &published
	}
	budget := maxItemElements
	return convertItem(it, base, textOf(lang), planBody(itemSource(it), &budget))
}
