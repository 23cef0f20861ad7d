// Package ui is brief's interactive reader: a list of articles, an
// article view with a summary toggle, and navigation along the
// articles' own previous/next links. Run is its single entry point.
package ui

import (
	"context"
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/desktop"
	"github.com/brief-news/brief/ui/termbg"
)

// Options shape the reader.
type Options struct {
	// Style is glamour's style for article text: "auto" (dark or light
	// by the terminal's background), "dark", "light", "notty", "ascii",
	// "dracula", "tokyo-night" or "pink".
	Style string
	// ReadState remembers read articles; nil keeps them in memory.
	ReadState ReadState
	// Source, when set, replaces the collection given to Run.
	Source Source
	// Library, when set, opens the reader on the subscriptions library
	// (library mode, library.go); it is also the source and read state.
	Library Library
	// Model, when set, asks a language model for summaries (S); nil
	// (no [model] section) sends nothing anywhere.
	Model ModelSummarizer
	// ModelFirst (summary = "model") makes the model's summary what s
	// shows: asked for the open article by itself, never for the
	// articles prepared around it.
	ModelFirst bool
	// Input and Output default to the terminal (stdin, stdout).
	Input  io.Reader
	Output io.Writer
	// Keys and Colors are the user's [keys] and [colors] (config.toml):
	// rebound keys, which help and footers show, the palette's colours,
	// a theme that forces light or dark, and the glamour style used
	// when Style is auto.
	Keys   config.Keys
	Colors config.Colors
}

// Run shows the collection until the user quits.
func Run(ctx context.Context, c *reader.Collection, o Options) error {
	out := o.Output
	if out == nil {
		out = os.Stdout
	}
	// Ask the terminal about colours now, before the program owns it:
	// the answers are cached for the styles and for glamour. Only the
	// auto style needs the background, which means a query the terminal
	// may take seconds to answer (or never).
	profile := lipgloss.ColorProfile()
	style := o.Style
	if (style == "" || style == "auto") && o.Colors.Glamour != "" {
		style = o.Colors.Glamour
	}
	switch {
	case style != "" && style != "auto":
	case o.Colors.Theme == "light" || o.Colors.Theme == "dark":
		style = o.Colors.Theme // forced: no need to ask the terminal
	default:
		style = termbg.Style(style)
	}
	// A chosen style says which background the text is for: the rest of
	// the screen follows it.
	switch style {
	case "light":
		lipgloss.SetHasDarkBackground(false)
	case "dark", "dracula", "tokyo-night", "pink":
		lipgloss.SetHasDarkBackground(true)
	}
	if _, ok := styles.DefaultStyles[style]; !ok {
		return fmt.Errorf("unknown style %q (try auto, dark, light, notty, ascii, dracula, tokyo-night or pink)", o.Style)
	}
	read := o.ReadState
	if read == nil {
		read = NewMemoryReadState()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var src Source = collectionSource{c}
	if o.Source != nil {
		src = o.Source
	}
	if o.Library != nil {
		src, read = o.Library, o.Library
	}
	d := deps{
		src: src, sum: defaultSummarizer{}, read: read, lib: o.Library,
		after: realAfter, openURL: desktop.OpenBrowser, copy: desktop.OSC52Copy(os.Stderr),
		keys: o.Keys, colors: o.Colors,
		model: o.Model, modelFirst: o.ModelFirst,
	}
	m := newModel(ctx, d, renderOptions{Style: style, Profile: profile})
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithOutput(out)}
	switch {
	case o.Input != nil:
		opts = append(opts, tea.WithInput(o.Input))
	case !term.IsTerminal(os.Stdin.Fd()):
		// The article came on standard input: read keys from the terminal.
		opts = append(opts, tea.WithInputTTY())
	}
	_, err := tea.NewProgram(m, opts...).Run()
	// Marks made just before quitting may still be queued: write them
	// before the caller closes the library.
	if ferr := read.Flush(); ferr != nil && err == nil {
		err = fmt.Errorf("could not save the marks: %w", ferr)
	}
	return err
}
