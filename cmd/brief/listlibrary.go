package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

// listLibrary is `brief list` without SOURCE: the library's articles,
// newest first, one line each: number, marks, date, feed, title, URL.
// view is all, unread or saved; feedArg names one feed ("" for all).
func (e *env) listLibrary(asJSON bool, view, feedArg string) int {
	v, err := library.ParseView(view)
	if err != nil {
		return e.usageError("list", "list: %v", err)
	}
	if !libraryExists() {
		if asJSON {
			fmt.Fprintln(e.stdout, "[]")
			return exitOK
		}
		fmt.Fprintln(e.stdout, "No subscriptions. Subscribe with: brief add URL (or name a SOURCE: brief list FILE...)")
		return exitOK
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	items, err := lib.List(context.Background(), v, feedArg)
	if err != nil {
		return e.failed(err)
	}
	if asJSON {
		out := make([]itemJSON, 0, len(items))
		for i := range items {
			out = append(out, toItemJSON(&items[i], nil, false))
		}
		if err := writeJSON(e.stdout, out); err != nil {
			return e.failed(err)
		}
		return exitOK
	}
	var b strings.Builder
	for _, it := range items {
		marks := []byte("  ")
		if !it.Read {
			marks[0] = '*'
		}
		if it.Saved {
			marks[1] = 'S'
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\n", it.ID, marks, it.Date().Format("2006-01-02"),
			reader.CleanLine(it.Feed), reader.CleanLine(it.Title), it.Location())
	}
	if _, err := fmt.Fprint(e.stdout, b.String()); err != nil {
		return e.failed(err)
	}
	return exitOK
}
