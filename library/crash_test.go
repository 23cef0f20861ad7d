package library

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/store"
)

// marksHelperEnv runs TestHelperMarkLoop in a child process.
const marksHelperEnv = "BRIEF_MARKS_HELPER"

// crashItems is how many articles the library of the kill test holds.
const crashItems = 400

// TestHelperMarkLoop is not a test: the child process of
// TestKilledWhileMarking. From the article number in its environment
// on, it marks each library article read, every other one saved, and a
// file of that number read (through the Source's and LocationMarks'
// queues, as the reader does), printing "committed KIND N" once each
// write has returned.
func TestHelperMarkLoop(t *testing.T) {
	spec := os.Getenv(marksHelperEnv)
	if spec == "" {
		t.Skip("the child process of TestKilledWhileMarking")
	}
	path, from, _ := strings.Cut(spec, "|")
	start, _ := strconv.Atoi(from)
	lib, err := Open(path, config.Default())
	if err != nil {
		fail(err)
	}
	src, err := NewSource(ctx, lib, store.Filter{})
	if err != nil {
		fail(err)
	}
	marks := OpenLocationMarks(ctx, path, func(loc string) string { return loc })
	items := src.Items()
	w := bufio.NewWriter(os.Stdout)
	for i := start; i < len(items); i++ {
		loc := items[i].Location()
		if err := src.QueueRead(loc, true)(); err != nil {
			fail(err)
		}
		fmt.Fprintf(w, "committed read %d\n", items[i].ID)
		w.Flush()
		if i%2 == 0 {
			if err := src.QueueSaved(loc, true)(); err != nil {
				fail(err)
			}
			fmt.Fprintf(w, "committed saved %d\n", items[i].ID)
			w.Flush()
		}
		if err := marks.QueueRead(fileLoc(i), true)(); err != nil {
			fail(err)
		}
		fmt.Fprintf(w, "committed file %d\n", i)
		w.Flush()
	}
	fmt.Fprintln(w, "done")
	w.Flush()
	os.Exit(0)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(3)
}

// fileLoc is the location of the file the kill test marks read.
func fileLoc(i int) string { return fmt.Sprintf("/news/%04d.txt", i) }

// brief killed (SIGKILL) again and again, at random moments, while it
// writes read marks and saved marks of library articles and read marks
// of files: every next start opens the library cleanly, whole
// (integrity_check), with every mark whose write had returned.
func TestKilledWhileMarking(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process many times")
	}
	path := filepath.Join(t.TempDir(), "brief.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := s.AddFeed(ctx, store.Feed{URL: "https://a.test/feed"})
	if err != nil {
		t.Fatal(err)
	}
	var items []store.NewItem
	for i := range crashItems {
		items = append(items, store.NewItem{GUID: strconv.Itoa(i), URL: fmt.Sprintf("https://a.test/%d", i),
			Title: fmt.Sprintf("Story %d", i), Body: "Text."})
	}
	if _, err := s.ApplyUpdate(ctx, store.Update{FeedID: f.ID, Items: items}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	read, saved, files := map[int64]bool{}, map[int64]bool{}, map[int]bool{}
	next := 0 // the article the next child starts with
	kills := 0
	for round := 0; round < 12; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMarkLoop$", "-test.count=1")
		cmd.Env = append(os.Environ(), marksHelperEnv+"="+path+"|"+strconv.Itoa(next))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 4096)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		first, ok := <-lines
		time.Sleep(time.Duration(rand.IntN(30000)) * time.Microsecond)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		done := false
		for _, line := range append([]string{first}, drain(lines)...) {
			kind, num, _ := strings.Cut(strings.TrimPrefix(line, "committed "), " ")
			n, _ := strconv.ParseInt(num, 10, 64)
			switch kind {
			case "read":
				read[n] = true
			case "saved":
				saved[n] = true
			case "file":
				files[int(n)] = true
				next = int(n) + 1
			case "done":
				done = true
			}
		}
		cmd.Wait()
		if !ok || stderr.Len() > 0 {
			t.Fatalf("round %d: the child failed: %s", round, stderr.String())
		}
		checkMarks(t, round, path, read, saved, files)
		if done {
			break
		}
	}
	t.Logf("%d kills; %d read, %d saved, %d files marked", kills, len(read), len(saved), len(files))
	if len(read) == 0 || len(files) == 0 {
		t.Fatal("nothing was marked")
	}
}

// drain returns what is left on lines once it is closed.
func drain(lines <-chan string) []string {
	var out []string
	for l := range lines {
		out = append(out, l)
	}
	return out
}

// checkMarks opens the library as the next start does and checks it
// is whole and holds every mark committed.
func checkMarks(t *testing.T, round int, path string, read, saved map[int64]bool, files map[int]bool) {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("round %d: the next start cannot open the library: %v", round, err)
	}
	defer s.Close()
	var check string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("round %d: integrity_check: %q %v", round, check, err)
	}
	all, err := s.Items(ctx, store.Filter{})
	if err != nil || len(all) != crashItems {
		t.Fatalf("round %d: %d articles, %v", round, len(all), err)
	}
	for _, it := range all {
		if read[it.ID] && !it.Read {
			t.Errorf("round %d: the read mark of article %d was committed, and is lost", round, it.ID)
		}
		if saved[it.ID] && !it.Saved {
			t.Errorf("round %d: the saved mark of article %d was committed, and is lost", round, it.ID)
		}
	}
	locs, err := s.ReadLocations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		if !locs[fileLoc(i)] {
			t.Errorf("round %d: the read mark of %s was committed, and is lost", round, fileLoc(i))
		}
	}
}
