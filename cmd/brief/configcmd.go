package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/BurntSushi/toml"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
)

var configCommand = command{
	name:    "config",
	args:    "[--init]",
	summary: "show where the library and settings live, and the settings in force",
	run:     runConfig,
}

func runConfig(e *env, cmd *command, args []string) int {
	flags := flag.NewFlagSet("config", flag.ContinueOnError)
	initFile := flags.Bool("init", false, "write the default settings to the settings file (when it does not exist)")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return e.handleParseError(cmd, flags, err)
	}
	if len(rest) > 0 {
		return e.usageError("config", "config: unexpected argument %s", rest[0])
	}
	path := config.Path()
	if *initFile {
		if _, err := os.Stat(path); err == nil {
			e.errorf("%s exists already; edit it, or remove it first", path)
			return exitFailed
		}
		if err := config.Save(path, config.Default()); err != nil {
			e.errorf("%v", err) // it names the file
			return exitFailed
		}
		fmt.Fprintf(e.stdout, "Wrote the default settings to %s\n", path)
		return exitOK
	}
	cfg, warned, ok := e.loadConfig()
	if !ok {
		return exitFailed
	}
	state := "absent, so the defaults below; brief config --init writes them"
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		state = "read from the file"
		if warned > 0 {
			state += fmt.Sprintf("; defaults for %s it gets wrong, see the warnings", reader.Plural(warned, "setting"))
		}
	}
	fmt.Fprintf(e.stdout, "# settings: %s (%s)\n# library:  %s\n", path, state, config.DBPath())
	if err := toml.NewEncoder(e.stdout).Encode(cfg); err != nil {
		return e.failed(err)
	}
	// The tables come last (TOML); the keys the user's bindings took
	// from other actions are said as comments.
	if s := cfg.Keys.String(); s != "" {
		fmt.Fprintf(e.stdout, "\n[keys]\n%s", reader.Clean(s))
		for _, n := range cfg.Keys.Notes() {
			fmt.Fprintf(e.stdout, "# %s\n", reader.Clean(n))
		}
	}
	if s := cfg.Colors.String(); s != "" {
		fmt.Fprintf(e.stdout, "\n[colors]\n%s", reader.Clean(s))
	}
	if cfg.Model == nil {
		// Off, and how to turn it on (README: Model summaries).
		fmt.Fprint(e.stdout, "\n# model summaries: off; nothing is sent anywhere. To ask a model (S in the reader,\n"+
			"# brief summary --model), add: [model] url = \"http://localhost:11434/v1\" name = \"llama3.2\"\n")
	}
	return exitOK
}
