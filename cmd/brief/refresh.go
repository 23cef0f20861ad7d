package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

var refreshCommand = command{
	name:    "refresh",
	args:    "[--quiet] [FEED...]",
	summary: "fetch every subscription (or the FEEDs named)",
	run:     runRefresh,
}

func runRefresh(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("refresh", flag.ContinueOnError)
	quiet := fs.Bool("quiet", false, "print nothing but errors (on stderr)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if !libraryExists() && len(rest) == 0 && !syncConfigured() {
		fmt.Fprintln(e.stdout, "No subscriptions. Subscribe with: brief add URL")
		return exitOK
	}
	var lib *library.Local
	var code int
	if len(rest) > 0 {
		lib, code = e.existingLibrary(rest[0], "subscription")
	} else {
		lib, code = e.openLibrary()
	}
	if lib == nil {
		return code
	}
	defer lib.Close()
	// FEEDs name some subscriptions; none means all.
	var feeds []library.Feed
	for _, n := range rest {
		f, err := lib.FindFeed(context.Background(), n)
		if err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
		feeds = append(feeds, f)
	}
	// Ctrl-C stops the refresh between transactions: what was stored stays.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	live := !*quiet && e.stderrIsTerminal()
	progress := func(p library.Progress) {
		if !live {
			return
		}
		e.progress(p.Line())
	}
	res, err := lib.RefreshFeeds(ctx, feeds, progress)
	if live {
		e.progress("")
	}
	if err != nil {
		e.errorf("refresh: %v", err)
		return exitFailed
	}
	// Each failure is an error on stderr, so that cron mails it even
	// with --quiet; the closing tally is for people.
	for _, f := range res.Failed {
		e.errorf("%s", f.Error())
	}
	for _, n := range res.Trimmed {
		e.errorf("%s", n)
	}
	if !*quiet {
		fmt.Fprintln(e.stdout, reader.Clean(res.Tally()))
	}
	if len(res.Failed) > 0 {
		return exitFailed
	}
	return exitOK
}
