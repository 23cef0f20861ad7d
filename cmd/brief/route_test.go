package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/cmd/brief/internal/jsonout"
	"github.com/brief-news/brief/internal/sample"
	"github.com/brief-news/brief/reader"
)

// routesFolder writes a folder whose articles lead every way: a chain
// of three (one → two → three, whose next is not in the folder), an
// article with no links (the list's neighbours) and a saved page with a
// javascript: previous and a web next.
func routesFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"one.txt", "two.txt", "three.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "cli", "edition", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"loose.txt": "Loose Story Without Links\n\nA story that links nowhere. Its neighbours come from the list.\n",
		"web.html": `<!doctype html><html><head><title>Saved Page Story</title></head><body><article><h1>Saved Page Story</h1>
<p>This saved page has a body long enough to be read as an article. It tells of the harbour and the council.</p>
<p>More text follows so that the extractor keeps it. Residents were pleased with the news.</p>
</article><nav class="post-navigation"><a rel="prev" href="javascript:alert(1)">Previous</a> <a rel="next" href="http://127.0.0.1:9/elsewhere.html">Elsewhere Story</a></nav></body></html>`,
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The lines brief read prints for each kind of route, and the route
// read --json adds beside the unchanged prev and next.
func TestReadDescribesRoutes(t *testing.T) {
	dir := routesFolder(t)
	loc := func(n string) string { return filepath.Join(dir, n) }
	cases := []struct {
		file  string
		lines []string
	}{
		{"one.txt", []string{"Next Article: Ferry Timetable Changes — and What They Mean (" + loc("two.txt") + ")"}},
		{"three.txt", []string{"PREVIOUS ARTICLE: Ferry Timetable Changes — and What They Mean (" + loc("two.txt") + ")",
			"Next Article: A Story That Is Elsewhere (not in this collection)"}},
		{"loose.txt", []string{"Previous (list): Lighthouse Keeper Retires After 40 Years (" + loc("three.txt") + ")",
			"Next (list): Saved Page Story (" + loc("web.html") + ")"}},
		{"web.html", []string{"Previous: javascript: link (a javascript: address, not followed)",
			"Next: Elsewhere Story (http://127.0.0.1:9/elsewhere.html)"}},
	}
	for _, c := range cases {
		r := brief(t, "", "read", loc(c.file), dir)
		if r.code != 0 {
			t.Fatalf("read %s: exit %d: %s", c.file, r.code, r.stderr)
		}
		if !strings.HasSuffix(r.stdout, "\n\n"+strings.Join(c.lines, "\n")+"\n") {
			t.Errorf("read %s: want the lines\n%s\ngot:\n%s", c.file, strings.Join(c.lines, "\n"), r.stdout)
		}
	}
	// Alone, the first of the chain has nowhere to go back to: no line.
	r := brief(t, "", "read", loc("loose.txt"))
	if strings.Contains(r.stdout, "Previous") || strings.Contains(r.stdout, "Next") {
		t.Errorf("an article alone names no neighbours:\n%s", r.stdout)
	}

	r = brief(t, "", "read", "--json", loc("web.html"), dir)
	var raw map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	for _, k := range []string{"title", "label", "url", "location", "kind", "resolved"} {
		if _, ok := raw["prev"].(map[string]any)[k]; !ok {
			t.Errorf("prev lacks %q", k)
		}
	}
	if raw["prev"].(map[string]any)["kind"] != "rel" {
		t.Errorf("prev.kind %v: the link's own fields must stay", raw["prev"])
	}
	route, _ := raw["route"].(map[string]any)
	want := map[string]map[string]any{
		"prev": {"kind": "unfollowed", "via": "page", "location": nil, "url": "javascript:alert(1)", "title": "javascript: link",
			"why": "previous link is a javascript: address, which brief does not follow"},
		"next": {"kind": "web", "via": "page", "location": nil, "url": "http://127.0.0.1:9/elsewhere.html", "title": "Elsewhere Story", "why": nil},
	}
	for dir, fields := range want {
		got, _ := route[dir].(map[string]any)
		if len(got) != len(fields) {
			t.Errorf("route.%s: %v, want %v", dir, got, fields)
		}
		for k, v := range fields {
			if got[k] != v {
				t.Errorf("route.%s.%s: %v, want %v", dir, k, got[k], v)
			}
		}
	}
}

