package feed

import (
	"context"
	"errors"
	"time"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader/fetch"
)

// A fetched document into the store: parsed, then written in one
// transaction, or for a long feed written as it is parsed.

// apply stores a parsed document; a store's failure is a *storeError.
func (r *Refresher) apply(ctx context.Context, f store.Feed, resp *fetch.Response, at time.Time, p *Parsed) (int, error) {
	added, err := r.Store.ApplyUpdate(ctx, store.Update{
		FeedID: f.ID, Title: p.Title, SiteURL: p.SiteURL,
		ETag: resp.ETag, LastModified: resp.LastModified, At: at, Items: p.Items, More: p.Rest, Total: p.Total,
	})
	if err != nil && !errors.Is(err, errChunk) {
		return 0, &storeError{err}
	}
	return added, err
}

// parse parses the fetched document; a long one (Parsed.Rest) it also
// stores, a chunk at a time, and then it is done.
func (r *Refresher) parse(ctx context.Context, f store.Feed, resp *fetch.Response, at time.Time) (p *Parsed, added int, done bool, err error) {
	// Only the parse holds the document (or its file, when spooled),
	// so that it goes once parsed and is not held through the store's
	// write (the 7 MB of a 10,000-item feed).
	body := resp.Body
	resp.Body = nil
	if resp.File != nil {
		p, err = parseSpooled(f.URL, resp.File, r.maxItems())
	} else {
		p, err = parseNewest(f.URL, body, r.maxItems(), true)
	}
	if err != nil || p.Rest == nil {
		return p, 0, false, err
	}
	added, err = r.apply(ctx, f, resp, at, p)
	if !errors.Is(err, errChunk) {
		return nil, added, true, err
	}
	// gofeed refused a chunk that the strict walk let through: the
	// transaction rolled back, and the document is parsed whole.
	if resp.File != nil {
		if body, err = resp.File.Bytes(); err != nil {
			return nil, 0, false, &ParseError{URL: f.URL, Reason: "could not be read back from its temporary file"}
		}
	}
	p, err = ParseNewest(f.URL, body, r.maxItems())
	return p, 0, false, err
}
