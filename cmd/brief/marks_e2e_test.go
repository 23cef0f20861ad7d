package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestReadMarksSurviveARestart opens an article of a folder and of the
// sample edition, quits, and starts brief again: both are still marked
// read. Starting brief alone created no database.
func TestReadMarksSurviveARestart(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	data, conf := filepath.Join(dir, "data"), filepath.Join(dir, "config")
	edition := e2eEdition(t)
	// Each run has a server of its own: the last one may still be
	// shutting down on its socket when the next starts.
	var tx *tmux
	runs := 0
	start := func(args ...string) {
		t.Helper()
		runs++
		tx = &tmux{t: t, socket: filepath.Join(dir, fmt.Sprintf("tmux%d.sock", runs))}
		socket := tx.socket
		t.Cleanup(func() { _ = exec.Command("tmux", "-S", socket, "kill-server").Run() })
		tx.start(append([]string{"-x", "100", "-y", "30",
			"env", "TERM=xterm-256color", "NO_COLOR=1", "XDG_DATA_HOME=" + data, "XDG_CONFIG_HOME=" + conf, binary}, args...)...)
	}

	start()
	tx.waitFor("9 articles", "• ")
	tx.keys("q")
	tx.waitExit()
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Fatalf("starting brief alone wrote %s: %v", data, err)
	}

	start(edition)
	tx.waitFor("4 articles", "• Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("FULL")
	tx.keys("q")
	tx.waitFor("✓ Volunteers Relight")
	tx.keys("q")
	tx.waitExit()
	start() // the sample edition
	tx.waitFor("9 articles")
	tx.keys("Enter")
	tx.waitFor("FULL")
	tx.keys("q", "q")
	tx.waitExit()

	start(edition)
	tx.waitFor("4 articles", "✓ Volunteers Relight", "• Fishing Fleet")
	tx.keys("q")
	tx.waitExit()
	start()
	tx.waitFor("9 articles", "✓ ")
	tx.keys("q")
	tx.waitExit()
}
