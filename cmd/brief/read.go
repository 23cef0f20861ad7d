package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/present"
)

var readCommand = command{
	name:    "read",
	args:    "[--json] [--style S] SOURCE [SOURCE...]",
	summary: "print an article (further SOURCEs are the collection its links resolve in)",
	run:     runRead,
}

func runRead(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("read", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	style := fs.String("style", "auto", "glamour style on a terminal")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(sources) == 0 {
		return e.usageError("read", "read: no SOURCE given")
	}
	if err := checkStyle(*style); err != nil {
		return e.usageError("read", "read: %v", err)
	}
	a, c, code := e.openFirstIn("read", sources)
	if a == nil {
		return code
	}
	routes := readRoutes(c, a)
	switch {
	case *asJSON:
		sum, _ := present.Summarize(a, summarizer.Options{})
		j := jsonout.FromArticle(a, true, sum.Sentences)
		j.Route = jsonout.FromRoutes(routes)
		err = jsonout.Write(e.stdout, j)
	case e.tty:
		err = renderTo(e.stdout, markdownArticle(a, routes, a.Body, "", present.ReadCommand(sources[0])), *style, e.width)
	default:
		_, err = fmt.Fprint(e.stdout, plainArticle(a, routes))
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return code
}

// readRoutes is where previous and next lead from a, as the reader
// would have it on collection c: the articles named on the command line,
// in list order.
func readRoutes(c *reader.Collection, a *reader.Article) reader.Routes {
	return reader.FindRoutes(reader.ReadingOrder(c), nil, a)
}

// openFirst loads the sources as one collection and returns, fully read,
// the article of the first: the one to show. Further sources only give
// its links something to resolve to.
func (e *env) openFirst(cmd string, sources []string) (*reader.Article, int) {
	a, _, code := e.openFirstIn(cmd, sources)
	return a, code
}

// openFirstIn is openFirst that also returns the collection the article
// is read in.
func (e *env) openFirstIn(cmd string, sources []string) (*reader.Article, *reader.Collection, int) {
	c, code, _ := e.loadOrSample(sources)
	if c == nil {
		return nil, nil, code
	}
	e.warnSkipped(c)
	first := sources[0]
	found := c.From(first)
	switch {
	case len(found) == 0:
		return nil, nil, exitFailed // its error was reported by the load
	case len(found) > 1:
		return nil, nil, e.usageError(cmd, "%s: %s holds %d articles; name one file (brief list shows them)", cmd, first, len(found))
	}
	a, err := c.Open(context.Background(), found[0])
	if err != nil {
		return nil, nil, e.failed(err)
	}
	return a, c, code
}
