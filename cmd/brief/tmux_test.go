package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tmux harness the end-to-end tests share: they run the real binary
// in a tmux pane and read the screen as a person would.

// needTmux skips a test that runs the reader in tmux where tmux is not
// installed, and in -short mode.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
}

// e2eEdition is the absolute path of the end-to-end tests' folder of
// articles (testdata/e2e/edition).
func e2eEdition(t *testing.T) string {
	t.Helper()
	edition, err := filepath.Abs(filepath.Join("testdata", "e2e", "edition"))
	if err != nil {
		t.Fatal(err)
	}
	return edition
}

// startReader runs brief with args in a 100×30 tmux session on a
// private socket in dir, with the test's XDG folders and no colour.
func startReader(t *testing.T, dir string, args ...string) *tmux {
	t.Helper()
	return startReaderSized(t, dir, "100", "30", args...)
}

// startReaderSized is startReader in a pane of cols×rows.
func startReaderSized(t *testing.T, dir, cols, rows string, args ...string) *tmux {
	t.Helper()
	tx := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	tx.start(append([]string{"-x", cols, "-y", rows,
		"env", "TERM=xterm-256color", "NO_COLOR=1", "XDG_DATA_HOME=" + os.Getenv("XDG_DATA_HOME"),
		"XDG_CONFIG_HOME=" + os.Getenv("XDG_CONFIG_HOME"), binary}, args...)...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tx.socket, "kill-server").Run() })
	return tx
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

// start runs a command in the session e2e, args being new-session's
// (size, command). The pane stays when the command exits
// (remain-on-exit), so the server lives until the test's cleanup: a
// program that quits or dies leaves its last screen and its exit status
// to be read, rather than a server gone from under the next command.
func (x *tmux) start(args ...string) {
	x.t.Helper()
	x.run(append([]string{"set-option", "-g", "remain-on-exit", "on", ";", "new-session", "-d", "-s", "e2e"}, args...)...)
}

func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-t", "e2e") }

// exited reports whether the program in the pane has exited, and how.
func (x *tmux) exited() (bool, string) {
	out, err := exec.Command("tmux", "-S", x.socket, "display-message", "-p", "-t", "e2e", "#{pane_dead} #{pane_dead_status}").Output()
	if err != nil {
		return true, "(no session: " + err.Error() + ")"
	}
	dead, status, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	return dead == "1", status
}

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
		if dead, status := x.exited(); dead {
			// Its last screen and anything it wrote as it quit, scrolled
			// up by tmux's "Pane is dead" line.
			history, _ := exec.Command("tmux", "-S", x.socket, "capture-pane", "-p", "-S", "-", "-t", "e2e").Output()
			x.t.Fatalf("brief exited (status %s) before the screen did %s %q:\n%s", status, what, texts, history)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for the program
	}
	x.t.Fatalf("screen did not %s %q within 10s:\n%s", what, texts, s)
}

// waitExit polls until the program has quit.
func (x *tmux) waitExit() {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if dead, _ := x.exited(); dead {
			// Its server goes with it, as without remain-on-exit: a test
			// may start another on a socket of the same name.
			_ = exec.Command("tmux", "-S", x.socket, "kill-server").Run()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	x.t.Fatalf("brief did not quit:\n%s", x.screen())
}
