package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
)

// TestHostileInTmux opens articles full of escape sequences in the real
// reader in a tmux pane, in colour: the pane's title is not changed by
// OSC 0/2, no clipboard buffer is written by OSC 52, and the screen
// holds brief's styling and text only.
func TestHostileInTmux(t *testing.T) {
	needTmux(t)
	dir := hostileFiles(t)
	tx := &tmux{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	tx.start("-x", "120", "-y", "40",
		"env", "TERM=xterm-256color", "COLORTERM=truecolor", "NO_COLOR=", "XDG_DATA_HOME="+os.Getenv("XDG_DATA_HOME"),
		"XDG_CONFIG_HOME="+os.Getenv("XDG_CONFIG_HOME"), binary, "--style", "dark", dir)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tx.socket, "kill-server").Run() })
	tx.run("set-option", "-t", "e2e", "set-clipboard", "on")
	tx.run("select-pane", "-t", "e2e", "-T", "brief-e2e-title")

	check := func(what string) {
		t.Helper()
		screen := tx.run("capture-pane", "-p", "-e", "-t", "e2e")
		if err := hostiletest.Check([]byte(screen)); err != nil {
			t.Errorf("%s: %v", what, err)
		}
		if title := strings.TrimSpace(tx.run("display-message", "-p", "-t", "e2e", "#{pane_title}")); title != "brief-e2e-title" {
			t.Errorf("%s: the pane title became %q", what, title)
		}
		if bufs := tx.run("list-buffers"); strings.TrimSpace(bufs) != "" {
			t.Errorf("%s: a clipboard buffer was written: %q", what, bufs)
		}
	}
	tx.waitFor("articles", "Headline t0«» t1«»")
	check("list")
	tx.keys("/")
	tx.typeText("headline")
	tx.keys("Enter", "Enter")
	tx.waitFor("FULL", "carries t0«»")
	check("article")
	for i := 0; i < 6; i++ {
		tx.keys("PageDown")
	}
	tx.waitFor("Next t0«»")
	check("article end")
	tx.keys("s")
	tx.waitFor("SUMMARY")
	check("summary")
	tx.keys("q")
	tx.waitFor("filter “headline”", "esc clear filter")
	tx.keys("Escape")
	tx.waitForNot("filter “headline”")
	tx.keys("/")
	tx.typeText("page")
	tx.keys("Enter", "Enter")
	tx.waitFor("Ann t0«»", "Key points") // the summary mode is kept
	check("web page")
	tx.keys("q", "q")
	tx.waitExit()
}
