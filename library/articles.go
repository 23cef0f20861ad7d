package library

// The articles as the commands name them: by id or URL.

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// FindItem resolves an article argument: an id from `brief list` (or
// "#id", as `brief search` shows it), an item:ID location, or an article
// URL.
func (l *Local) FindItem(ctx context.Context, arg string) (int64, error) {
	if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil && id > 0 {
		if _, err := l.Store.Item(ctx, id); err != nil {
			return 0, fmt.Errorf("article %s is not in the library", arg)
		}
		return id, nil
	}
	id, err := l.Lookup(ctx, arg)
	if err != nil {
		return 0, err
	}
	if id == 0 {
		return 0, fmt.Errorf("%s is not in the library (brief list shows its articles)", arg)
	}
	return id, nil
}

// MarkRead sets or clears the read mark of the article arg names
// (FindItem).
func (l *Local) MarkRead(ctx context.Context, arg string, read bool) error {
	id, err := l.FindItem(ctx, arg)
	if err != nil {
		return err
	}
	return l.SetRead(ctx, id, read)
}

// MarkSaved sets or clears the saved mark of the article arg names
// (FindItem).
func (l *Local) MarkSaved(ctx context.Context, arg string, saved bool) error {
	id, err := l.FindItem(ctx, arg)
	if err != nil {
		return err
	}
	return l.SetSaved(ctx, id, saved)
}

// List lists a view of the library, newest first, without bodies: the
// feed named by feedArg (FindFeed), or every feed when it is "".
func (l *Local) List(ctx context.Context, v View, feedArg string) ([]Item, error) {
	var out []Item
	err := l.EachListed(ctx, v, feedArg, func(it *Item) error {
		out = append(out, *it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachListed is List one article at a time, as the store reads them:
// fn sees each Item (reused for the next: copy it to keep it) and can
// stop the walk by returning an error, which EachListed returns. What
// prints a whole library streams through it, so the first rows are out
// at once and memory stays flat.
func (l *Local) EachListed(ctx context.Context, v View, feedArg string, fn func(*Item) error) error {
	f, err := l.listFilter(ctx, v, feedArg)
	if err != nil {
		return err
	}
	return l.Store.EachItem(ctx, f, fn)
}

// EachHeadline is EachListed with only what a one-line listing prints
// (store.EachHeadline): the whole library's in a fraction of the time.
func (l *Local) EachHeadline(ctx context.Context, v View, feedArg string, fn func(*Item) error) error {
	f, err := l.listFilter(ctx, v, feedArg)
	if err != nil {
		return err
	}
	return l.Store.EachHeadline(ctx, f, fn)
}

// listFilter is the filter of a view of the feed feedArg names
// (FindFeed), or of every feed when it is "".
func (l *Local) listFilter(ctx context.Context, v View, feedArg string) (Filter, error) {
	f := Filter{View: v}
	if feedArg != "" {
		fd, err := l.FindFeed(ctx, feedArg)
		if err != nil {
			return f, err
		}
		f.FeedID = fd.ID
	}
	return f, nil
}
