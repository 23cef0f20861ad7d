package main

import (
	"context"
	"io"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui"
)

// tuiOptions carries the global flags that shape the interactive reader.
type tuiOptions struct {
	Style string // glamour style: "auto", "dark", "light", "notty"...
}

// runTUI opens the interactive reader on a collection; out is where the
// screen is drawn (the terminal).
func runTUI(out io.Writer, c *reader.Collection, o tuiOptions) error {
	return ui.Run(context.Background(), c, ui.Options{Style: o.Style, Output: out})
}
