// Package stopkeys lets esc, q or ctrl+c cancel work the terminal
// waits on before anything else reads the keyboard (brief URL fetches
// its pages before the reader opens).
package stopkeys

import (
	"context"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// Watch returns ctx cancelled by esc, q or ctrl+c, so that those keys
// stop the pages given on the command line from loading: they are fetched before the reader opens (its list
// needs their titles and links), and until then nothing else reads the
// keyboard. The terminal is put in raw mode so that a key arrives at once
// (and ctrl+c as a key, not a signal); stop gives the terminal back and
// must be called before anything else reads stdin. Without a terminal on
// stdin, or with stdin as a source, ctx is returned as it is.
func Watch(ctx context.Context, stdin *os.File) (context.Context, func()) {
	fd := stdin.Fd()
	if !term.IsTerminal(fd) {
		return ctx, func() {}
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return ctx, func() {}
	}
	r, err := cancelreader.NewReader(stdin)
	if err != nil {
		term.Restore(fd, old)
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 64)
		for {
			n, err := r.Read(buf)
			if err != nil {
				return // cancelled by stop, or stdin closed
			}
			for _, b := range buf[:n] {
				if b == 0x1b || b == 'q' || b == 0x03 { // esc, q, ctrl+c
					cancel()
					return
				}
			}
		}
	}()
	return ctx, func() {
		r.Cancel()
		<-done
		r.Close()
		term.Restore(fd, old)
		cancel()
	}
}
