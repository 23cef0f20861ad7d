package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
)

// binary is the real brief command, built once for the CLI and
// end-to-end tests.
var binary string

// TestMain builds the binary and gives every brief these tests start
// empty XDG folders of its own, so that a library or settings on the
// machine running the tests never change what they see.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brief-cli")
	if err != nil {
		panic(err)
	}
	// Build before the XDG folders move: go keeps its build cache under
	// XDG_CACHE_HOME, and an empty one would rebuild every dependency.
	binary = filepath.Join(dir, "brief")
	// The go command that runs the tests is on PATH (or names its root
	// in GOROOT); runtime.GOROOT is where this binary was built.
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	if out, err := exec.Command(goTool, "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("building brief: " + err.Error() + "\n" + string(out))
	}
	for _, v := range []string{"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"} {
		os.Setenv(v, filepath.Join(dir, strings.ToLower(v)))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// brief runs the binary with stdout and stderr piped (not a terminal).
func brief(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runBrief(t, os.Environ(), stdin, args...)
}

// runBrief runs the binary in env.
func runBrief(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(slices.Clip(env), "NO_COLOR=") // env may be shared by concurrent runs
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// onTerminal runs the binary on a pseudo-terminal through script(1):
// cmdline is its arguments as a shell reads them, env is added to the
// environment. The test is skipped where script is not installed.
func onTerminal(t *testing.T, cmdline string, env ...string) ([]byte, error) {
	t.Helper()
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed")
	}
	cmd := exec.Command("script", "-qec", binary+" "+cmdline, "/dev/null")
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}

func TestReadJSONSeed(t *testing.T) {
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("../shared/seeds not present")
	}
	r := brief(t, "", "read", "--json", seeds[0])
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a jsonout.Article
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Vladimir Putin, Ibrahim Raisi Hold Extended Talks in Moscow on Bilateral Cooperation" {
		t.Errorf("title %q", a.Title)
	}
	if a.Prev == nil || a.Prev.Title != "Spartak Faces Critical Test as Mostovoy Voices Caution Ahead of Samara Clash" || a.Prev.Resolved {
		t.Errorf("prev %+v", a.Prev)
	}
	if a.Next == nil || a.Next.Title != "Ukraine Considers Building Its Own Arms Industry Amid Aid Debates" || a.Next.Resolved || a.Next.Kind != "text" {
		t.Errorf("next %+v", a.Next)
	}
	if a.Text == nil || !strings.HasPrefix(*a.Text, "In the Kremlin") {
		t.Fatalf("text %v", a.Text)
	}
	for _, s := range []string{"No time to read", "Get a summary", "Previous Article", "Next Article", "Spartak", "Ukraine Considers"} {
		if strings.Contains(*a.Text, s) {
			t.Errorf("text contains %q", s)
		}
	}
	if a.Summary == nil || len(*a.Summary) == 0 || a.Words < 600 || a.ReadingMinutes < 2 {
		t.Errorf("summary %v words %d minutes %d", a.Summary, a.Words, a.ReadingMinutes)
	}
	// The raw keys are the stable interface: check them by name.
	var raw map[string]any
	json.Unmarshal([]byte(r.stdout), &raw)
	for _, k := range []string{"title", "byline", "site", "published", "location", "words", "reading_minutes", "text", "summary", "prev", "next"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	for _, k := range []string{"title", "label", "url", "location", "kind", "resolved"} {
		if _, ok := raw["prev"].(map[string]any)[k]; !ok {
			t.Errorf("prev missing key %q", k)
		}
	}
}

