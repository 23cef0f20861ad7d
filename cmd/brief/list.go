package main

import (
	"flag"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/reader"
)

var listCommand = command{
	name:    "list",
	args:    "[--json] [SOURCE...]",
	summary: "print one line per article (no SOURCE: the library)",
	run:     runList,
}

func runList(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print a JSON array")
	view := fs.String("view", "all", "without SOURCE: all, unread or saved articles of the library")
	feedName := fs.String("feed", "", "without SOURCE: only this subscription's articles (URL, number or title)")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(sources) == 0 {
		return e.listLibrary(*asJSON, *view, *feedName)
	}
	c, code, _ := e.loadOrSample(sources)
	if c == nil {
		return code
	}
	e.warnSkipped(c)
	w := streamWriter(e.stdout)
	if *asJSON {
		arr := jsonout.NewArray(w)
		for _, a := range c.Articles {
			if err := arr.Add(jsonout.FromArticle(a, false, nil)); err != nil {
				return e.failed(err)
			}
		}
		if err := arr.Close(); err != nil {
			return e.failed(err)
		}
		return code
	}
	for _, a := range c.Articles {
		// Clean the location: file names can carry escape sequences.
		w.WriteString(a.DisplayTitle() + "\t" + reader.Clean(a.Location) + "\n")
	}
	if err := w.Flush(); err != nil {
		return e.failed(err)
	}
	return code
}
