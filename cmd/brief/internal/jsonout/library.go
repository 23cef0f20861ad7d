package jsonout

// The library's objects: its articles (list, open, search) and its
// subscriptions (feeds).

import (
	"time"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

// Item is an article of the library in --json output: the article
// fields of every command, plus the library's own.
type Item struct {
	ID int64 `json:"id"`
	Article
	Feed   string `json:"feed"`
	FeedID int64  `json:"feed_id"`
	Read   bool   `json:"read"`
	Saved  bool   `json:"saved"`
	// Source is where the stored text came from: "feed" or "page".
	Source string `json:"source"`
	Teaser bool   `json:"teaser"`
}

// FromItem converts a library article; a is its opened article, or nil
// for its list data alone.
func FromItem(it *library.Item, a *reader.Article, withBody bool) Item {
	if a == nil {
		a = it.Article()
	}
	return Item{ID: it.ID, Article: FromArticle(a, withBody, nil), Feed: it.Feed, FeedID: it.FeedID,
		Read: it.Read, Saved: it.Saved, Source: string(it.Source), Teaser: it.Teaser}
}

// Hit is a search result: the article, and the snippet that matched.
type Hit struct {
	Item
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"` // byte ranges of matched words in snippet
}

// FromHit converts a search result.
func FromHit(h *library.Hit) Hit {
	hl := h.Highlights
	if hl == nil {
		hl = [][2]int{}
	}
	return Hit{Item: FromItem(&h.Item, nil, false), Snippet: h.Snippet, Highlights: hl}
}

// Feed is a subscription in brief feeds --json.
type Feed struct {
	// ID is the feed's number: stable, never reused (brief remove ID).
	ID        int64   `json:"id"`
	URL       string  `json:"url"`
	SiteURL   *string `json:"site_url"`
	Title     string  `json:"title"`
	Unread    int     `json:"unread"`
	Total     int     `json:"total"`
	Added     string  `json:"added"`
	Checked   *string `json:"checked"`
	Refreshed *string `json:"refreshed"`
	Error     *string `json:"error"`
}

// FromFeed converts a subscription.
func FromFeed(f *library.Feed) Feed {
	return Feed{ID: f.ID, URL: reader.Clean(f.URL), SiteURL: optional(reader.Clean(f.SiteURL)), Title: f.Title,
		Unread: f.Unread, Total: f.Total, Added: f.Added.UTC().Format(time.RFC3339),
		Checked: timeJSON(f.Checked), Refreshed: timeJSON(f.Updated), Error: optional(f.Error)}
}

func timeJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}