func TestListResolvesChain(t *testing.T) {
	r := brief(t, "", "list", "--json", "testdata/cli/edition")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/cli/edition/one.txt", "testdata/cli/edition/two.txt", "testdata/cli/edition/three.txt"}
	if len(list) != 3 {
		t.Fatalf("got %d articles", len(list))
	}
	for i, a := range list {
		if a["location"] != want[i] {
			t.Errorf("position %d: %v, want %s", i, a["location"], want[i])
		}
		if _, ok := a["text"]; ok {
			t.Errorf("list must not carry text")
		}
	}
	linkTo := func(a map[string]any, dir string) any {
		l, _ := a[dir].(map[string]any)
		if l == nil {
			return nil
		}
		return l["location"]
	}
	checks := []struct {
		i        int
		dir, loc string
	}{
		{0, "next", want[1]}, // different dashes
		{1, "prev", want[0]}, // different case
		{1, "next", want[2]}, // trailing full stop
		{2, "prev", want[1]}, // inline CRLF label
	}
	for _, c := range checks {
		if got := linkTo(list[c.i], c.dir); got != c.loc {
			t.Errorf("%s of %s → %v, want %s", c.dir, want[c.i], got, c.loc)
		}
	}
	next, _ := list[2]["next"].(map[string]any)
	if next == nil || next["resolved"] != false || next["title"] != "A Story That Is Elsewhere" || next["location"] != nil {
		t.Errorf("unresolved link must be kept: %v", next)
	}

	r = brief(t, "", "list", "testdata/cli/edition")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || lines[0] != "Harbour Reopens After Storm Repairs\ttestdata/cli/edition/one.txt" {
		t.Errorf("plain list %q", r.stdout)
	}
}

func TestBadFilesWarnedAndSkipped(t *testing.T) {
	r := brief(t, "", "list", "testdata/cli/mixed")
	if r.code != 0 {
		t.Errorf("exit %d", r.code)
	}
	if strings.TrimSpace(r.stdout) != "Harbour Reopens After Storm Repairs\ttestdata/cli/mixed/good.txt" {
		t.Errorf("stdout %q", r.stdout)
	}
	// The empty .txt looks like an article: a warning of its own. The
	// picture is plainly not one: counted once, not named.
	for _, w := range []string{"testdata/cli/mixed/empty.txt is empty; skipped", "brief: 1 non-article file passed over"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q lacks %q", r.stderr, w)
		}
	}
	if n := strings.Count(r.stderr, "\n"); n != 2 || strings.Contains(r.stderr, "photo.jpg") {
		t.Errorf("want one line per skipped file and one count, got %q", r.stderr)
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	tests := []struct {
		args    []string
		code    int
		errHas  string
		outHas  string
		oneLine bool
	}{
		{[]string{"read", "testdata/cli/mixed/empty.txt"}, 1, "brief: testdata/cli/mixed/empty.txt is empty", "", true},
		{[]string{"read", "testdata/cli/mixed/photo.jpg"}, 1, "photo.jpg is not text (image/jpeg)", "", true},
		{[]string{"read", "testdata/nope.txt"}, 1, "brief: testdata/nope.txt does not exist", "", true},
		{[]string{"summary", "testdata/cli/mixed/empty.txt"}, 1, "empty.txt is empty", "", true},
		{[]string{"list", "testdata/cli/edition/one.txt", "testdata/nope.txt"}, 1, "nope.txt does not exist", "Harbour Reopens", true},
		{[]string{"read"}, 2, "read: no SOURCE given", "", false},
		{[]string{"read", "--bogus", "x"}, 2, "flag provided but not defined", "", false},
		{[]string{"read", "testdata/cli/edition"}, 2, "holds 3 articles", "", false},
		{[]string{"summary", "--sentences", "-1", "x"}, 2, "must not be negative", "", false},
		{[]string{"--nope"}, 2, "flag provided but not defined", "", false},
		{[]string{"read", "--style", "bogus", "testdata/cli/edition/one.txt"}, 2, `unknown style "bogus" (try auto, ascii, dark`, "", false},
		{[]string{"--style", "bogus"}, 2, `unknown style "bogus"`, "", false},
		{[]string{"read", "file:///etc/passwd"}, 1, "file:///etc/passwd is not an http(s) URL", "", true},
		{[]string{"read", "testdata/cli/edition/one.txt", "testdata/cli/mixed"}, 0, "brief: testdata/cli/mixed/empty.txt is empty; skipped", "Harbour Reopens", false},
		{[]string{"--version"}, 0, "", "brief ", false},
		{[]string{"--help"}, 0, "", "Usage:", false},
		{[]string{"read", "--help"}, 0, "", "Usage: brief read", false},
		{[]string{"help", "summary"}, 0, "", "Usage: brief summary", false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := brief(t, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.errHas) || !strings.Contains(r.stdout, tt.outHas) {
				t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
			}
			if tt.oneLine && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one error line, got %q", r.stderr)
			}
		})
	}
}

