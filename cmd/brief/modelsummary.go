package main

// brief summary --model: the model's summary of one article, streamed
// on a terminal. Without --model `brief summary` is what it was, and
// without a [model] section nothing is sent anywhere.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui"
	"github.com/brief-news/brief/ui/present"
)

// modelClient makes the client for the [model] settings, with the
// library's cache when the library can be opened; closeCache releases
// it. Without a [model] section it reports how to add one.
func (e *env) modelClient() (c *llm.Client, closeCache func(), ok bool) {
	cfg, _, ok := e.loadConfig()
	if !ok {
		return nil, nil, false
	}
	if cfg.Model == nil {
		e.errorf("summary --model: %v", llm.ErrNotConfigured)
		return nil, nil, false
	}
	// The cache is a help, not a need: a library that cannot be opened
	// (a read-only data folder) means asking again next time.
	cache := library.NewModelCache(config.DBPath())
	closeCache = func() { cache.Close() }
	c, err := llm.New(cfg.Model, os.Getenv, cache)
	if err != nil {
		closeCache()
		e.errorf("summary --model: %v", err)
		return nil, nil, false
	}
	return c, closeCache, true
}

// runModelSummary prints the model's summary of a: streamed on a
// terminal, as plain text when piped, as JSON with --json.
func (e *env) runModelSummary(c *llm.Client, a *reader.Article, refresh, asJSON bool, code int) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	in := llm.Input(a.Title, a.Body, a.Lang)
	s := &streamer{e: e}
	if e.tty && !asJSON {
		fmt.Fprint(e.stdout, reader.Clean(modelSummaryHeader(a, c.Model())))
	}
	opts := llm.Options{Refresh: refresh}
	if e.tty && !asJSON {
		opts.Progress = s.progress
	}
	r, err := c.Summarize(ctx, in, opts)
	switch {
	case errors.Is(err, summarizer.ErrEmpty):
		s.end()
		e.errorf("%s: nothing to summarise", a.Location)
		return exitFailed
	case errors.Is(err, context.Canceled):
		s.end()
		return exitFailed
	case err != nil:
		s.end()
		e.errorf("%v", err) // one line naming the endpoint
		return exitFailed
	}
	if r.Cut {
		e.errorf("%s: the article is long: the model summarised its first %s parts", a.Location, reader.Thousands(llm.MaxParts))
	}
	switch {
	case asJSON:
		model := r.Model
		err = jsonout.Write(e.stdout, jsonout.Summary{Article: jsonout.FromArticle(a, true, r.Points), Engine: "model", Model: &model})
	case e.tty:
		s.finish(r.Text)
		if r.Parts > 1 {
			fmt.Fprintf(e.stdout, "\n%s\n", llm.PartsNote(r.Parts))
		}
	default:
		_, err = fmt.Fprint(e.stdout, present.PlainSummary(a, summarizer.Summary{Sentences: r.Points}))
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return code
}

// modelSummaryHeader is the headline and the line naming the model,
// above a streamed summary.
func modelSummaryHeader(a *reader.Article, model string) string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString(reader.CleanLine(a.Title) + "\n")
	}
	b.WriteString("Summary · " + reader.CleanLine(model) + "\n\n")
	return b.String()
}

// streamer writes an answer to the terminal as it grows. The answer so
// far comes cleaned in full each time; what was written is kept, so
// only the new end is written. Should the cleaned text change behind
// what was written (a <think> being closed), the rest waits for the
// final answer.
type streamer struct {
	e       *env
	written string
	status  bool // a "part i of n" line is showing
}

func (s *streamer) progress(p llm.Progress) {
	if p.Part > 0 {
		fmt.Fprintf(s.e.stderr, "\rsummarising part %d of %d…", p.Part, p.Parts)
		s.status = true
		return
	}
	s.clearStatus()
	if strings.HasPrefix(p.Text, s.written) {
		fmt.Fprint(s.e.stdout, p.Text[len(s.written):])
		s.written = p.Text
	}
}

func (s *streamer) clearStatus() {
	if s.status {
		fmt.Fprint(s.e.stderr, "\r\x1b[K")
		s.status = false
	}
}

// finish writes what is left of the final answer.
func (s *streamer) finish(text string) {
	s.clearStatus()
	if strings.HasPrefix(text, s.written) {
		fmt.Fprint(s.e.stdout, text[len(s.written):])
	} else {
		fmt.Fprint(s.e.stdout, "\n\n"+text)
	}
	fmt.Fprintln(s.e.stdout)
}

// end ends a stream cut short, so that the error starts a line.
func (s *streamer) end() {
	s.clearStatus()
	if s.written != "" {
		fmt.Fprintln(s.e.stdout)
	}
}

// readerModel is the reader's model for the [model] settings m, with
// cache: nil (no interface value at all) without a section, so that the
// reader sends nothing.
func readerModel(m *config.Model, cache llm.Cache) ui.ModelSummarizer {
	c, err := llm.New(m, os.Getenv, cache)
	if err != nil {
		return nil
	}
	return c
}
