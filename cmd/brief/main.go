// Command brief is a terminal news reader: it lists articles from files,
// folders, pages and feeds, shows each in full or as a summary, and moves
// between articles by their own previous/next links.
package main

import (
	"io"
	"log"
	"os"
)

func main() {
	// brief reports every failure itself, in one line. The standard
	// logger is net/http's alone: it writes lines such as "Unsolicited
	// response received on idle HTTP channel" that quote a server's bytes
	// and, in the reader, land on top of the screen.
	log.SetOutput(io.Discard)
	os.Exit(run(newEnv(), os.Args[1:]))
}
