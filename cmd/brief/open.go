package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

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
	args:    "[--unread] ARTICLE...",
	summary: "mark library articles read (--unread: unread)",
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
		err = writeJSON(e.stdout, toItemJSON(&ent.Item, a, true))
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
			var out string
			out, err = render(markdownArticle(&shown, routes, a.Body, "*"+from+"*", "brief open "+present.ShellQuote(rest[0])+" | less"), *style, e.width)
			if err == nil {
				_, err = fmt.Fprint(e.stdout, out)
			}
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
