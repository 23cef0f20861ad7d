//go:build unix

package termbg

import (
	"os"
	"time"

	"github.com/charmbracelet/x/term"
)

// queryBackground asks the controlling terminal for its background
// colour (OSC 11) followed by its device attributes (DA1), which every
// terminal answers after any answer to the first, and reads until the
// attributes come or the timeout passes.
func queryBackground(timeout time.Duration) (float64, bool) {
	if !term.IsTerminal(os.Stdout.Fd()) {
		return 0, false
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return 0, false
	}
	defer tty.Close()
	// Without a deadline a silent terminal would block the read for
	// ever: then do not ask at all.
	deadline := time.Now().Add(timeout)
	if err := tty.SetReadDeadline(deadline); err != nil {
		return 0, false
	}
	// Not tty.Fd(): it puts the file back in blocking mode, where the
	// deadline no longer ends a read.
	rc, err := tty.SyscallConn()
	if err != nil {
		return 0, false
	}
	var fd uintptr
	rc.Control(func(f uintptr) { fd = f })
	state, err := term.MakeRaw(fd)
	if err != nil {
		return 0, false
	}
	defer term.Restore(fd, state)
	if _, err := tty.WriteString("\x1b]11;?\x1b\\\x1b[c"); err != nil {
		return 0, false
	}
	// Read on to the attributes' answer even after the colour's, so that
	// it is not left for the reader to take as keys.
	var got []byte
	buf := make([]byte, 256)
	for len(got) < 4096 {
		n, err := tty.Read(buf)
		got = append(got, buf[:n]...)
		if answered(string(got)) || err != nil {
			break
		}
	}
	return parseReply(string(got))
}
