package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
		if why := localSource(u); why != "" {
			return e.usageError("add", "add: %s %s", reader.Clean(u), why)
		}
		if !isWebURL(u) && !strings.Contains(u, "://") && strings.Contains(u, ".") && !strings.ContainsAny(u, " \t") {
			urls[i] = "https://" + u // "example.com/feed"
			continue
		}
		if !isWebURL(u) {
			return e.usageError("add", "add: %s is not an http(s) URL", u)
		}
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

// localSource says why a path on this computer cannot be subscribed to,
// or "" when s is not one. brief subscribes to feeds by their web
// address, which a refresh fetches again; a file on disk is a snapshot
// with no address to refresh from, so it is refused as itself rather
// than mistaken for a host name ("https:///path/feed.rss").
func localSource(s string) string {
	pathLike := strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "~") || filepath.IsAbs(s)
	info, err := os.Stat(s)
	switch {
	case err == nil && info.IsDir():
		return "is a folder: `brief add` subscribes to a feed by its web address (http or https)"
	case err == nil && strings.EqualFold(filepath.Ext(s), ".opml"):
		return "is an OPML file: `brief import` subscribes to its feeds"
	case err == nil:
		return "is a local file: `brief add` subscribes to a feed by its web address (http or https), which it refreshes from"
	case pathLike:
		return "does not exist (`brief add` takes a feed's web address)"
	}
	return ""
}

func isWebURL(s string) bool {
	return len(s) > 8 && (s[:7] == "http://" || s[:8] == "https://")
}