// hasEscape reports an ESC, a BEL or a CSI in s: the C1 control U+009B,
// or 0x9b as a byte of its own (invalid UTF-8, which a terminal in an
// 8-bit mode reads as CSI).
func hasEscape(s string) bool {
	for i, r := range s {
		if r == 0x1b || r == 0x07 || r == 0x9b || (r == utf8.RuneError && s[i] == 0x9b) {
			return true
		}
	}
	return false
}

func TestPipedOutputHasNoEscapes(t *testing.T) {
	for _, args := range [][]string{
		{"read", "testdata/cli/escapes.txt"},
		{"read", "testdata/cli/edition/one.txt", "testdata/cli/edition"},
		{"summary", "testdata/cli/escapes.txt"},
		{"list", "testdata/cli"},
		{"read", "--json", "testdata/cli/escapes.txt"},
	} {
		r := brief(t, "", args...)
		if hasEscape(r.stdout + r.stderr) {
			t.Errorf("%v: escape bytes in %q", args, r.stdout)
		}
		if r.stdout == "" {
			t.Errorf("%v: no output (%s)", args, r.stderr)
		}
	}
	r := brief(t, "", "read", "testdata/cli/edition/one.txt", "testdata/cli/edition")
	// The meta line names the folder of a file without a site, as the
	// reader's header does (present.Meta).
	want := "Harbour Reopens After Storm Repairs\nedition · 1 min read\n\nThe harbour reopened"
	if !strings.HasPrefix(r.stdout, want) || !strings.Contains(r.stdout, "Next Article: Ferry Timetable Changes — and What They Mean (testdata/cli/edition/two.txt)") {
		t.Errorf("plain read:\n%s", r.stdout)
	}
}

func TestStdin(t *testing.T) {
	r := brief(t, "Piped Headline\n\nFirst sentence here. Second sentence here.\n", "read", "--json", "-")
	var a jsonout.Article
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.Title != "Piped Headline" || a.Location != "-" {
		t.Errorf("read -: %v %+v %s", err, a, r.stderr)
	}
	text := "The city council approved the new budget on Monday evening. " +
		"Spending on roads will rise by a tenth over the next two years. " +
		"The mayor said the plan would be reviewed again in the spring."
	r = brief(t, text, "summary", "--plain", "--sentences", "3", "-")
	if r.code != 0 || r.stdout != strings.ReplaceAll(text, ". ", ".\n")+"\n" {
		t.Errorf("summary --plain -: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = brief(t, "# Markdown Headline\n\nSome *text*.\n", "read", "--json", "-")
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.Title != "Markdown Headline" || *a.Text != "Some *text*." {
		t.Errorf("markdown on stdin: %v %+v", err, a)
	}
	r = brief(t, text, "summary", "--plain", "--json", "-")
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.Words != len(strings.Fields(text)) {
		t.Errorf("summary --plain --json words: %v %d", err, a.Words)
	}
	r = brief(t, "   \n\n", "summary", "--plain", "-")
	if r.code != 1 || !strings.Contains(r.stderr, "brief: standard input is empty") {
		t.Errorf("empty stdin: %d %q", r.code, r.stderr)
	}
}

// TestFileNamesAreCleaned: a file name is untrusted text too.
func TestFileNamesAreCleaned(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile("testdata/cli/edition/one.txt")
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "a\x1b]0;PWN\x07b.txt")
	os.WriteFile(good, article, 0o644)
	os.WriteFile(filepath.Join(dir, "c\x1b[31mred.png"), []byte("\x89PNG\r\n\x1a\n\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "e\x1b[2Jmpty.txt"), nil, 0o644)
	for _, args := range [][]string{{"list", dir}, {"read", good}, {"read", good, dir}, {"read", filepath.Join(dir, "e\x1b[2Jmpty.txt")}} {
		r := brief(t, "", args...)
		if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07") {
			t.Errorf("%q: escape bytes in %q / %q", args, r.stdout, r.stderr)
		}
		if r.stdout == "" && r.stderr == "" {
			t.Errorf("%q: no output", args)
		}
	}
}
