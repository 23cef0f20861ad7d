package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

var feedsCommand = command{
	name:    "feeds",
	args:    "[--json]",
	summary: "list subscriptions: unread counts, last refresh, errors",
	run:     runFeeds,
}

var removeCommand = command{
	name:    "remove",
	args:    "FEED...",
	summary: "unsubscribe from feeds (saved articles stay)",
	run:     runRemove,
}

func runFeeds(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("feeds", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print a JSON array")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) > 0 {
		return e.usageError("feeds", "feeds: unexpected argument %s", rest[0])
	}
	if !libraryExists() && !*asJSON {
		fmt.Fprintln(e.stdout, "No subscriptions. Subscribe with: brief add URL")
		return exitOK
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	feeds, err := lib.Feeds(context.Background())
	if err != nil {
		return e.failed(err)
	}
	if *asJSON {
		out := make([]jsonout.Feed, 0, len(feeds))
		for i := range feeds {
			out = append(out, jsonout.FromFeed(&feeds[i]))
		}
		if err := jsonout.Write(e.stdout, out); err != nil {
			return e.failed(err)
		}
		return exitOK
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.stdout, "No subscriptions. Subscribe with: brief add URL")
		return exitOK
	}
	now := time.Now()
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFEED\tUNREAD\tTOTAL\tREFRESHED\tURL")
	for _, f := range feeds {
		state := ago(f.Updated, now)
		if f.Error != "" {
			// One line, and short: a long error would push the URL
			// column off the screen (brief feeds --json has it whole).
			state = truncate("failed "+ago(f.Checked, now)+": "+reader.CleanLine(f.Error), maxStateWidth)
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\n", f.ID, truncate(f.Name(), 40), f.Unread, f.Total, state, library.ShortURL(f.URL))
	}
	tw.Flush()
	fmt.Fprint(e.stdout, reader.Clean(b.String()))
	return exitOK
}

// maxStateWidth bounds the REFRESHED column: "failed 2 hours ago: " and
// the start of the error.
const maxStateWidth = 48

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func runRemove(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("remove", flag.ContinueOnError)
	names, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(names) == 0 {
		return e.usageError("remove", "remove: no FEED given")
	}
	lib, code := e.existingLibrary(names[0], "subscription")
	if lib == nil {
		return code
	}
	defer lib.Close()
	ctx := context.Background()
	for _, n := range names {
		f, err := lib.FindFeed(ctx, n)
		if err == nil {
			err = lib.RemoveFeed(ctx, f.ID)
		}
		if err != nil {
			e.errorf("%v", err)
			code = exitFailed
			continue
		}
		fmt.Fprintf(e.stdout, "Unsubscribed from %s (%s)\n", reader.Clean(f.Name()), reader.Clean(f.URL))
	}
	return code
}
