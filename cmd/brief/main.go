// Command brief is a terminal news reader: it lists articles from files,
// folders, pages and feeds, shows each in full or as a summary, and moves
// between articles by their own previous/next links.
package main

import (
	"os"
)

func main() {
	os.Exit(run(newEnv(), os.Args[1:]))
}
