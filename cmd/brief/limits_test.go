package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Size and shape, end to end: a file over the cap is one error line
// naming it (a warning and a skip inside a folder); a huge article is
// printed whole, and a document beyond the safety bounds cut on a
// terminal with a notice and printed whole when piped.

const prose = "The council voted on the harbour barrier after a long debate about the tides. "

// sparseFile makes a 100 MB file that takes no disk space.
func sparseFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
}

func TestTooLargeFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	sparseFile(t, big)
	for _, cmd := range []string{"read", "summary"} {
		r := brief(t, "", cmd, big)
		if r.code != 1 || r.stderr != "brief: "+big+" is too large (over 32 MB)\n" {
			t.Errorf("%s: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
	}
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Harbour Vote\n\n"+prose), 0o644)
	r := brief(t, "", "list", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Harbour Vote") || !strings.Contains(r.stderr, big+" is too large (over 32 MB); skipped") {
		t.Errorf("list: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// hugeFile writes an article of n paragraphs of prose ending in "The last
// paragraph."
func hugeFile(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "huge.txt")
	body := "Huge Harbour Report\n\n" + strings.Repeat(prose+prose+"\n\n", n) + "The last paragraph.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadHugeOnTerminal: on a terminal a 140,000-word article is
// printed whole, as piped; a document beyond the safety bounds (25,000
// paragraphs) is cut at a paragraph's end with a notice.
func TestReadHugeOnTerminal(t *testing.T) {
	onTerminal := func(path string) string {
		t.Helper()
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, tty: true, width: 80}
		if code := run(e, []string{"read", "--style", "notty", path}); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return strings.Join(strings.Fields(out.String()), " ")
	}
	path := hugeFile(t, 5_000) // 140,000 words
	got := onTerminal(path)
	if !strings.HasSuffix(got, "The last paragraph.") || strings.Contains(got, "truncated") {
		t.Errorf("not whole: ends %q", got[max(0, len(got)-300):])
	}
	// Piped, it is all there.
	r := brief(t, "", "read", path)
	if r.code != 0 || !strings.HasSuffix(r.stdout, "The last paragraph.\n") || strings.Contains(r.stdout, "truncated") {
		t.Errorf("piped: exit %d, ends %q", r.code, r.stdout[max(0, len(r.stdout)-100):])
	}

	path = filepath.Join(t.TempDir(), "log.txt")
	if err := os.WriteFile(path, []byte("Huge Harbour Log\n\n"+strings.Repeat("A short paragraph of news.\n\n", 30_000)+"The last paragraph.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got = onTerminal(path)
	if !strings.Contains(got, "A short paragraph of news. -------- *Article truncated: showing the first 125,000 of 150,003 words.") || !strings.Contains(got, "brief read "+path+" | less") {
		t.Errorf("no truncation notice in %q", got[max(0, len(got)-300):])
	}
	if strings.Contains(got, "The last paragraph.") {
		t.Error("the whole document was rendered")
	}
}

func TestSummaryOfHugeSaysSo(t *testing.T) {
	path := hugeFile(t, 5_000)
	r := brief(t, "", "summary", path)
	if r.code != 0 || r.stdout == "" || r.stderr != "brief: "+path+": the article is long: this summary is of its first 50,000 words\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestFeedOfManyItems: add and refresh keep a feed's newest 1,000 items
// and say so on stderr.
func TestFeedOfManyItems(t *testing.T) {
	doc := rss("Archive", "archive", 1_500, false)
	url := serveRSS(t, doc)
	l := newLibEnv(t)
	note := "brief: " + strings.TrimPrefix(url, "http://") + "/a.xml: kept the newest 1,000 of 1,500 items\n"
	r := l.run("", "add", url+"/a.xml")
	if r.code != 0 || !strings.Contains(r.stdout, ": 1000 articles") || r.stderr != note {
		t.Fatalf("add: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = l.run("", "refresh")
	if r.code != 0 || r.stdout != "1 feed, 0 new articles\n" || r.stderr != note {
		t.Fatalf("refresh: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
