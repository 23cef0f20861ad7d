package ui

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
)

// errNoURL is reported when o or y is pressed on an article read from a
// file with no web address.
var errNoURL = errors.New("this article has no web address")

// openBrowser opens url with $BROWSER, else the desktop's opener.
func openBrowser(url string) error {
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

// osc52Copy returns a clipboard writer that sends the OSC 52 sequence to
// w, wrapped for tmux or screen when running inside one.
func osc52Copy(w io.Writer) func(string) error {
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
