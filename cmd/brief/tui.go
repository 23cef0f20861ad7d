package main

import (
	"context"
	"fmt"
	"io"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui"
)

// tuiOptions carries the global flags that shape the interactive reader.
type tuiOptions struct {
	Style  string // glamour style: "auto", "dark", "light", "notty"...
	Sample bool   // the collection is the sample edition
	// Config is the user's settings: their [keys] and [colors].
	Config config.Config
}

// runTUI opens the interactive reader on a collection; out is where the
// screen is drawn (the terminal). Read marks are kept in the library's
// database, by absolute path or URL ("sample/<file>" for the sample
// edition), which the first mark creates.
func runTUI(out io.Writer, c *reader.Collection, o tuiOptions) error {
	ctx := context.Background()
	key := library.FileKey
	if o.Sample {
		key = func(loc string) string { return loc } // "sample/<file>"
	}
	marks := library.OpenLocationMarks(ctx, config.DBPath(), key)
	// Model summaries (S) with a [model] section.
	cache := library.NewModelCache(config.DBPath())
	defer cache.Close()
	err := ui.Run(ctx, c, ui.Options{Style: o.Style, Output: out, ReadState: marks, Keys: o.Config.Keys, Colors: o.Config.Colors,
		Model: readerModel(o.Config.Model, cache), ModelFirst: o.Config.Summary == config.SummaryModel})
	if cerr := marks.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("could not save the read marks: %w", cerr)
	}
	return err
}
