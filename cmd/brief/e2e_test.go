package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestEndToEndInTmux runs the real binary in a tmux pane of 100×30 and
// reads the screen after each key, as a person would: open a folder with
// two bad files, filter, open an article, toggle the summary, follow the
// next link twice, go back, press previous where the link leaves the
// collection, and quit.
func TestEndToEndInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "brief")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	edition, err := filepath.Abs(filepath.Join("testdata", "edition"))
	if err != nil {
		t.Fatal(err)
	}

	tx := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	tx.run("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
		"env", "TERM=xterm-256color", "NO_COLOR=1", bin, edition)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tx.socket, "kill-server").Run() })

	tx.waitFor("4 articles", "Volunteers Relight the Old Lighthouse",
		"2 files skipped:", "empty.txt is empty", "image.jpg is not text")

	tx.keys("/")
	tx.typeText("mackerel")
	tx.waitFor("/ mackerel", "1 of 4", "Fishing Fleet Reports Best Mackerel")
	tx.waitForNot("Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("1 of 4 · filter “mackerel”", "esc clear filter")

	tx.keys("Enter")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade", "FULL",
		"Prices at the morning auction", "← Volunteers Relight", "School Roof Repairs")

	tx.keys("s")
	tx.waitFor("SUMMARY", "Key points", "Press s for the full article.")
	tx.waitForNot("Prices at the morning auction")

	tx.keys("n")
	tx.waitFor("School Roof Repairs to Finish Before the Spring Term", "SUMMARY")
	tx.keys("n")
	tx.waitFor("Ferry Company Orders a Quieter Electric Boat", "SUMMARY")

	tx.keys("s")
	tx.waitFor("FULL", "The old ferry will be kept as a reserve")

	tx.keys("BSpace")
	tx.waitFor("School Roof Repairs to Finish Before the Spring Term")
	tx.keys("BSpace")
	tx.waitFor("Fishing Fleet Reports Best Mackerel Catch in a Decade")

	tx.keys("p")
	tx.waitFor("Volunteers Relight the Old Lighthouse at Corran Point", "(not here)")
	tx.keys("p")
	tx.waitFor("previous article not in this collection", "Volunteers Relight the Old Lighthouse")

	tx.keys("q")
	tx.waitFor("1 of 4 · filter “mackerel”", "✓ Fishing Fleet")
	tx.keys("Escape")
	tx.waitFor("4 articles", "✓ Volunteers", "✓ Ferry Company", "✓ School Roof")
	tx.keys("q")
	tx.waitExit()
}

// tmux drives one tmux server on a private socket.
type tmux struct {
	t      *testing.T
	socket string
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.socket}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys sends tmux key names ("Enter", "BSpace") or single characters.
func (x *tmux) keys(keys ...string) {
	x.t.Helper()
	x.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// typeText sends text literally.
func (x *tmux) typeText(s string) {
	x.t.Helper()
	x.run("send-keys", "-t", "e2e", "-l", s)
}

func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-t", "e2e") }

// waitFor polls the screen until it shows every string.
func (x *tmux) waitFor(want ...string) {
	x.t.Helper()
	x.poll("show", func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	}, want)
}

// waitForNot polls the screen until it shows none of the strings.
func (x *tmux) waitForNot(unwanted ...string) {
	x.t.Helper()
	x.poll("lose", func(s string) bool {
		for _, w := range unwanted {
			if strings.Contains(s, w) {
				return false
			}
		}
		return true
	}, unwanted)
}

func (x *tmux) poll(what string, ok func(string) bool, texts []string) {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		if s = x.screen(); ok(s) {
			return
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for the program
	}
	x.t.Fatalf("screen did not %s %q within 10s:\n%s", what, texts, s)
}

// waitExit polls until the program has quit and its session closed.
func (x *tmux) waitExit() {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-S", x.socket, "has-session", "-t", "e2e").Run() != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	x.t.Fatalf("brief did not quit:\n%s", x.screen())
}
