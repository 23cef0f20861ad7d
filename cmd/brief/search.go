package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

var searchCommand = command{
	name:    "search",
	args:    "[--json] [--limit N] QUERY...",
	summary: "full-text search over every stored article",
	run:     runSearch,
}

func runSearch(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 20, "show at most `N` articles")
	words, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(words) == 0 {
		return e.usageError("search", "search: no QUERY given")
	}
	if *limit <= 0 {
		return e.usageError("search", "search: --limit must be positive")
	}
	query := strings.Join(words, " ")
	var hits []library.Hit
	if libraryExists() {
		lib, code := e.openLibrary()
		if lib == nil {
			return code
		}
		defer lib.Close()
		hits, err = lib.Search(context.Background(), query, *limit)
		if errors.Is(err, library.ErrEmptyQuery) {
			return e.usageError("search", "search: %q has no words to search for", query)
		}
		if err != nil {
			return e.failed(err)
		}
	}
	// Written as built, through a buffer: --limit can ask for every
	// article, and the first hits need not wait for the last.
	w := streamWriter(e.stdout)
	if *asJSON {
		arr := jsonout.NewArray(w)
		for i := range hits {
			if err := arr.Add(jsonout.FromHit(&hits[i])); err != nil {
				return e.failed(err)
			}
		}
		if err := arr.Close(); err != nil {
			return e.failed(err)
		}
		return exitOK
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.stdout, "No article matches %q.\n", query)
		return exitOK
	}
	for i, h := range hits {
		if i > 0 {
			w.WriteString("\n")
		}
		title := h.Title
		if e.tty {
			title = "\x1b[1m" + title + "\x1b[0m"
		}
		fmt.Fprintf(w, "%s\n  %s · %s · #%d\n", title, h.Feed, h.Date().Format("2 Jan 2006"), h.ID)
		if h.Snippet != "" {
			w.WriteString("  " + highlight(h.Snippet, h.Highlights, e.tty) + "\n")
		}
	}
	if err := w.Flush(); err != nil {
		return e.failed(err)
	}
	return exitOK
}

// highlight shows the matched words of a snippet: reversed on a
// terminal, as they are in pipes. The snippet is one line.
func highlight(s string, hl [][2]int, tty bool) string {
	clean := reader.CleanLine
	if !tty || len(hl) == 0 {
		return clean(s)
	}
	var b strings.Builder
	at := 0
	for _, r := range hl {
		if r[0] < at || r[1] > len(s) {
			continue
		}
		b.WriteString(clean(s[at:r[0]]))
		if at < r[0] && isSpaceByte(s[r[0]-1]) {
			b.WriteByte(' ')
		}
		b.WriteString("\x1b[7m" + clean(s[r[0]:r[1]]) + "\x1b[0m")
		if r[1] < len(s) && isSpaceByte(s[r[1]]) {
			b.WriteByte(' ')
		}
		at = r[1]
	}
	b.WriteString(clean(s[at:]))
	return b.String()
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
