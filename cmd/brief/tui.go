package main

import (
	"fmt"
	"io"

	"github.com/brief-news/brief/reader"
)

// tuiOptions carries the global flags that shape the interactive reader.
type tuiOptions struct {
	Style string // glamour style: "auto", "dark", "light", "notty"...
}

// runTUI opens the interactive reader on a collection. Until the TUI
// lands it prints the list.
func runTUI(out io.Writer, c *reader.Collection, o tuiOptions) error {
	for _, a := range c.Articles {
		fmt.Fprintf(out, "%s\t%s\n", a.Title, a.Location)
	}
	return nil
}
