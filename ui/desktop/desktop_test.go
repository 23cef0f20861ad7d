package desktop

import (
	"bytes"
	"encoding/base64"
	"os/exec"
	"strings"
	"testing"
)

// y sends the link as an OSC 52 sequence, wrapped for tmux inside tmux.
func TestOSC52Copy(t *testing.T) {
	const url = "https://example.org/a"
	enc := base64.StdEncoding.EncodeToString([]byte(url))
	t.Setenv("TMUX", "")
	t.Setenv("TERM", "xterm-256color")
	var b bytes.Buffer
	if err := OSC52Copy(&b)(url); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.HasPrefix(got, "\x1b]52;c;"+enc) {
		t.Errorf("sequence %q", got)
	}
	t.Setenv("TMUX", "/tmp/tmux-1/default,1,0")
	b.Reset()
	if err := OSC52Copy(&b)(url); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.HasPrefix(got, "\x1bPtmux;") || !strings.Contains(got, enc) {
		t.Errorf("tmux sequence %q", got)
	}
}

// o runs $BROWSER's first command; a failure names it on one line.
func TestOpenBrowser(t *testing.T) {
	if _, err := exec.LookPath("true"); err != nil {
		t.Skip("no true command")
	}
	t.Setenv("BROWSER", "true")
	if err := OpenBrowser("https://example.org/a"); err != nil {
		t.Errorf("BROWSER=true: %v", err)
	}
	t.Setenv("BROWSER", "brief-no-such-browser")
	err := OpenBrowser("https://example.org/a")
	if err == nil || !strings.HasPrefix(err.Error(), "could not open the browser (brief-no-such-browser): ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %v", err)
	}
}
