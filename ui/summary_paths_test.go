package ui

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/internal/evaldata"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/present"
)

// `brief summary` and the reader's summary view give the same sentences
// for the same article: both summarise through present.Summarize, and
// this holds them to it along their real paths — the brief command,
// built and run with --json, against the reader's load Cmd with the real
// summarizer and its summary markdown.

// buildBrief builds the brief command into dir.
func buildBrief(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "brief")
	// go test puts the go command that runs it first on PATH.
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build brief with: %v", err)
	}
	if out, err := exec.Command(goTool, "build", "-o", bin, "github.com/brief-news/brief/cmd/brief").CombinedOutput(); err != nil {
		t.Fatalf("building brief: %v\n%s", err, out)
	}
	return bin
}

// linkSyntax is markdown link or image syntax, which no summary sentence
// may hold: the summarizer reads link text, not links.
func linkSyntax(s string) string {
	for _, bad := range []string{"](", "![", "[["} {
		if strings.Contains(s, bad) {
			return bad
		}
	}
	return ""
}

func TestCLIAndReaderSummariseAlike(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs brief on every eval page")
	}
	pages := evaldata.ReadabilitySources(t)
	tmp := t.TempDir()
	bin := buildBrief(t, tmp)
	// The command gets empty settings of its own, whatever the machine has.
	env := append(os.Environ(), "NO_COLOR=1")
	for _, v := range []string{"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"} {
		env = append(env, v+"="+filepath.Join(tmp, strings.ToLower(v)))
	}
	summarised := 0
	for _, page := range pages {
		name := filepath.Base(filepath.Dir(page))
		// The CLI: brief summary --json.
		cmd := exec.Command(bin, "summary", "--json", page)
		cmd.Env = env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		var cli struct {
			Summary []string `json:"summary"`
		}
		cliOK := err == nil
		if cliOK {
			if err := json.Unmarshal(out, &cli); err != nil {
				t.Fatalf("%s: brief summary --json printed no JSON: %v\n%s", name, err, out)
			}
		}
		// The reader: the collection it is given, the article opened by
		// the load Cmd with the real summarizer, its summary view.
		c, lerr := reader.Load(context.Background(), []string{page}, nil)
		if lerr != nil || len(c.Articles) == 0 {
			if cliOK {
				t.Errorf("%s: the reader cannot load it (%v), brief summary could", name, lerr)
			}
			continue
		}
		msg := loadCmd(context.Background(), collectionSource{c}, defaultSummarizer{}, c.Articles[0], true, 0)().(loadedMsg)
		switch {
		case msg.Err != nil:
			if cliOK {
				t.Errorf("%s: the reader cannot open it (%v), brief summary could", name, msg.Err)
			}
			continue
		case errors.Is(msg.SumErr, summarizer.ErrEmpty):
			if cliOK || !strings.Contains(stderr.String(), "nothing to summarise") {
				t.Errorf("%s: nothing to summarise in the reader; brief summary: %v %q", name, err, stderr.String())
			}
			continue
		case !cliOK:
			t.Errorf("%s: brief summary failed (%v: %s), the reader summarised it", name, err, stderr.String())
			continue
		}
		summarised++
		if !slices.Equal(cli.Summary, msg.Summary.Sentences) {
			t.Errorf("%s: the summaries differ\n brief summary --json: %q\n the reader:           %q", name, cli.Summary, msg.Summary.Sentences)
		}
		for _, s := range append(cli.Summary, msg.Summary.Sentences...) {
			if bad := linkSyntax(s); bad != "" {
				t.Errorf("%s: a summary sentence holds %q: %q", name, bad, s)
			}
		}
		// The summary view lists those sentences, in that order.
		md := documentMarkdown(&doc{art: msg.Article, sum: msg.Summary, sumErr: msg.SumErr}, modeSummary)
		// (An article too short to summarise is its sentences, a line
		// each, under a heading that says so.)
		head, prefix := "**Key points**\n\n", "- "
		if msg.Summary.Short {
			head, prefix = "**"+present.ShortNotice+"**\n\n", ""
		}
		var items []string
		list := strings.SplitN(strings.TrimPrefix(md, head), "\n\n", 2)[0]
		for _, l := range strings.Split(list, "\n") {
			if s, ok := strings.CutPrefix(l, prefix); ok {
				items = append(items, s)
			}
		}
		want := make([]string, len(cli.Summary))
		for i, s := range cli.Summary {
			want[i] = present.Escape(s)
		}
		if !strings.HasPrefix(md, head) || !slices.Equal(items, want) {
			t.Errorf("%s: the summary view does not list the summary:\n%s", name, md)
		}
	}
	if summarised < len(pages)/2 {
		t.Errorf("only %d of %d pages summarised", summarised, len(pages))
	}
	t.Logf("%d of %d pages summarised alike", summarised, len(pages))
}

// keyPointsGolden is the reader's summary view of a fixture article at 80
// columns, as text: cmd/brief's TestSummaryOnTerminalIsTheReaders holds
// `brief summary` on a terminal to the same file.
const keyPointsGolden = "present/testdata/harbour_keypoints.golden"

// plainScreen is rendered text without styles or trailing spaces, and
// without blank lines at either end.
func plainScreen(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func TestSummaryViewGolden(t *testing.T) {
	c, err := reader.Load(context.Background(), []string{"present/testdata/harbour.html"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := loadCmd(context.Background(), collectionSource{c}, defaultSummarizer{}, c.Articles[0], true, 0)().(loadedMsg)
	if msg.Err != nil || msg.SumErr != nil {
		t.Fatal(msg.Err, msg.SumErr)
	}
	d := &doc{art: msg.Article, sum: msg.Summary}
	k := renderKey{Loc: msg.Loc, Mode: modeSummary, Width: 80, Style: "dark"}
	r := docRenderCmd(k, 0, d, modeSummary, renderOptions{Style: "dark", Profile: termenv.Ascii})().(renderedMsg)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	view, _, ok := strings.Cut(plainScreen(r.Content), "\n  Press s for the full article.")
	if !ok {
		t.Fatalf("no closing line in the summary view:\n%s", r.Content)
	}
	got := strings.TrimRight(view, "\n") + "\n"
	// The escaped marks of the article show as written.
	for _, s := range []string{"[about 2.1", "million euros]", "*lowest*", "& the #1 choice"} {
		if !strings.Contains(got, s) {
			t.Errorf("the summary view lacks %q:\n%s", s, got)
		}
	}
	if *update {
		if err := os.WriteFile(keyPointsGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(keyPointsGolden)
	if err != nil {
		t.Fatalf("%v (go test ./ui -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("the summary view differs from %s (go test ./ui -update rewrites it)\n--- got:\n%s\n--- want:\n%s", keyPointsGolden, got, want)
	}
}
