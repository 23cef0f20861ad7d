package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/ui"
)

// The library commands (add, remove, feeds, refresh, import, export,
// search, open, mark, save, and list without SOURCE) work on the
// subscriptions database at $XDG_DATA_HOME/brief/brief.db.

// openLibrary opens the library with the user's settings, reporting a
// failure on stderr, and each setting it cannot use as a warning.
func (e *env) openLibrary() (*library.Local, int) {
	cfg, _, ok := e.loadConfig()
	if !ok {
		return nil, exitFailed
	}
	lib, err := library.Open(config.DBPath(), cfg)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitFailed
	}
	// Opened read-only as of its last checkpoint: the list may lack
	// the latest changes.
	if w := lib.Warning(); w != nil {
		e.errorf("%v", w)
	}
	return lib, exitOK
}

// loadConfig reads the settings file, warning on stderr about each
// setting it cannot use (the default stands in for it) and returning how
// many those were; false when the file cannot be read at all.
func (e *env) loadConfig() (config.Config, int, bool) {
	cfg, warns, err := config.LoadChecked(config.Path())
	if err != nil {
		e.errorf("%v", err)
		return cfg, 0, false
	}
	for _, w := range warns {
		e.errorf("%v", w)
	}
	return cfg, len(warns), true
}

// existingLibrary opens the library for a command about something in
// it; when there is no library yet, it reports that arg is not there.
func (e *env) existingLibrary(arg, what string) (*library.Local, int) {
	if !libraryExists() {
		e.errorf("%s: no such %s (there are no subscriptions yet)", arg, what)
		return nil, exitFailed
	}
	return e.openLibrary()
}

// libraryExists reports whether the library database exists
// (library.Exists: without creating it).
func libraryExists() bool { return library.Exists(config.DBPath()) }

// openExistingLibrary opens the library when it exists and holds
// subscriptions or articles; nil otherwise.
func (e *env) openExistingLibrary() (*library.Local, int) {
	if !libraryExists() {
		return nil, exitOK
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return nil, code
	}
	ok, err := lib.HasFeeds(context.Background())
	if err != nil || !ok {
		lib.Close()
		if err != nil {
			e.errorf("%s: %v", config.DBPath(), err)
			return nil, exitFailed
		}
		return nil, exitOK
	}
	return lib, exitOK
}

// stderrIsTerminal tells whether progress lines can be redrawn in place.
func (e *env) stderrIsTerminal() bool {
	f, ok := e.stderr.(*os.File)
	return ok && term.IsTerminal(f.Fd()) && os.Getenv("TERM") != "dumb"
}

// progress redraws stderr's last line as line (refresh and sync, where
// stderrIsTerminal), cut to the width: a line that wrapped would not be
// overwritten by the next. "" clears it.
func (e *env) progress(line string) {
	if e.width > 0 {
		line = ansi.Truncate(line, e.width-1, "")
	}
	fmt.Fprintf(e.stderr, "\r\x1b[K%s", line)
}

// ago says how long ago t was, for people: "5 min ago", "3 days ago".
func ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
}

// libraryTUILimit is how many of the newest articles the library view
// loads: opening stays instant with 100,000 stored.
const libraryTUILimit = 2000

// runLibrary opens the interactive reader on the library: stored
// articles at once, newest first, read marks kept in the library.
func (e *env) runLibrary(lib *library.Local, style string) int {
	ctx := context.Background()
	src, err := library.NewSource(ctx, lib, library.Filter{Limit: libraryTUILimit})
	if err != nil {
		return e.failed(err)
	}
	err = ui.Run(ctx, nil, ui.Options{Style: style, Output: e.stdout, Library: src, Keys: lib.Config.Keys, Colors: lib.Config.Colors,
		Model: readerModel(lib.Config.Model, lib.Store), ModelFirst: lib.Config.Summary == config.SummaryModel})
	return e.readerDone(err, exitOK)
}
