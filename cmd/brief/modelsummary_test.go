package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/internal/llmtest"
)

const story = "testdata/cli/edition/one.txt"

// modelHome gives the test its own settings and library, with a [model]
// section pointing at url ("" for none).
func modelHome(t *testing.T, url string) {
	t.Helper()
	d := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(d, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(d, "data"))
	if url == "" {
		return
	}
	writeConfig(t, filepath.Join(d, "config"), "[model]\nurl = \""+url+"\"\nname = \"llama3.2\"\ntimeout = \"5s\"\n")
}

// runIn runs brief in this process, stdout a terminal or not.
func runIn(tty bool, args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, tty: tty, width: 80}
	code = run(e, args)
	return out.String(), errb.String(), code
}

// brief summary --model prints the model's points (piped: the title and
// a point a line); the answer is stored, so a second run asks nothing,
// and --refresh asks again.
func TestSummaryModelPiped(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- The harbour ", "reopened.\n", "- Repairs took a month."))
	modelHome(t, srv.BaseURL())
	want := "Harbour Reopens After Storm Repairs\n\nThe harbour reopened.\nRepairs took a month.\n"
	for i := range 2 {
		out, errs, code := runIn(false, "summary", "--model", story)
		if code != 0 || errs != "" || out != want {
			t.Fatalf("run %d: exit %d, stderr %q, stdout %q", i, code, errs, out)
		}
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests for two runs, want 1 (the second from the library)", n)
	}
	if u := srv.Requests()[0].Messages[1].Content; !strings.HasPrefix(u, "Title: Harbour Reopens After Storm Repairs\n\n") || strings.Contains(u, "Get a summary") {
		t.Errorf("the model was sent:\n%s", u)
	}
	if _, _, code := runIn(false, "summary", "--model", "--refresh", story); code != 0 || len(srv.Requests()) != 2 {
		t.Errorf("--refresh: exit %d, %d requests", code, len(srv.Requests()))
	}
}

// --json reports the points, the engine and the model; the offline
// summary says it is the offline one.
func TestSummaryModelJSON(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- One.\n- Two."))
	modelHome(t, srv.BaseURL())
	var j struct {
		Title   string   `json:"title"`
		Summary []string `json:"summary"`
		Engine  string   `json:"engine"`
		Model   *string  `json:"model"`
	}
	out, errs, code := runIn(false, "summary", "--model", "--json", story)
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != 0 || errs != "" {
		t.Fatalf("exit %d %q: %v\n%s", code, errs, err, out)
	}
	if j.Engine != "model" || j.Model == nil || *j.Model != "llama3.2" || strings.Join(j.Summary, "|") != "One.|Two." || j.Title == "" {
		t.Errorf("%+v", j)
	}
	out, _, _ = runIn(false, "summary", "--json", story)
	j.Model = nil
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.Engine != "offline" || j.Model != nil || len(j.Summary) == 0 {
		t.Errorf("offline: %+v %v", j, err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (none without --model)", n)
	}
}

// On a terminal the answer is written as it streams in, under the
// headline and the model's name; hostile output stays inert.
func TestSummaryModelStreamsOnTerminal(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- The harbour ", "reopened\x1b[2J.\n", "- Repairs \x1b]0;pwned\x07took a month."))
	modelHome(t, srv.BaseURL())
	out, errs, code := runIn(true, "summary", "--model", story)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "Harbour Reopens After Storm Repairs\nSummary · llama3.2\n\n- The harbour reopened.\n- Repairs took a month.\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if err := hostiletest.Check([]byte(out)); err != nil {
		t.Error(err)
	}
}

// A failed request is one line on stderr naming the endpoint, exit 1,
// nothing on stdout.
func TestSummaryModelFailure(t *testing.T) {
	srv := llmtest.New(t, llmtest.Status(500, "model failed to load"))
	modelHome(t, srv.BaseURL())
	for _, tty := range []bool{false, true} {
		out, errs, code := runIn(tty, "summary", "--model", story)
		want := "brief: model at " + srv.BaseURL() + ": HTTP 500 Internal Server Error: model failed to load\n"
		if code != 1 || errs != want {
			t.Errorf("tty %v: exit %d, stderr %q, want %q", tty, code, errs, want)
		}
		if !tty && out != "" {
			t.Errorf("stdout %q", out)
		}
	}
}

// Without a [model] section nothing is ever sent: --model says how to
// set it up, and without --model nothing changes.
func TestSummaryModelNotConfigured(t *testing.T) {
	srv := llmtest.New(t, nil)
	modelHome(t, "")
	t.Setenv("OPENAI_BASE_URL", srv.BaseURL())
	t.Setenv("OPENAI_API_KEY", "sk-ambient")
	out, errs, code := runIn(false, "summary", "--model", story)
	if code != 1 || out != "" || !strings.Contains(errs, "[model] section") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, args := range [][]string{{"summary", story}, {"summary", "--json", story}, {"read", story}} {
		if _, errs, code := runIn(false, args...); code != 0 {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests without settings", n)
	}
	if _, _, code := runIn(false, "summary", "--refresh", story); code != 2 {
		t.Errorf("--refresh without --model: exit %d, want 2", code)
	}
}

// brief config shows the [model] settings in force, and the summary
// engine.
func TestConfigShowsModel(t *testing.T) {
	modelHome(t, "http://localhost:11434/v1")
	out, errs, code := runIn(false, "config")
	for _, s := range []string{`summary = "offline"`, "[model]", `url = "http://localhost:11434/v1"`, `name = "llama3.2"`, `language = "article"`, `max_input_words = 3000`, `timeout = "5s"`} {
		if !strings.Contains(out, s) {
			t.Errorf("brief config lacks %q:\n%s", s, out)
		}
	}
	if code != 0 || errs != "" {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// Without [model], brief config says model summaries are off and how
// to turn them on.
func TestConfigSaysModelOff(t *testing.T) {
	modelHome(t, "")
	out, _, code := runIn(false, "config")
	if code != 0 || !strings.Contains(out, "# model summaries: off; nothing is sent anywhere.") || strings.Contains(out, "[model]\nurl") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
