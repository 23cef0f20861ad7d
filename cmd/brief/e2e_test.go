package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
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
	edition, err := filepath.Abs(filepath.Join("testdata", "e2e", "edition"))
	if err != nil {
		t.Fatal(err)
	}

	tx := startReader(t, dir, edition)

	tx.waitFor("4 articles", "Volunteers Relight the Old Lighthouse",
		"1 file skipped:", "empty.txt is empty")
	tx.waitForNot("image.jpg") // a picture is passed over quietly (issue 14)

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
	// 110 words: the whole text is the summary, and the view says so.
	tx.waitFor("SUMMARY", "Short article: shown in full", "Press s for the full article.")

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

// TestEndToEndWebLinkInTmux follows a page's next link to a web server
// on this machine: the first load hangs until esc cancels it, the second
// answers, and backspace returns to the page.
func TestEndToEndWebLinkInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done() // hang until the reader gives up
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>The Slow Story</title></head><body><article>
<h1>The Slow Story</h1><p>This story arrived from a web server on this machine on the second try.
It has enough words to be read as an article by the extractor.</p>
<p>Another paragraph of the slow story follows here, with more words in it.</p></article></body></html>`)
	}))
	defer srv.Close()

	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	html := `<!doctype html><html><head><title>A Page With a Web Next Link</title>
<link rel="next" href="` + srv.URL + `/slow-story"></head><body><article>
<h1>A Page With a Web Next Link</h1><p>This page is on disk. Its next article is on a web server,
so the reader loads it in the background with a spinner.</p>
<p>A second paragraph gives the extractor enough text to take this for an article.</p></article></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}

	tx := startReader(t, dir, page)

	tx.waitFor("1 article", "A Page With a Web Next Link")
	tx.keys("Enter")
	tx.waitFor("FULL", "This page is on disk.", "slow-story (web) →")
	tx.keys("n")
	tx.waitFor("(esc cancels)")
	tx.keys("Escape")
	tx.waitFor("loading cancelled", "This page is on disk.")
	tx.waitForNot("(esc cancels)")
	tx.keys("n")
	tx.waitFor("The Slow Story", "on the second try")
	tx.keys("BSpace")
	tx.waitFor("A Page With a Web Next Link", "This page is on disk.")
	tx.keys("C-c")
	tx.waitExit()
}

// startReader runs brief with args in a 100×30 tmux session on a
// private socket in dir, with the test's XDG folders and no colour.
func startReader(t *testing.T, dir string, args ...string) *tmux {
	t.Helper()
	tx := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	tx.start(append([]string{"-x", "100", "-y", "30",
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
