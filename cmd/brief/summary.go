package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/present"
)

var summaryCommand = command{
	name:    "summary",
	args:    "[--sentences N] [--words N] [--json] [--plain] [--model [--refresh]] SOURCE [SOURCE...]",
	summary: "print an article's key sentences (--plain: of any text, a file or -; --model: the model's summary)",
	run:     runSummary,
}

func runSummary(e *env, cmd *command, args []string) int {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	plain := fs.Bool("plain", false, "summarise SOURCE as plain body text (no headline, widget or link lines)")
	sentences := fs.Int("sentences", 0, "number of sentences (default 3)")
	words := fs.Int("words", 0, "word budget instead of a sentence count")
	style := fs.String("style", "auto", "glamour style on a terminal")
	model := fs.Bool("model", false, "ask the model in config.toml's [model] section for a written summary (streamed on a terminal)")
	refresh := fs.Bool("refresh", false, "with --model: ask again rather than show the stored answer")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return e.handleParseError(cmd, fs, err)
	}
	if len(sources) == 0 {
		return e.usageError("summary", "summary: no SOURCE given")
	}
	if err := checkStyle(*style); err != nil {
		return e.usageError("summary", "summary: %v", err)
	}
	if *sentences < 0 || *words < 0 {
		return e.usageError("summary", "summary: --sentences and --words must not be negative")
	}
	if *plain && len(sources) > 1 {
		return e.usageError("summary", "summary: --plain takes one SOURCE")
	}
	if *refresh && !*model {
		return e.usageError("summary", "summary: --refresh goes with --model")
	}
	if *model && len(sources) > 1 {
		return e.usageError("summary", "summary: --model takes one SOURCE")
	}
	if *model && (*sentences > 0 || *words > 0) {
		return e.usageError("summary", "summary: --sentences and --words are for the offline summary, not --model")
	}
	var mc *llm.Client
	if *model {
		// Before the article: without a [model] section, say so at once.
		c, closeCache, ok := e.modelClient()
		if !ok {
			return exitFailed
		}
		defer closeCache()
		mc = c
	}
	var a *reader.Article
	code := exitOK
	if *plain {
		text, err := reader.ReadText(sources[0], e.stdin)
		if err != nil {
			return e.failed(err)
		}
		a = &reader.Article{Location: sources[0], Body: text, Words: reader.CountWords(text)}
	} else if a, code = e.openFirst("summary", sources); a == nil {
		return code
	}
	if mc != nil {
		return e.runModelSummary(mc, a, *refresh, *asJSON, code)
	}
	sum, err := present.Summarize(a, summarizer.Options{Sentences: *sentences, MaxWords: *words})
	if errors.Is(err, summarizer.ErrEmpty) {
		e.errorf("%s: nothing to summarise", a.Location)
		return exitFailed
	} else if err != nil {
		return e.failed(err)
	}
	if sum.Truncated && (*asJSON || !e.tty) {
		// On a terminal the summary itself says so (SummaryMarkdown).
		e.errorf("%s", present.LongSummaryWarning(a.Location))
	}
	switch {
	case *asJSON:
		err = jsonout.Write(e.stdout, jsonout.Summary{Article: jsonout.FromArticle(a, true, sum.Sentences), Engine: "offline", Short: sum.Short})
	case e.tty:
		// The reader's summary view, under the headline and meta line.
		var out string
		if out, err = render(present.SummaryHeader(a)+present.SummaryMarkdown(sum, nil), *style, e.width); err == nil {
			_, err = fmt.Fprint(e.stdout, out)
		}
	default:
		_, err = fmt.Fprint(e.stdout, present.PlainSummary(a, sum))
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return code
}
