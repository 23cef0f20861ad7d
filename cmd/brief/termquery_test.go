package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoTerminalQueries runs read on a terminal (through script(1)) where
// the style needs no background colour: no OSC 11 or cursor position
// query may be written (where a terminal does not answer, each query
// stalls brief for seconds).
func TestNoTerminalQueries(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed")
	}
	file, err := filepath.Abs(filepath.Join("testdata", "e2e", "edition", "01-lighthouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		env  []string
		args string
	}{
		{"NO_COLOR", []string{"NO_COLOR=1"}, "read " + file},
		{"style dark", nil, "read --style dark " + file},
		{"summary NO_COLOR", []string{"NO_COLOR=1"}, "summary " + file},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command("script", "-qec", binary+" "+tc.args, "/dev/null")
			cmd.Env = append(append(os.Environ(), "TERM=xterm-256color"), tc.env...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			for _, q := range []string{"\x1b]11;?", "\x1b[6n"} {
				if strings.Contains(string(out), q) {
					t.Errorf("output queries the terminal (%q):\n%q", q, out[:min(len(out), 80)])
				}
			}
		})
	}
}
