// Package lazyre holds package-level regular expressions compiled when
// first used rather than at start-up: every command links reader and
// summarizer, and compiling all their expressions in init cost each one
// milliseconds and a megabyte before it did anything.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns expr compiled on the first call and kept for later calls
// (safe for concurrent use). A bad expression panics on that first call,
// as regexp.MustCompile does.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
