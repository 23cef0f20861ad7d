package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/brief-news/brief/reader"
	"github.com/charmbracelet/x/term"
)

// Exit statuses are part of brief's stable interface.
const (
	exitOK      = 0
	exitFailed  = 1 // an article or source could not be read
	exitUsage   = 2 // bad flags or arguments
	programName = "brief"
)

// command is one subcommand: `brief <name> ...`.
type command struct {
	name    string
	args    string // argument synopsis for usage lines
	summary string // one line for `brief --help`
	run     func(e *env, cmd *command, args []string) int
}

// commands lists the subcommands in the order `brief --help` shows them.
var commands = []command{
	readCommand,
	summaryCommand,
	listCommand,
	// The library of subscriptions (library.go and the files it names).
	addCommand,
	removeCommand,
	feedsCommand,
	refreshCommand,
	syncCommand,
	searchCommand,
	openCommand,
	markCommand,
	saveCommand,
	importCommand,
	exportCommand,
	configCommand,
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// env is the process's outside world, replaceable in tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// tty is true when stdout is a terminal that takes colour and styles
	// (not piped, NO_COLOR unset, TERM not "dumb").
	tty   bool
	width int // terminal width in columns, 0 when unknown
}

func newEnv() *env {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	fd := os.Stdout.Fd()
	if term.IsTerminal(fd) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" {
		e.tty = true
		if w, _, err := term.GetSize(fd); err == nil {
			e.width = w
		}
	}
	return e
}

// errorf prints a one-line error on stderr.
// What it prints is cleaned: errors quote file names, URLs and servers'
// words, any of which can carry terminal escape sequences.
func (e *env) errorf(format string, a ...any) {
	fmt.Fprintln(e.stderr, reader.Clean(programName+": "+fmt.Sprintf(format, a...)))
}

// failed reports every error joined in err, one line each.
func (e *env) failed(err error) int {
	for _, one := range errorList(err) {
		e.errorf("%v", one)
	}
	return exitFailed
}

// errorList splits an errors.Join into its errors (nil: none).
func errorList(err error) []error {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		return joined.Unwrap()
	}
	if err != nil {
		return []error{err}
	}
	return nil
}

// usageError reports a bad invocation of cmd (nil for brief itself).
func (e *env) usageError(cmd string, format string, a ...any) int {
	e.errorf(format, a...)
	help := programName + " --help"
	if cmd != "" {
		help = programName + " " + cmd + " --help"
	}
	fmt.Fprintf(e.stderr, "Run '%s' for usage.\n", help)
	return exitUsage
}

// parseFlags parses fs from args with flags allowed anywhere among the
// positional arguments ("brief read file.txt --json"), as users type
// them. "--" ends flag parsing; "-" is a positional (stdin).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagUsage renders a flag set's defaults for --help output.
func flagUsage(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// handleParseError turns a flag parsing error into help or a usage error.
func (e *env) handleParseError(cmd *command, fs *flag.FlagSet, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(e.stdout, "Usage: %s %s %s\n\n%s.\n\nFlags:\n%s", programName, cmd.name, cmd.args, cmd.summary, flagUsage(fs))
		return exitOK
	}
	return e.usageError(cmd.name, "%s: %v", cmd.name, err)
}
