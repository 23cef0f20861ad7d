package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/brief-news/brief/cmd/brief/internal/stopkeys"
	"github.com/brief-news/brief/internal/sample"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// run is brief's whole command line: a subcommand, or the interactive
// reader on the sources given (the sample edition when there are none).
func run(e *env, args []string) int {
	if len(args) > 0 {
		if args[0] == "help" {
			if len(args) > 1 && findCommand(args[1]) != nil {
				c := findCommand(args[1])
				return c.run(e, c, []string{"--help"})
			}
			fmt.Fprint(e.stdout, mainUsage())
			return exitOK
		}
		if c := findCommand(args[0]); c != nil {
			return c.run(e, c, args[1:])
		}
	}
	fs := flag.NewFlagSet(programName, flag.ContinueOnError)
	style := fs.String("style", "auto", "glamour style: auto, dark, light, notty, dracula, tokyo-night, pink, ascii")
	showVersion := fs.Bool("version", false, "print the version and exit")
	sources, err := parseFlags(fs, args)
	if err == flag.ErrHelp {
		fmt.Fprint(e.stdout, mainUsage())
		return exitOK
	}
	if err != nil {
		return e.usageError("", "%v", err)
	}
	if *showVersion {
		fmt.Fprintln(e.stdout, programName, versionString())
		return exitOK
	}
	if err := checkStyle(*style); err != nil {
		return e.usageError("", "%v", err)
	}
	for _, s := range sources {
		if reader.IsURL(s) { // the reader opens once the pages are in
			e.errorf("fetching %s … (esc stops)", s)
		}
	}
	if len(sources) == 0 { // with subscriptions, brief opens the library
		if lib, code := e.openExistingLibrary(); lib != nil {
			defer lib.Close()
			return e.runLibrary(lib, *style)
		} else if code != exitOK {
			return code
		}
	}
	c, code, loadErr := e.loadOrSample(sources)
	if c == nil {
		return code
	}
	// Sources that failed were reported on stderr, which the reader's
	// screen covers: its status bar names them too.
	c.Skipped = append(errorList(loadErr), c.Skipped...)
	// The settings' [keys] and [colors]; a file brief cannot read was
	// reported on stderr, and the defaults stand in.
	cfg, _, _ := e.loadConfig()
	err = runTUI(e.stdout, c, tuiOptions{Style: *style, Sample: len(sources) == 0, Config: cfg})
	return e.readerDone(err, code)
}

// readerDone reports how the interactive reader ended: marks that could
// not be kept (a read-only or full data folder) are one warning, not a
// failure, as the reading itself went well (the reader said so as it
// went); other errors fail.
func (e *env) readerDone(err error, code int) int {
	var state *config.StateError
	switch {
	case errors.As(err, &state):
		e.errorf("marks not saved: %v", state)
	case err != nil:
		e.errorf("%v", err)
		return exitFailed
	}
	return code
}

// loadOrSample loads the sources, or the sample edition when there are
// none. Errors are reported on stderr and returned; the collection is nil
// only when nothing at all could be read, and the status is exitFailed
// when anything failed.
func (e *env) loadOrSample(sources []string) (*reader.Collection, int, error) {
	if len(sources) == 0 {
		c, err := sample.Collection()
		if err != nil { // the embedded edition is broken: a build bug
			e.errorf("sample edition: %v", err)
			return nil, exitFailed, err
		}
		return c, exitOK, nil
	}
	ctx, stop := context.Background(), func() {}
	if f, ok := e.stdin.(*os.File); ok && hasURL(sources) && !slices.Contains(sources, "-") {
		ctx, stop = stopkeys.Watch(ctx, f)
	}
	c, err := reader.Load(ctx, sources, e.stdin)
	stop()
	code := exitOK
	if err != nil {
		code = e.failed(err)
	}
	if len(c.Articles) == 0 {
		if err == nil {
			e.errorf("no articles found in %s", strings.Join(sources, ", "))
			code = exitFailed
		}
		return nil, code, err
	}
	return c, code, err
}

// hasURL reports whether any source is a web address.
func hasURL(sources []string) bool {
	return slices.ContainsFunc(sources, reader.IsURL)
}

// warnSkipped prints one line per file of a folder that looked like an
// article and was skipped, and one line counting the files passed over
// as plainly not articles.
func (e *env) warnSkipped(c *reader.Collection) {
	for _, w := range c.Skipped {
		e.errorf("%v; skipped", w)
	}
	if c.PassedOver > 0 {
		e.errorf("%s passed over", reader.Plural(c.PassedOver, "non-article file"))
	}
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString(`brief — a terminal news reader

Usage:
  brief [--style S] [SOURCE...]   read articles interactively (no SOURCE: the library, or the sample edition)
  brief <command> [flags] ...

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString(`
SOURCE is an article file (.txt scraped page, .html, .md), a folder (read
recursively), an http(s) URL, or - for standard input.

Flags:
  --style S   glamour style for articles (auto, dark, light, notty, ...)
  --version   print the version
  --help      this help; 'brief <command> --help' for a command

Exit status: 0 success, 1 an article could not be read, 2 usage error.
`)
	return b.String()
}
