package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/feed"
)

var refreshCommand = command{
	name:    "refresh",
	args:    "[--quiet]",
	summary: "fetch every subscription",
	run:     runRefresh,
}

func runRefresh(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("refresh", flag.ContinueOnError)
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) > 0 {
		return e.usageError("refresh", "refresh: unexpected argument %s (it refreshes every subscription)", rest[0])
	}
	if !libraryExists() {
		fmt.Fprintln(e.stdout, "No subscriptions. Subscribe with: brief add URL")
		return exitOK
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	// Ctrl-C stops the refresh between transactions: what was stored stays.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	live := !*quiet && e.stderrIsTerminal()
	progress := func(p feed.Progress) {
		if !live {
			return
		}
		state := fmt.Sprintf("%d new", p.New)
		switch {
		case p.Err != nil:
			state = "failed"
		case p.NotModified:
			state = "unchanged"
		}
		line := fmt.Sprintf("[%d/%d] %s: %s", p.Done, p.Total, reader.Clean(feed.ShortURL(p.Feed.URL)), state)
		if e.width > 0 && len(line) > e.width-1 {
			line = line[:e.width-1]
		}
		fmt.Fprintf(e.stderr, "\r\x1b[K%s", line)
	}
	res, err := lib.Refresh(ctx, progress)
	if live {
		fmt.Fprint(e.stderr, "\r\x1b[K")
	}
	if err != nil {
		e.errorf("refresh: %v", err)
		return exitFailed
	}
	if len(res.Failed) > 1 {
		for _, f := range res.Failed {
			e.errorf("%s", reader.Clean(f.Error()))
		}
	}
	if !*quiet || len(res.Failed) > 0 {
		fmt.Fprintln(e.stdout, reader.Clean(res.Summary()))
	}
	if len(res.Failed) > 0 {
		return exitFailed
	}
	return exitOK
}
