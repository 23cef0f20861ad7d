package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
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
	var arr *jsonout.Array
	each := lib.EachHeadline
	if asJSON {
		each = lib.EachListed
		arr = jsonout.NewArray(w)
		row = func(it *library.Item) error { return arr.Add(jsonout.FromItem(it, nil, false)) }
	} else {
		// One line buffer for every row, and each feed's name cleaned
		// once: the same few names are on every row.
		var line []byte
		feeds := map[string]string{}
		row = func(it *library.Item) error {
			marks := [2]byte{' ', ' '}
			if !it.Read {
				marks[0] = '*'
			}
			if it.Saved {
				marks[1] = 'S'
			}
			feed, ok := feeds[it.Feed]
			if !ok {
				feed = reader.CleanLine(it.Feed)
				feeds[it.Feed] = feed
			}
			line = strconv.AppendInt(line[:0], it.ID, 10)
			line = append(line, '\t', marks[0], marks[1], '\t')
			line = it.Date().AppendFormat(line, "2006-01-02")
			line = append(append(line, '\t'), feed...)
			line = append(append(line, '\t'), reader.CleanLine(it.Title)...)
			line = append(append(line, '\t'), it.Location()...)
			_, err := w.Write(append(line, '\n'))
			return err
		}
	}
	if err := each(context.Background(), v, feedArg, row); err != nil {
		// Rows already written stay written: flush them before the error.
		w.Flush()
		return e.failed(err)
	}
	if arr != nil {
		err = arr.Close()
	} else {
		err = w.Flush()
	}
	if err != nil {
		return e.failed(err)
	}
	return exitOK
}
