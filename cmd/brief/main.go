// Command brief is a terminal news reader: it lists articles from files,
// folders, pages and feeds, shows each in full or as a summary, and moves
// between articles by their own previous/next links.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/sample"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	ctx := context.Background()
	var c *reader.Collection
	var err error
	if len(args) == 0 {
		c, err = sample.Collection()
	} else {
		c, err = reader.Load(ctx, args, os.Stdin)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "brief:", err)
		return 1
	}
	if err := runTUI(os.Stdout, c, tuiOptions{Style: "auto"}); err != nil {
		fmt.Fprintln(os.Stderr, "brief:", err)
		return 1
	}
	return 0
}
