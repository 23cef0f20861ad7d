package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
)

var syncCommand = command{
	name:    "sync",
	args:    "[--status] [--quiet]",
	summary: "sync subscriptions, articles and marks with the feed server ([sync] in config.toml)",
	run:     runSync,
}

func runSync(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	status := fs.Bool("status", false, "show the last sync and what waits to be sent, without syncing")
	quiet := fs.Bool("quiet", false, "print nothing but errors (on stderr)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) > 0 {
		return e.usageError("sync", "sync: unexpected argument %s", rest[0])
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	if !lib.SyncEnabled() {
		e.errorf("sync: %v", library.ErrNoSync)
		return exitFailed
	}
	if *status {
		return e.syncStatus(lib)
	}
	// Ctrl-C stops the sync between pages: what was stored stays, and
	// the next sync goes on from there.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	live := !*quiet && e.stderrIsTerminal()
	res, err := lib.Sync(ctx, func(p library.SyncProgress) {
		if live {
			e.progress(p.Line())
		}
	})
	if live {
		e.progress("")
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = errors.New("stopped; the next sync goes on from where this one got to")
		}
		e.errorf("sync: %v", err)
		return exitFailed
	}
	for _, r := range res.Refused {
		e.errorf("%v", r)
	}
	if !*quiet {
		fmt.Fprintln(e.stdout, res.Summary())
	}
	if len(res.Refused) > 0 {
		return exitFailed
	}
	return exitOK
}

// syncConfigured reports whether the settings name a server to sync
// with: a refresh then syncs even before the library exists.
func syncConfigured() bool {
	cfg, err := config.Load(config.Path())
	return err == nil && cfg.Sync.Enabled()
}

// syncStatus prints what the library knows of its sync, offline.
func (e *env) syncStatus(lib *library.Local) int {
	st, err := lib.SyncStatus(context.Background())
	if err != nil {
		return e.failed(err)
	}
	cfg := lib.Config.Sync
	fmt.Fprintf(e.stdout, "server:   %s (%s)\n", reader.CleanLine(cfg.URL), cfg.Kind)
	last := "never"
	if !st.LastSync.IsZero() {
		last = st.LastSync.Format(time.DateTime) + " (" + time.Since(st.LastSync).Round(time.Second).String() + " ago)"
	}
	fmt.Fprintf(e.stdout, "last:     %s\n", last)
	if st.LastError != "" {
		fmt.Fprintf(e.stdout, "failed:   %s\n", reader.CleanLine(st.LastError))
	}
	fmt.Fprintf(e.stdout, "synced:   %s, %s\n", reader.Plural(st.Feeds, "feed"), reader.Plural(st.Items, "article"))
	fmt.Fprintf(e.stdout, "to send:  %s, %s\n", reader.Plural(st.PendingMarks, "mark"), reader.Plural(st.PendingUnsubs, "unsubscription"))
	folders, err := lib.Folders(context.Background())
	if err != nil {
		return e.failed(err)
	}
	if len(folders) > 0 {
		fmt.Fprintf(e.stdout, "folders:  %s (F in the reader shows each)\n", reader.CleanLine(strings.Join(folders, ", ")))
	}
	return exitOK
}
