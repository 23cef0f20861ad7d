package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSummaryOnTerminalIsTheReaders: `brief summary` on a terminal shows
// the reader's summary view (the ui's TestSummaryViewGolden writes the
// golden file from the reader's view of the same article) under the
// headline and meta line.
func TestSummaryOnTerminalIsTheReaders(t *testing.T) {
	const fixture = "../../ui/present/testdata/harbour.html"
	want, err := os.ReadFile("../../ui/present/testdata/harbour_keypoints.golden")
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, tty: true, width: 80}
	if code := run(e, []string{"summary", "--style", "dark", fixture}); code != 0 || errb.Len() > 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(ansi.Strip(out.String()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	screen := strings.Trim(strings.Join(lines, "\n"), "\n") + "\n"
	head, points, ok := strings.Cut(screen, "  Key points\n")
	if !ok {
		t.Fatalf("no key points:\n%s", screen)
	}
	if got := "  Key points\n" + points; got != string(want) {
		t.Errorf("brief summary's key points differ from the reader's\n--- brief summary:\n%s\n--- the reader:\n%s", got, want)
	}
	for _, s := range []string{"Harbour Wall to Be Rebuilt After the Winter Storms", "Summary · By Jane Writer · The Coastal Courier · 27 Nov 2026"} {
		if !strings.Contains(head, s) {
			t.Errorf("the header lacks %q:\n%s", s, head)
		}
	}
}
