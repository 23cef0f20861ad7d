// Package desktop is the reader's doors to the world around the
// terminal: the browser (o) and the clipboard (y). They run in the
// root's Cmds, never in Update, and tests replace them (the root takes
// them as plain funcs), so that no test opens a browser.
package desktop

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
)

// OpenBrowser opens url with $BROWSER, else the desktop's opener.
func OpenBrowser(url string) error {
	var name string
	if b := os.Getenv("BROWSER"); b != "" {
		name = strings.Split(b, string(os.PathListSeparator))[0]
	} else if runtime.GOOS == "darwin" {
		name = "open"
	} else {
		name = "xdg-open"
	}
	cmd := exec.Command(name, url)
	if err := cmd.Run(); err != nil {
		return errors.New("could not open the browser (" + name + "): " + err.Error())
	}
	return nil
}

// OSC52Copy returns a clipboard writer that sends the OSC 52 sequence to
// w, wrapped for tmux or screen when running inside one.
func OSC52Copy(w io.Writer) func(string) error {
	return func(s string) error {
		seq := osc52.New(s)
		switch term := os.Getenv("TERM"); {
		case os.Getenv("TMUX") != "":
			seq = seq.Tmux()
		case strings.HasPrefix(term, "screen"):
			seq = seq.Screen()
		}
		_, err := seq.WriteTo(w)
		return err
	}
}
