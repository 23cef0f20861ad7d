package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/library/store"
)

// brief feeds numbers feeds by their ids, which stay when others are
// added or removed, and a long refresh error is cut short instead of
// pushing the URL column off the screen.
func TestFeedsStableIDsAndShortErrors(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/tram.xml", rss("Tram Blog", "blog", 1, false))
	srv.set("/zoo.xml", rss("Zoo Notes", "zoo", 1, false))
	srv.set("/ant.xml", rss("Ant Weekly", "ant", 1, false))
	l := newLibEnv(t)
	l.ok("add", srv.URL+"/tram.xml")
	l.ok("add", srv.URL+"/zoo.xml")
	// Ant Weekly sorts first: by position it would take number 1.
	l.ok("add", srv.URL+"/ant.xml")
	ids := feedIDs(t, l)
	if ids["Tram Blog"] != 1 || ids["Zoo Notes"] != 2 || ids["Ant Weekly"] != 3 {
		t.Fatalf("ids: %v", ids)
	}
	if out := l.ok("remove", "1"); !strings.Contains(out, "Unsubscribed from Tram Blog") {
		t.Errorf("remove 1: %s", out)
	}
	// Tomorrow, 2 is still Zoo Notes although it is now the second row
	// of two, and 1 names nothing.
	if out := l.ok("list", "--feed", "2"); !strings.Contains(out, "Zoo Notes") {
		t.Errorf("list --feed 2:\n%s", out)
	}
	if r := l.run("", "remove", "1"); r.code != 1 || r.stderr != "brief: 1: no such subscription (brief feeds lists them)\n" {
		t.Errorf("remove 1 again: %+v", r)
	}
	table := l.ok("feeds")
	if !regexpLine(table, "2", "Zoo Notes") {
		t.Errorf("feeds does not number Zoo Notes 2:\n%s", table)
	}

	// A long, multi-line error in the REFRESHED column.
	s, err := store.Open(filepath.Join(l.dir, "data", "brief", "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	// The database is a file like any other: the stored error may hold
	// an escape sequence or a line separator, which must not reach the
	// terminal or split the row.
	long := "dial \x1b[2Jtcp:\u2028lookup zoo.test: " + strings.Repeat("no such host, ", 12) + "\nsecond line"
	if err := s.FeedChecked(context.Background(), 2, time.Now(), long); err != nil {
		t.Fatal(err)
	}
	s.Close()
	table = l.ok("feeds")
	t.Log("\n" + table)
	for _, line := range strings.Split(strings.TrimRight(table, "\n"), "\n") {
		if n := len([]rune(line)); n > 140 {
			t.Errorf("a %d-column line:\n%s", n, table)
		}
	}
	if !strings.Contains(table, "failed") || !strings.Contains(table, "…") || strings.Contains(table, "second line") ||
		strings.ContainsAny(table, "\x1b\u2028") || !strings.Contains(table, "dial tcp: lookup") {
		t.Errorf("the error is not cut to one short line:\n%s", table)
	}
	// --json keeps it whole.
	if out := l.ok("feeds", "--json"); !strings.Contains(out, "second line") {
		t.Errorf("feeds --json lost the whole error:\n%s", out)
	}
}

// feedIDs maps each feed's title to its id in brief feeds --json.
func feedIDs(t *testing.T, l *libEnv) map[string]int64 {
	t.Helper()
	var feeds []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(l.ok("feeds", "--json")), &feeds); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, f := range feeds {
		out[f.Title] = f.ID
	}
	return out
}

// regexpLine reports whether a table line starts with the fields first
// and second.
func regexpLine(table, first, second string) bool {
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, first+" ") && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(line, first)), second) {
			return true
		}
	}
	return false
}

// brief mark --all marks a feed's articles, or every one, read.
func TestMarkAll(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/tram.xml", rss("Tram Blog", "blog", 2, false))
	srv.set("/zoo.xml", rss("Zoo Notes", "zoo", 3, false))
	l := newLibEnv(t)
	l.ok("add", srv.URL+"/tram.xml")
	l.ok("add", srv.URL+"/zoo.xml")
	if out := l.ok("mark", "--all", "--feed", "2"); out != "Marked 3 articles read\n" {
		t.Errorf("mark --all --feed 2: %q", out)
	}
	if out := l.ok("list", "--view", "unread"); strings.Contains(out, "Zoo Notes") || strings.Count(out, "\tTram Blog\t") != 2 {
		t.Errorf("unread after marking Zoo Notes:\n%s", out)
	}
	if out := l.ok("mark", "--all"); out != "Marked 2 articles read\n" {
		t.Errorf("mark --all: %q", out)
	}
	if r := l.run("", "mark", "--all", "5"); r.code != 2 {
		t.Errorf("mark --all with an ARTICLE: %+v", r)
	}
	if r := l.run("", "mark", "--all", "--feed", "9"); r.code != 1 || r.stderr != "brief: 9: no such subscription (brief feeds lists them)\n" {
		t.Errorf("mark --all --feed 9: %+v", r)
	}
}
