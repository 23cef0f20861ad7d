package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
)

// checkOutput fails unless stdout and stderr are inert. The plain
// list separates its columns with tabs.
func checkOutput(t *testing.T, what string, r result) {
	t.Helper()
	check := hostiletest.Check
	if strings.HasPrefix(what, `["list"`) {
		check = hostiletest.CheckTabular
	}
	for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if err := check([]byte(out)); err != nil {
			t.Errorf("%s: %s: %v", what, name, err)
		}
	}
}

// checkJSON fails unless every string in the JSON document is inert once
// decoded: a script printing a value must be safe, so escaping a control
// as \u001b is no protection.
func checkJSON(t *testing.T, what, doc string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("%s: %v\n%s", what, err, doc)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case string:
			if err := hostiletest.Check([]byte(x)); err != nil {
				t.Errorf("%s: %s: %v", what, path, err)
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for k, e := range x {
				walk(path+"."+k, e)
			}
		}
	}
	walk("", v)
	if strings.Contains(doc, `\u00`) || strings.Contains(doc, `\u20`) {
		t.Errorf("%s: escaped control characters in %s", what, doc)
	}
}

// hostileFiles writes articles carrying every payload in their
// headlines, bodies, bylines and link headlines, as text, markdown and
// HTML, and returns their folder.
func hostileFiles(t *testing.T) string {
	dir := t.TempDir()
	ps, term := hostiletest.ForFiles(), hostiletest.Terminated()
	var body strings.Builder
	for _, p := range ps {
		body.WriteString("A paragraph of ordinary words carries " + p.Text + "\n\n")
	}
	body.WriteString("References &#27;]0;REFTITLE&#7; and &#x1b;[2J and &#x202e;RLO &ZeroWidthSpace; in the text.\n\n")
	body.WriteString(strings.Repeat("Filler words keep the share of control bytes low, as in real text. ", 40) + "\n\n")
	links := "Previous Article\n\nPrev " + hostiletest.Join(term, " ") + "\n\nNext Article: Next " + hostiletest.Join(ps, " ") + "\n"
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hostile.txt", "Headline "+hostiletest.Join(ps, " ")+"\n\n"+body.String()+links)
	write("hostile.md", "# Markdown "+hostiletest.Join(ps, " ")+"\n\n"+body.String()+links)
	all := hostiletest.Join(term, " ")
	var paras strings.Builder
	for _, p := range term {
		paras.WriteString("<p>A paragraph of ordinary words long enough to be article text carries " + p.Text + " in it.</p>\n")
	}
	write("hostile.html", `<!doctype html><html><head><title>Page `+all+`</title>
<meta name="author" content="Ann `+all+`"><meta property="og:site_name" content="Site `+all+`"></head>
<body><article><h1>Page `+all+`</h1>`+paras.String()+`<p>Refs &#27;]0;PWNED&#7; &amp;#27;[2J &#x202e;RLO, and <a href="https://h.example/x">a link `+all+`</a>.</p>
<p>`+strings.Repeat("Filler words keep the page an article with enough text for the extractor. ", 10)+`</p></article>
<nav class="post-navigation"><a rel="prev" href="/prev">Prev `+all+`</a><a rel="next" href="/next">Next `+all+`</a></nav></body></html>`)
	// Invalid UTF-8 (read as Windows-1252) and a hostile file name.
	write("raw.txt", "Raw rb\x9b2J\x9d0;PWNED\x07\n\nBody with \x9b31m raw bytes and \x1b[2J an escape. More words here.\n")
	write("name\x1b]0;PWNED\x07\x1b[2J\u202e.txt", "Named Headline\n\nA body under a hostile file name. Words.\n")
	return dir
}

func TestHostileCommandsPiped(t *testing.T) {
	dir := hostileFiles(t)
	files := []string{"hostile.txt", "hostile.md", "hostile.html", "raw.txt", "name\x1b]0;PWNED\x07\x1b[2J\u202e.txt"}
	for _, f := range files {
		path := filepath.Join(dir, f)
		for _, args := range [][]string{{"read", path}, {"read", path, dir}, {"summary", path}, {"summary", "--sentences", "20", path}} {
			r := brief(t, "", args...)
			if r.code != 0 || r.stdout == "" {
				t.Errorf("%q: exit %d: %s", args, r.code, r.stderr)
			}
			checkOutput(t, fmt.Sprintf("%q", args), r)
		}
		for _, args := range [][]string{{"read", "--json", path, dir}, {"summary", "--json", path}} {
			r := brief(t, "", args...)
			checkOutput(t, fmt.Sprintf("%q", args), r)
			checkJSON(t, fmt.Sprintf("%q", args), r.stdout)
		}
	}
	// The markers around each payload show: nothing ate the text.
	r := brief(t, "", "read", filepath.Join(dir, "hostile.txt"))
	if err := hostiletest.CheckShown([]byte(r.stdout), hostiletest.ForFiles()...); err != nil {
		t.Errorf("read hostile.txt: %v", err)
	}
	for _, args := range [][]string{{"list", dir}, {"list", "--json", dir}} {
		r := brief(t, "", args...)
		checkOutput(t, fmt.Sprintf("%q", args), r)
		if args[1] == "--json" {
			checkJSON(t, "list --json", r.stdout)
		}
	}
	hostile := hostiletest.Join(hostiletest.ForFiles(), " ")
	r = brief(t, "Piped "+hostile+"\n\n"+strings.Repeat("Words of a piped article. ", 20)+hostile+"\n", "summary", "--plain", "-")
	checkOutput(t, "summary --plain -", r)
	r = brief(t, "Piped "+hostile+"\n\nBody words. "+hostile+"\n", "read", "--json", "-")
	checkJSON(t, "read --json -", r.stdout)
}

