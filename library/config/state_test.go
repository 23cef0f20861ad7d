package config

import (
	"bufio"
	"errors"
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
)

// A full disk while saving: a one-line error naming the file, the old
// settings intact, no temporary file left.
func TestSaveOnAFullDiskKeepsTheOldFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := Path()
	old := Default()
	old.RetentionDays = 7
	if err := Save(p, old); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	write := fileOps.write
	t.Cleanup(func() { fileOps.write = write })
	fileOps.write = func(f *os.File, b []byte) (int, error) {
		n, _ := f.Write(b[:len(b)/2])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	err := Save(p, Default())
	want := p + ": settings folder is full (no space left on the device)"
	if err == nil || err.Error() != want {
		t.Fatalf("Save on a full disk: %v, want %q", err, want)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("%v does not wrap ENOSPC", err)
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Errorf("settings changed by the failed save:\n%s", after)
	}
	if c, warns, err := LoadChecked(p); !c.Equal(old) || len(warns) > 0 || err != nil {
		t.Errorf("after the failed save: %+v %v %v", c, warns, err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("files left in the settings folder: %v", ents)
	}
}

// The new file is synced before it replaces the old one, and the folder
// after: a power cut never leaves an empty settings file.
func TestSaveSyncsBeforeRenaming(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	saved := fileOps
	t.Cleanup(func() { fileOps = saved })
	var steps []string
	fileOps.write = func(f *os.File, b []byte) (int, error) { steps = append(steps, "write"); return f.Write(b) }
	fileOps.sync = func(f *os.File) error {
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			steps = append(steps, "sync folder")
		} else {
			steps = append(steps, "sync file")
		}
		return f.Sync()
	}
	fileOps.rename = func(from, to string) error { steps = append(steps, "rename"); return os.Rename(from, to) }
	if err := Save(p, Default()); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(steps, ", "), "write, sync file, rename, sync folder"; got != want {
		t.Errorf("steps: %s, want %s", got, want)
	}
}

// WriteError names the file and what is wrong with where it lives.
func TestWriteErrorMessages(t *testing.T) {
	d := t.TempDir()
	t.Setenv("XDG_DATA_HOME", d)
	blocker := filepath.Join(d, "brief")
	os.WriteFile(blocker, []byte("a file where the folder should be"), 0o644)
	db := DBPath()
	mkErr := os.MkdirAll(filepath.Dir(db), 0o755)
	for _, c := range []struct {
		kind int
		err  error
		want string
	}{
		{0, mkErr, db + ": data folder is not a folder"},
		{KindCantOpen, errors.New("unable to open database file"), db + ": data folder is not a folder"},
		{0, &os.PathError{Op: "write", Path: db, Err: syscall.ENOSPC}, db + ": data folder is full (no space left on the device)"},
		{KindFull, errors.New("database or disk is full"), db + ": data folder is full (no space left on the device)"},
		{0, errors.New("something else"), "something else"},
	} {
		if got := WriteError(db, c.kind, c.err); got == nil || got.Error() != c.want {
			t.Errorf("WriteError(%d, %v) = %v, want %s", c.kind, c.err, got, c.want)
		}
	}
	if WriteError(db, KindFull, nil) != nil {
		t.Error("WriteError(nil) is not nil")
	}
}

// helperEnv runs TestHelperSaveLoop in a child process.
const helperEnv = "BRIEF_CONFIG_HELPER"

// TestHelperSaveLoop is not a test: the child process of
// TestKilledSaveKeepsTheSettings. It saves the settings with
// retention_days counting up from the number in its environment, and
// prints "committed N" once each Save has returned.
func TestHelperSaveLoop(t *testing.T) {
	spec := os.Getenv(helperEnv)
	if spec == "" {
		t.Skip("the child process of TestKilledSaveKeepsTheSettings")
	}
	path, from, _ := strings.Cut(spec, "|")
	n, _ := strconv.Atoi(from)
	w := bufio.NewWriter(os.Stdout)
	for i := n; ; i++ {
		c := Default()
		c.RetentionDays = i
		c.Timeout = Duration{time.Duration(i%7+1) * time.Second}
		if err := Save(path, c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Fprintf(w, "committed %d\n", i)
		w.Flush()
	}
}

// brief killed (SIGKILL) while saving its settings, again and again at
// random moments: the file is always the settings of the last Save that
// returned, or of the one under way, whole; it loads without warnings,
// and the temporary files the kills left are removed by the next start.
func TestKilledSaveKeepsTheSettings(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process many times")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "config.toml")
	committed := -1
	for round := range 25 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperEnv+"="+p+"|"+strconv.Itoa(committed+1))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan int, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
					n, _ := strconv.Atoi(v)
					lines <- n
				}
			}
			close(lines)
		}()
		// Wait for the first save of this round, then kill at random.
		if n, ok := <-lines; ok {
			committed = n
		} else {
			t.Fatalf("round %d: the child saved nothing", round)
		}
		time.Sleep(time.Duration(rand.IntN(20000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for n := range lines {
			committed = n
		}
		cmd.Wait()

		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !strings.HasPrefix(string(data), "# brief settings") || !strings.HasSuffix(string(data), settings[len(settings)-1].comment+"\n") {
			t.Fatalf("round %d: the settings file is not whole (the last save returned set %d):\n%q", round, committed, data)
		}
		c, warns, err := LoadChecked(p)
		if err != nil || len(warns) > 0 {
			t.Fatalf("round %d: the settings do not load cleanly: %v %v\n%s", round, err, warns, data)
		}
		if c.RetentionDays != committed && c.RetentionDays != committed+1 {
			t.Fatalf("round %d: retention_days %d; the last save returned had %d", round, c.RetentionDays, committed)
		}
		if want := Default(); c.Timeout.Duration != time.Duration(c.RetentionDays%7+1)*time.Second || c.Concurrency != want.Concurrency {
			t.Fatalf("round %d: a mixed file:\n%s", round, data)
		}
		committed = c.RetentionDays
	}
	t.Logf("%d saves", committed)

	// The next start removes what the kills left (they are old by then).
	staleTemp = 0
	t.Cleanup(func() { staleTemp = time.Minute })
	if _, _, err := LoadChecked(p); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("left in the settings folder: %v", names)
	}
}
