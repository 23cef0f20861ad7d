package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

var importCommand = command{
	name:    "import",
	args:    "FILE.opml",
	summary: "subscribe to the feeds of an OPML file (- for stdin)",
	run:     runImport,
}

var exportCommand = command{
	name:    "export",
	args:    "",
	summary: "print the subscriptions as OPML 2.0",
	run:     runExport,
}

func runImport(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	files, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(files) != 1 {
		return e.usageError("import", "import: give one OPML file")
	}
	name := files[0]
	data, err := reader.ReadSource(name, e.stdin)
	if err != nil {
		return e.failed(err)
	}
	outs, err := library.ParseOPML(name, data)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	added, err := lib.Import(context.Background(), outs)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "Imported %d of %s from %s (%d already subscribed). Run brief refresh to fetch them.\n",
		added, reader.Plural(len(outs), "feed"), name, len(outs)-added)
	return exitOK
}

func runExport(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(rest) > 0 {
		return e.usageError("export", "export: unexpected argument %s (it writes to stdout)", rest[0])
	}
	var feeds []library.Feed
	if libraryExists() {
		lib, code := e.openLibrary()
		if lib == nil {
			return code
		}
		defer lib.Close()
		feeds, err = lib.Feeds(context.Background())
		if err != nil {
			return e.failed(err)
		}
	}
	if err := library.WriteOPML(e.stdout, feeds, time.Now()); err != nil {
		return e.failed(err)
	}
	return exitOK
}
