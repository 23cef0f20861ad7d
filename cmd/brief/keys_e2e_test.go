package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A key rebound in config.toml acts in the reader, and its help line
// shows it: next = ["L"] moves on, the help says "L next".
func TestReboundKeyInTmux(t *testing.T) {
	needTmux(t)
	cfgHome := t.TempDir()
	if err := os.MkdirAll(filepath.Join(cfgHome, "brief"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgHome, "brief", "config.toml"), []byte("[keys]\nnext = [\"L\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	edition := e2eEdition(t)
	tx := startReader(t, t.TempDir(), edition)
	tx.waitFor("4 articles", "Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("L next", "Fishing Fleet Reports Best Mackerel")
	tx.keys("L")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade", "← Volunteers Relight")
	tx.keys("q", "q")
	tx.waitExit()
}
