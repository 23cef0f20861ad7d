package main

import (
	"testing"
)

// A key rebound in config.toml acts in the reader, and its help line
// shows it: next = ["L"] moves on, the help says "L next".
func TestReboundKeyInTmux(t *testing.T) {
	needTmux(t)
	cfgHome := t.TempDir()
	writeConfig(t, cfgHome, "[keys]\nnext = [\"L\"]\n")
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
