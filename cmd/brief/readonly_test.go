package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/brief-news/brief/library/store"
)

// nobody is the user the read-only tests run brief as when they run as
// root, for whom permissions do not stop writes.
const nobody = 65534

// stateEnv is a brief whose data and settings folders the test makes
// read-only, full, or a file.
type stateEnv struct {
	t                *testing.T
	dir              string // holds data/, config/ and news/
	data, conf, news string
	asNobody         bool
}

// newStateEnv makes the folders, readable by the user brief runs as,
// with one article file in news/.
func newStateEnv(t *testing.T) *stateEnv {
	t.Helper()
	dir := t.TempDir()
	s := &stateEnv{t: t, dir: dir, data: filepath.Join(dir, "data"), conf: filepath.Join(dir, "config"),
		news: filepath.Join(dir, "news"), asNobody: os.Geteuid() == 0}
	if s.asNobody {
		// nobody must reach the binary, the folders and the article.
		// (TempDir's folders are private to root.)
		paths := []string{filepath.Dir(binary)}
		for p := dir; len(p) > len(os.TempDir()); p = filepath.Dir(p) {
			paths = append(paths, p)
		}
		for _, p := range paths {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, d := range []string{s.data, s.conf, s.news} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(filepath.Join("testdata", "e2e", "edition", "01-lighthouse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.news, "lighthouse.txt"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // let TempDir remove everything
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})
	return s
}

// writable gives the folder or file to brief's user (when the tests run
// as root) and makes it writable or not.
func (s *stateEnv) writable(p string, w bool) {
	s.t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		s.t.Fatal(err)
	}
	mode := fi.Mode().Perm() | 0o200
	if !w {
		mode &^= 0o222
	}
	if s.asNobody {
		if err := os.Chown(p, nobody, nobody); err != nil {
			s.t.Fatal(err)
		}
	}
	if err := os.Chmod(p, mode); err != nil {
		s.t.Fatal(err)
	}
}

// run runs brief with the folders, as nobody when the tests are root.
func (s *stateEnv) run(args ...string) result {
	s.t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = s.dir
	var env []string
	for _, v := range os.Environ() {
		if !strings.HasPrefix(v, "XDG_") && !strings.HasPrefix(v, "HOME=") {
			env = append(env, v)
		}
	}
	cmd.Env = append(slices.Clip(env), "NO_COLOR=", "HOME="+s.dir,
		"XDG_DATA_HOME="+s.data, "XDG_CONFIG_HOME="+s.conf, "XDG_CACHE_HOME="+filepath.Join(s.dir, "cache"))
	if s.asNobody {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		s.t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// library makes a library of three articles, the first read.
func (s *stateEnv) library() string {
	s.t.Helper()
	p := filepath.Join(s.data, "brief", "brief.db")
	st, err := store.Open(p)
	if err != nil {
		s.t.Fatal(err)
	}
	ctx := context.Background()
	f, _, err := st.AddFeed(ctx, store.Feed{URL: "https://harbour.test/feed", Title: "Harbour Daily"})
	if err != nil {
		s.t.Fatal(err)
	}
	var items []store.NewItem
	for _, t := range []string{"Ferry", "Trams", "Budget"} {
		items = append(items, store.NewItem{GUID: t, URL: "https://harbour.test/" + t, Title: t + " story", Body: "The " + t + " story."})
	}
	if _, err := st.ApplyUpdate(ctx, store.Update{FeedID: f.ID, Items: items}); err != nil {
		s.t.Fatal(err)
	}
	if err := st.SetRead(ctx, 1, true); err != nil {
		s.t.Fatal(err)
	}
	st.Close()
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		s.t.Fatalf("the library left %v", ents)
	}
	for _, d := range []string{s.data, filepath.Join(s.data, "brief"), p} {
		s.writable(d, true)
	}
	return p
}

// readsWork checks that reading files needs nothing of the data and
// settings folders: read, list and summary print the article, exit 0,
// and say at most one line on stderr.
func (s *stateEnv) readsWork() {
	s.t.Helper()
	for _, args := range [][]string{
		{"read", "news/lighthouse.txt"},
		{"list", "news"},
		{"summary", "news/lighthouse.txt"},
	} {
		r := s.run(args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Volunteers Relight the Old Lighthouse") || strings.Count(r.stderr, "\n") > 1 {
			s.t.Errorf("brief %s: exit %d\nstdout: %.300s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
}

// fails checks that a command exits 1 with the one line want.
func (s *stateEnv) fails(want string, args ...string) {
	s.t.Helper()
	r := s.run(args...)
	if r.code != exitFailed || r.stderr != want+"\n" {
		s.t.Errorf("brief %s: exit %d\nstderr: %s\nwant: %s", strings.Join(args, " "), r.code, r.stderr, want)
	}
}

// checkLibrary checks the library is whole, with its one read mark.
func checkLibrary(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var check string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q %v", check, err)
	}
	ctx := context.Background()
	if n, _ := st.Count(ctx, store.Filter{}); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	if n, _ := st.Count(ctx, store.Filter{View: store.Unread}); n != 2 {
		t.Errorf("%d unread, want 2", n)
	}
}

// A read-only data folder holding a library: files read as usual, the
// library lists, and every change fails with one line saying why.
func TestReadOnlyDataFolder(t *testing.T) {
	s := newStateEnv(t)
	db := s.library()
	s.writable(filepath.Dir(db), false)
	s.writable(db, false)
	s.readsWork()
	r := s.run("list")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 3 || !strings.Contains(r.stdout, "Ferry story") || r.stderr != "" {
		t.Errorf("brief list: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	want := "brief: " + db + ": data folder is read-only"
	// open prints the article and says its read mark was not kept
	if r := s.run("open", "2"); r.code != 0 || !strings.Contains(r.stdout, "Trams") || r.stderr != "brief: not saved: "+db+": data folder is read-only\n" {
		t.Errorf("brief open: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	s.fails(want, "mark", "2")
	s.fails(want, "save", "2")
	s.fails(want, "add", bigFeed(t)+"/big.xml")
	s.writable(filepath.Dir(db), true)
	checkLibrary(t, db)
}

// uncheckpointed leaves the library as a brief killed while marking
// does: the read mark of article 2 (Trams) and a second feed with one article
// committed, but only in brief.db-wal (and its index brief.db-shm), not
// checkpointed into brief.db.
func (s *stateEnv) uncheckpointed(db string) {
	s.t.Helper()
	st, err := store.Open(db)
	if err != nil {
		s.t.Fatal(err)
	}
	ctx := context.Background()
	f, _, err := st.AddFeed(ctx, store.Feed{URL: "https://tides.test/feed", Title: "Tide Tables"})
	if err != nil {
		s.t.Fatal(err)
	}
	tide := []store.NewItem{{GUID: "Tides", URL: "https://tides.test/1", Title: "Tides story", Body: "Spring tides."}}
	if _, err := st.ApplyUpdate(ctx, store.Update{FeedID: f.ID, Items: tide}); err != nil {
		s.t.Fatal(err)
	}
	if err := st.SetRead(ctx, 2, true); err != nil {
		s.t.Fatal(err)
	}
	// The files as they are now, before Close checkpoints them.
	files := map[string][]byte{}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if files[suffix], err = os.ReadFile(db + suffix); err != nil {
			s.t.Fatal(err)
		}
	}
	st.Close()
	for suffix, data := range files {
		if err := os.WriteFile(db+suffix, data, 0o644); err != nil {
			s.t.Fatal(err)
		}
		s.writable(db+suffix, true)
	}
}

// listed runs brief list --view unread in the read-only data folder and
// checks it shows the library as committed: want unread articles, and
// on stderr warning (one line, or nothing).
func (s *stateEnv) listed(want []string, warning string) {
	s.t.Helper()
	r := s.run("list", "--view", "unread")
	ok := r.code == 0 && strings.Count(r.stdout, "\n") == len(want) && r.stderr == warning
	for _, w := range want {
		ok = ok && strings.Contains(r.stdout, w+" story")
	}
	if !ok {
		s.t.Errorf("brief list --view unread: exit %d\nstdout: %s\nstderr: %s\nwant %v and stderr %q", r.code, r.stdout, r.stderr, want, warning)
	}
}

// A read-only data folder holding a library whose latest changes are
// only in its WAL, after a crash: brief list shows them, reading the
// WAL through its index, whether brief's user can write the index or
// not. Without the index (which it cannot create), brief lists the
// library as of its last checkpoint and says so in one line.
func TestReadOnlyDataFolderUncheckpointed(t *testing.T) {
	for _, shm := range []string{"writable", "read-only", "read-only with the WAL", "missing"} {
		t.Run(shm, func(t *testing.T) {
			s := newStateEnv(t)
			db := s.library()
			s.uncheckpointed(db)
			switch shm {
			case "read-only":
				s.writable(db+"-shm", false)
			case "read-only with the WAL":
				s.writable(db+"-shm", false)
				s.writable(db+"-wal", false)
			case "missing":
				os.Remove(db + "-shm")
			}
			s.writable(filepath.Dir(db), false)
			s.writable(db, false)
			wal, _ := os.ReadFile(db + "-wal")
			readOnly := "brief: " + db + ": data folder is read-only"
			if shm == "missing" {
				warning := readOnly + "; changes since the last checkpoint cannot be read until it is writable"
				s.listed([]string{"Ferry", "Trams"}, warning+"\n")
				s.fails(warning+"\n"+readOnly, "mark", "3")
			} else {
				s.listed([]string{"Ferry", "Tides"}, "")
				s.fails(readOnly, "mark", "3")
			}
			if after, _ := os.ReadFile(db + "-wal"); !bytes.Equal(after, wal) {
				t.Error("brief changed brief.db-wal in a read-only folder")
			}
			s.writable(filepath.Dir(db), true)
			st, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			if n, _ := st.Count(ctx, store.Filter{}); n != 4 {
				t.Errorf("%d articles, want 4", n)
			}
			if n, _ := st.Count(ctx, store.Filter{View: store.Unread}); n != 2 {
				t.Errorf("%d unread, want 2", n)
			}
		})
	}
}

// The library file alone read-only, in a folder that can be written:
// it lists, and changes fail saying the file is read-only.
func TestReadOnlyDatabaseFile(t *testing.T) {
	s := newStateEnv(t)
	db := s.library()
	s.writable(db, false)
	s.readsWork()
	r := s.run("list")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 3 || r.stderr != "" {
		t.Errorf("brief list: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	s.fails("brief: "+db+": file is read-only", "mark", "2")
	checkLibrary(t, db)
}

// A read-only settings folder: everything reads, the settings too, and
// brief config --init fails with one line.
func TestReadOnlySettingsFolder(t *testing.T) {
	s := newStateEnv(t)
	dir := filepath.Join(s.conf, "brief")
	os.MkdirAll(dir, 0o755)
	s.writable(dir, false)
	s.readsWork()
	if r := s.run("config"); r.code != 0 || r.stderr != "" {
		t.Errorf("brief config: exit %d\nstderr: %s", r.code, r.stderr)
	}
	s.fails("brief: "+filepath.Join(dir, "config.toml")+": settings folder is read-only", "config", "--init")
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left in the settings folder: %v", ents)
	}
}

// A file where the data folder should be: reading works, there is no
// library, and subscribing says what is wrong.
func TestDataFolderIsAFile(t *testing.T) {
	s := newStateEnv(t)
	p := filepath.Join(s.data, "brief")
	if err := os.WriteFile(p, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.readsWork()
	if r := s.run("list"); r.code != 0 || !strings.HasPrefix(r.stdout, "No subscriptions") {
		t.Errorf("brief list: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	s.fails("brief: "+filepath.Join(p, "brief.db")+": data folder is not a folder", "add", "http://127.0.0.1:1/feed.xml")
}

// A full disk, for real: the data folder on a 1 MB tmpfs, filled up.
// A refresh fails saying the data folder is full; what was stored
// stays, the library lists, and files read.
func TestFullDataFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root (the full disk is also tested with SQLite's page limit in library/store)")
	}
	s := newStateEnv(t)
	s.asNobody = false
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", s.data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", s.data).Run() })
	db := s.library()
	filler, err := os.Create(filepath.Join(s.data, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := filler.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	filler.Close()
	s.readsWork()
	if r := s.run("list"); r.code != 0 || strings.Count(r.stdout, "\n") != 3 {
		t.Errorf("brief list: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	r := s.run("add", bigFeed(t)+"/big.xml")
	if want := "brief: " + db + ": data folder is full (no space left on the device)\n"; r.code != exitFailed || !strings.HasSuffix(r.stderr, want) {
		t.Errorf("brief add on a full disk: exit %d\nstderr: %s\nwant: %s", r.code, r.stderr, want)
	}
	os.Remove(filepath.Join(s.data, "filler"))
	checkLibrary(t, db)
}

// bigFeed serves a feed of 300 long articles; it returns the server's
// address.
func bigFeed(t *testing.T) string {
	return serveRSS(t, rss("Big", "big", 300, false))
}

// The reader on a file with a read-only data folder: opening the
// article says the read mark cannot be saved, the reading goes on (the
// mark shows for the session), and brief exits 0 with one warning.
func TestReaderWithReadOnlyDataFolderInTmux(t *testing.T) {
	needTmux(t)
	s := newStateEnv(t)
	db := s.library()
	s.writable(filepath.Dir(db), false)
	s.writable(db, false)
	var user []string
	if s.asNobody {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv is not installed: as root, the test runs brief as nobody with it")
		}
		user = []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"}
	}
	tx := &tmux{t: t, socket: filepath.Join(s.dir, "tmux.sock")}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tx.socket, "kill-server").Run() })
	errFile, codeFile := filepath.Join(s.dir, "stderr"), filepath.Join(s.dir, "code")
	cmd := append([]string{"-x", "100", "-y", "30", "-c", s.dir,
		"sh", "-c", `"$@" 2>` + errFile + `; echo $? >` + codeFile, "sh"}, user...)
	cmd = append(cmd, "env", "TERM=xterm-256color", "NO_COLOR=1", "HOME="+s.dir,
		"XDG_DATA_HOME="+s.data, "XDG_CONFIG_HOME="+s.conf, binary, "news/lighthouse.txt")
	tx.start(cmd...)
	tx.waitFor("1 article", "• Volunteers Relight")
	tx.keys("Enter")
	tx.waitFor("Corran Point heritage society", "could not save the read mark")
	tx.keys("q")
	tx.waitFor("✓ Volunteers Relight")
	tx.keys("q")
	tx.waitExit()
	stderr, _ := os.ReadFile(errFile)
	code, _ := os.ReadFile(codeFile)
	if want := "brief: marks not saved: " + db + ": data folder is read-only\n"; string(stderr) != want || string(code) != "0\n" {
		t.Errorf("exit %q, stderr %q; want 0 and %q", code, stderr, want)
	}
	s.writable(filepath.Dir(db), true)
	checkLibrary(t, db)
}
