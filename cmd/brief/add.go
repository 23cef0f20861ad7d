package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/reader"
)

var addCommand = command{
	name:    "add",
	args:    "URL...",
	summary: "subscribe to a feed, or to a site by its home page",
	run:     runAdd,
}

func runAdd(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	urls, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(urls) == 0 {
		return e.usageError("add", "add: no URL given")
	}
	for i, u := range urls {
		addr, err := library.Address(u) // "example.com/feed" gains https://
		if err != nil {
			return e.usageError("add", "add: %v", err)
		}
		urls[i] = addr
	}
	lib, code := e.openLibrary()
	if lib == nil {
		return code
	}
	defer lib.Close()
	ctx := context.Background()
	for _, u := range urls {
		sub, err := lib.Subscribe(ctx, u)
		f, added, n := sub.Feed, sub.Added, sub.New
		if err != nil {
			e.errorf("%s", reader.Clean(err.Error()))
			code = exitFailed
			continue
		}
		if !added {
			fmt.Fprintf(e.stdout, "Already subscribed to %s (%s)\n", reader.Clean(f.Name()), reader.Clean(f.URL))
			continue
		}
		via := ""
		if f.URL != u {
			via = " via " + reader.Clean(u)
		}
		fmt.Fprintf(e.stdout, "Subscribed to %s (%s%s): %s\n", reader.Clean(f.Name()), reader.Clean(f.URL), via, reader.Plural(n, "article"))
		if sub.Trimmed != "" {
			e.errorf("%s", sub.Trimmed)
		}
		if sub.SyncErr != nil {
			// Subscribed here all the same; brief sync tells the server.
			e.errorf("%v (brief sync asks again)", sub.SyncErr)
		}
	}
	return code
}
