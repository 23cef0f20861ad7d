package main

import (
	"context"
	"fmt"

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
	// Rows stream: each is written as the store reads it, so the first
	// are out at once, `| head` stops the walk early, and memory stays
	// flat however large the library.
	w := streamWriter(e.stdout)
	var row func(*library.Item) error
	var arr *jsonArray
	if asJSON {
		arr = newJSONArray(w)
		row = func(it *library.Item) error { return arr.add(toItemJSON(it, nil, false)) }
	} else {
		row = func(it *library.Item) error {
			marks := []byte("  ")
			if !it.Read {
				marks[0] = '*'
			}
			if it.Saved {
				marks[1] = 'S'
			}
			_, err := fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", it.ID, marks, it.Date().Format("2006-01-02"),
				reader.CleanLine(it.Feed), reader.CleanLine(it.Title), it.Location())
			return err
		}
	}
	if err := lib.EachListed(context.Background(), v, feedArg, row); err != nil {
		// Rows already written stay written: flush them before the error.
		w.Flush()
		return e.failed(err)
	}
	if arr != nil {
		err = arr.close()
	} else {
		err = w.Flush()
	}
	if err != nil {
		return e.failed(err)
	}
	return exitOK
}
