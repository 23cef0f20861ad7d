package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/present"
)

var openCommand = command{
	name:    "open",
	args:    "[--json] [--style S] ARTICLE",
	summary: "print a library article and mark it read",
	run:     runOpen,
}

var markCommand = command{
	name:    "mark",
	args:    "[--unread] ARTICLE... | --all [--feed FEED]",
	summary: "mark library articles read (--unread: unread; --all: every one, or a feed's)",
	run:     runMark,
}

var saveCommand = command{
	name:    "save",
	args:    "[--undo] ARTICLE...",
	summary: "save library articles: kept forever (--undo)",
	run:     runSave,
}

func runOpen(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("open", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	style := fs.String("style", "auto", "glamour style on a terminal")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) != 1 {
		return e.usageError("open", "open: name one ARTICLE")
	}
	lib, code := e.existingLibrary(rest[0], "article")
	if lib == nil {
		return code
	}
	defer lib.Close()
	ctx := context.Background()
	id, err := lib.FindItem(ctx, rest[0])
	if err != nil {
		return e.failed(err)
	}
	ent, err := lib.Open(ctx, id)
	if err != nil {
		return e.failed(err)
	}
	if ent.PageErr != nil {
		e.errorf("showing the feed's summary: %v", ent.PageErr)
	}
	a := ent.Article
	if *asJSON {
		err = jsonout.Write(e.stdout, jsonout.FromItem(&ent.Item, a, true))
	} else {
		from := "Text from the feed"
		if ent.Source == library.FromPage {
			from = "Text from the article's page"
		} else if ent.Teaser {
			from = "Summary from the feed"
		}
		shown := *a
		// Outside the reader's list: where its links lead on their own.
		routes := reader.FindRoutes(nil, nil, a)
		if e.tty {
			err = renderTo(e.stdout, markdownArticle(&shown, routes, a.Body, "*"+from+"*", "brief open "+present.ShellQuote(rest[0])+" | less"), *style, e.width)
		} else {
			shown.Body = strings.TrimSpace(a.Body) + "\n\n(" + from + ")"
			_, err = fmt.Fprint(e.stdout, plainArticle(&shown, routes))
		}
	}
	if err != nil {
		return e.failed(err)
	}
	if ent.SaveErr != nil {
		// Shown all the same: a read-only or full data folder keeps
		// the library readable.
		e.errorf("not saved: %v", ent.SaveErr)
	}
	return exitOK
}

func runMark(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("mark", flag.ContinueOnError)
	unread := fs.Bool("unread", false, "mark unread instead")
	all := fs.Bool("all", false, "mark every unread article read (newsboat's A)")
	feedArg := fs.String("feed", "", "with --all: only this feed's (id, URL or title)")
	if slices.Contains(args, "--all") || slices.Contains(args, "-all") {
		return e.markAll(cmd, fs, args, all, unread, feedArg)
	}
	return e.setMarks(cmd, fs, args, func(ctx context.Context, lib *library.Local, arg string) error {
		return lib.MarkRead(ctx, arg, !*unread)
	})
}

func runSave(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("save", flag.ContinueOnError)
	undo := fs.Bool("undo", false, "unsave instead")
	return e.setMarks(cmd, fs, args, func(ctx context.Context, lib *library.Local, arg string) error {
		return lib.MarkSaved(ctx, arg, !*undo)
	})
}

// markAll is brief mark --all [--feed FEED]: every unread article of
// the library, or of one feed, marked read at once.
func (e *env) markAll(cmd *command, fs *flag.FlagSet, args []string, all, unread *bool, feedArg *string) int {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	switch {
	case len(rest) > 0:
		return e.usageError(cmd.name, "mark: --all takes no ARTICLE (--feed FEED names a feed)")
	case *unread:
		return e.usageError(cmd.name, "mark: --all marks read; --unread takes ARTICLEs")
	case !*all:
		return e.usageError(cmd.name, "mark: no ARTICLE given")
	}
	if *feedArg == "" && !libraryExists() {
		fmt.Fprintln(e.stdout, "Marked 0 articles read (no subscriptions yet)")
		return exitOK
	}
	lib, code := e.existingLibrary(*feedArg, "subscription")
	if lib == nil {
		return code
	}
	defer lib.Close()
	ctx := context.Background()
	f := library.Filter{}
	if *feedArg != "" {
		fd, err := lib.FindFeed(ctx, *feedArg)
		if err != nil {
			return e.failed(err)
		}
		f.FeedID = fd.ID
	}
	n, err := lib.MarkAllRead(ctx, f)
	if err != nil {
		return e.failed(err)
	}
	fmt.Fprintf(e.stdout, "Marked %s read\n", reader.Plural(n, "article"))
	return exitOK
}

func (e *env) setMarks(cmd *command, fs *flag.FlagSet, args []string, set func(context.Context, *library.Local, string) error) int {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) == 0 {
		return e.usageError(cmd.name, "%s: no ARTICLE given", cmd.name)
	}
	lib, code := e.existingLibrary(rest[0], "article")
	if lib == nil {
		return code
	}
	defer lib.Close()
	ctx := context.Background()
	for _, arg := range rest {
		if err := set(ctx, lib, arg); err != nil {
			e.errorf("%v", reader.Clean(err.Error()))
			code = exitFailed
		}
	}
	return code
}