// footerNotes is what the reader's footer says after each kind of target.
var footerNotes = map[string]string{"article": "", "list": " (list)", "web": " (web)", "unresolved": " (not here)", "unfollowed": " (not here)"}

// footerMatches reports whether the reader's screen has the footer that
// routes describe: each target's title and note beside its arrow, and
// no arrow where a route leads nowhere.
func footerMatches(screen string, title string, routes *jsonout.Routes) bool {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	footer := ""
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "%") {
			footer = lines[i]
			break
		}
	}
	if !strings.Contains(screen, title) || footer == "" {
		return false
	}
	for _, side := range []struct {
		r         jsonout.Route
		pre, post string
	}{{routes.Prev, "← ", ""}, {routes.Next, "", " →"}} {
		arrow := strings.TrimSpace(side.pre + side.post)
		if side.r.Title == "" {
			if strings.Contains(footer, arrow) {
				return false
			}
		} else if !strings.Contains(footer, side.pre+side.r.Title+footerNotes[side.r.Kind]+side.post) {
			return false
		}
	}
	return true
}

// startWide starts the reader in a tmux pane wide enough for two whole
// headlines in the footer.
func startWide(t *testing.T, args ...string) *tmux {
	t.Helper()
	needTmux(t)
	return startReaderSized(t, t.TempDir(), "240", "30", args...)
}

// walkFooters opens each article of the reader's list in turn and checks
// its footer against routes(i), the read --json route of the i-th.
func walkFooters(t *testing.T, tx *tmux, titles []string, routes func(i int) *jsonout.Routes) {
	t.Helper()
	tx.waitFor(titles[0])
	for i, title := range titles {
		if i > 0 {
			tx.keys("q", "j")
		}
		tx.keys("Enter")
		rs := routes(i)
		tx.poll("match read --json's route "+title, func(s string) bool { return footerMatches(s, title, rs) },
			[]string{rs.Prev.Title, rs.Next.Title})
	}
	tx.keys("q", "q")
	tx.waitExit()
}

// read --json's route is what the reader's footer shows, on the sample
// edition (the reader with no arguments) and on a folder.
func TestReadRouteIsTheFooter(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		c, err := sample.Collection()
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range c.Articles {
			titles = append(titles, a.DisplayTitle())
		}
		tx := startWide(t)
		walkFooters(t, tx, titles, func(i int) *jsonout.Routes {
			a, err := c.Open(context.Background(), c.Articles[i])
			if err != nil {
				t.Fatal(err)
			}
			return jsonout.FromRoutes(readRoutes(c, a))
		})
	})
	t.Run("folder", func(t *testing.T) {
		dir := routesFolder(t)
		r := brief(t, "", "list", "--json", dir)
		var list []jsonout.Article
		if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 5 {
			t.Fatalf("list: %v %s", err, r.stdout)
		}
		var titles []string
		for _, a := range list {
			titles = append(titles, a.Title)
		}
		tx := startWide(t, dir)
		walkFooters(t, tx, titles, func(i int) *jsonout.Routes {
			r := brief(t, "", "read", "--json", list[i].Location, dir)
			var a jsonout.Article
			if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.Route == nil {
				t.Fatalf("read --json %s: %v %s", list[i].Location, err, r.stdout)
			}
			return a.Route
		})
	})
}

// The folder holds every kind of route that a folder can.
func TestRoutesFolderHasEveryKind(t *testing.T) {
	dir := routesFolder(t)
	c, err := reader.Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[reader.RouteKind]bool{}
	for _, a := range c.Articles {
		rs := readRoutes(c, a)
		kinds[rs.Prev.Kind], kinds[rs.Next.Kind] = true, true
	}
	for _, k := range []reader.RouteKind{reader.RouteArticle, reader.RouteList, reader.RouteWeb, reader.RouteUnresolved, reader.RouteUnfollowed, reader.RouteNone} {
		if !kinds[k] {
			t.Errorf("no %s route in the folder", k)
		}
	}
}
