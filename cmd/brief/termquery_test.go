package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNoTerminalQueries runs read on a terminal (through script(1)) where
// the style needs no background colour: no OSC 11 or cursor position
// query may be written (where a terminal does not answer, each query
// stalls brief for seconds).
func TestNoTerminalQueries(t *testing.T) {
	file := lighthouse(t)
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
			out, err := onTerminal(t, tc.args, append([]string{"TERM=xterm-256color"}, tc.env...)...)
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

// TestAutoStyleQueryEndsOnAttributes: with the auto style on a terminal,
// the background is asked once, followed by a device-attributes query
// that every terminal answers, so a terminal that ignores the colour
// query ends the wait at its next answer (or termbg.Timeout), not after
// termenv's five seconds. termenv's own query (OSC 11 then a cursor
// position report) is never sent.
func TestAutoStyleQueryEndsOnAttributes(t *testing.T) {
	out, err := onTerminal(t, "read "+lighthouse(t), "TERM=xterm-256color", "NO_COLOR=", "COLORFGBG=")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := string(out)
	if strings.Count(s, "\x1b]11;?") != 1 || !strings.Contains(s, "\x1b]11;?\x1b\\\x1b[c") {
		t.Errorf("want one OSC 11 query followed by DA1:\n%q", s[:min(len(s), 80)])
	}
	if strings.Contains(s, "\x1b[6n") {
		t.Errorf("termenv's cursor position query was sent:\n%q", s[:min(len(s), 80)])
	}
	if !strings.Contains(s, "lighthouse") && !strings.Contains(s, "Lighthouse") {
		t.Errorf("the article was not printed:\n%q", s[:min(len(s), 200)])
	}
}

// lighthouse is the absolute path of an article of the e2e edition.
func lighthouse(t *testing.T) string {
	t.Helper()
	file, err := filepath.Abs(filepath.Join("testdata", "e2e", "edition", "01-lighthouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return file
}