// TestHostileErrorMessages: messages that quote a file name or URL given
// on the command line are inert.
func TestHostileErrorMessages(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "gone\x1b]0;PWNED\x07\x1b[2J\u202e\u200b.txt")
	empty := filepath.Join(dir, "empty\x1b]52;c;cHduZWQ=\x07.txt")
	os.WriteFile(empty, nil, 0o644)
	for _, args := range [][]string{
		{"read", bad}, {"summary", bad}, {"list", bad}, {"read", empty}, {"read", "--json", bad},
		{"read", "http://127.0.0.1:1/\x1b]0;PWNED\x07"}, {"read", "ftp://h.example/\x1b[2J\u202e"},
		{"read", "--style", "\x1b]0;PWNED\x07", empty}, {"read", "--\x1b[2Jbogus"},
		{"read", filepath.Join(dir, "a\u009b2Jb.txt")},
	} {
		r := brief(t, "", args...)
		if r.code == 0 || r.stderr == "" {
			t.Errorf("%q: exit %d, stderr %q", args, r.code, r.stderr)
		}
		checkOutput(t, fmt.Sprintf("%q", args), r)
	}
}

// TestHostileOnTerminal runs read and summary on a terminal (script(1)):
// the glamour path, with brief's styling, carries no other sequence.
func TestHostileOnTerminal(t *testing.T) {
	dir := hostileFiles(t)
	for _, name := range []string{"hostile.txt", "hostile.md", "hostile.html", "raw.txt"} {
		file := filepath.Join(dir, name)
		for _, args := range []string{"read --style dark " + file, "summary --style dark " + file, "read --style light " + file + " " + dir} {
			out, err := onTerminal(t, args, "TERM=xterm-256color", "COLUMNS=100", "LINES=40")
			if err != nil {
				t.Fatalf("%s: %v\n%q", args, err, out)
			}
			if !strings.Contains(string(out), "\x1b[") {
				t.Errorf("%s: no styling: not the glamour path", args)
			}
			if err := hostiletest.CheckPTY(out); err != nil {
				t.Errorf("%s: %v", args, err)
			}
		}
	}
	// An error on a terminal, quoting a hostile file name.
	out, _ := onTerminal(t, `read "$(printf 'gone\033]0;PWNED\007\033[2J.txt')"`, "TERM=xterm-256color")
	if !strings.Contains(string(out), "does not exist") {
		t.Errorf("no error: %q", out)
	}
	if err := hostiletest.CheckPTY(out); err != nil {
		t.Errorf("error on a terminal: %v", err)
	}
}

// TestHostileFeed subscribes to a feed on loopback whose name, items,
// authors and bodies carry every payload, and checks every command
// that shows them.
func TestHostileFeed(t *testing.T) {
	all := hostiletest.Join(hostiletest.ForFiles(), " ")
	// The handler names its own address from the request: brief asks
	// from another process, so reading srv here would race with its
	// assignment as far as the race detector can tell.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		if r.URL.Path == "/page" {
			fmt.Fprintf(w, `<html><head><title>Page %s</title></head><body><article><p>%s</p><p>%s</p></article></body></html>`,
				all, strings.Repeat("Words of the full page about the harbour trams. ", 20), all)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title><link>%s/</link>
<item><title>Item %s trams</title><link>%s/page</link><guid>g1</guid><author>a@h.example (Ann %s)</author>
<description>&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;%s trams &amp;#27;]0;REF&amp;#7;&lt;/p&gt;</description></item>
<item><title>Teaser %s</title><link>%s/page</link><guid>g2</guid><description>Opening lines only… Read more</description></item>
</channel></rss>`, all, base, all, base, all, strings.Repeat("Words of the story about the harbour trams. ", 20), all, all, base)
	}))
	defer srv.Close()
	l := newLibEnv(t)
	for _, args := range [][]string{
		{"add", srv.URL + "/feed.xml"}, {"refresh"}, {"feeds"}, {"feeds", "--json"}, {"list"}, {"list", "--json"},
		{"search", "trams"}, {"search", "--json", "trams"}, {"open", "1"}, {"open", "--json", "1"}, {"open", "2"},
		{"export"}, {"remove", "nosuchfeed\x1b]0;PWNED\x07"}, {"open", "\x1b[2J99"}, {"add", "http://127.0.0.1:1/\x1b]0;PWNED\x07"},
	} {
		r := l.run("", args...)
		checkOutput(t, fmt.Sprintf("%q", args), r)
		if len(args) > 1 && args[1] == "--json" {
			checkJSON(t, fmt.Sprintf("%q", args), r.stdout)
		}
		if args[0] == "feeds" && !strings.Contains(r.stdout, "Feed ") {
			t.Errorf("feeds does not show the feed: %q", r.stdout)
		}
	}
}
