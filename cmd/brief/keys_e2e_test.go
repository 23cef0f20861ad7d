package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// A key rebound in config.toml acts in the reader, and its help line
// shows it: next = ["L"] moves on, the help says "L next".
func TestReboundKeyInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	cfgHome := t.TempDir()
	if err := os.MkdirAll(filepath.Join(cfgHome, "brief"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgHome, "brief", "config.toml"), []byte("[keys]\nnext = [\"L\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	edition, err := filepath.Abs(filepath.Join("testdata", "e2e", "edition"))
	if err != nil {
		t.Fatal(err)
	}
	tx := startReader(t, t.TempDir(), edition)
	tx.waitFor("4 articles", "Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("L next", "Fishing Fleet Reports Best Mackerel")
	tx.keys("L")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade", "← Volunteers Relight")
	tx.keys("q", "q")
	tx.waitExit()
}
