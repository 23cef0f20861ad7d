package main

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/library/remote/fake"
)

// brief sync against a fake Miniflux: a one-line error without [sync]
// or with a wrong token, then a sync, its status, and a refresh that
// syncs.
func TestSyncCommand(t *testing.T) {
	l := newLibEnv(t)
	r := l.run("", "sync")
	if r.code != exitFailed || !strings.Contains(r.stderr, "no server to sync with: set [sync] in config.toml") {
		t.Fatalf("without [sync]: %d %q", r.code, r.stderr)
	}
	srv := fake.New()
	defer srv.Close()
	srv.AddEntries(srv.AddFeed("https://news.example/feed", "Harbour News", "Town"), 12, "<p>The council met.</p>")
	l.writeConfig("[sync]\nkind = \"miniflux\"\nurl = \"" + srv.URL + "\"\ntoken_env = \"BRIEF_TEST_TOKEN\"\n")
	l.env = append(l.env, "BRIEF_TEST_TOKEN=wrong")
	r = l.run("", "sync")
	if r.code != exitFailed || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "401") {
		t.Fatalf("wrong token: %d %q", r.code, r.stderr)
	}
	l.env = append(l.env, "BRIEF_TEST_TOKEN="+srv.Token)
	if out := l.ok("sync"); !strings.Contains(out, "1 feed, 12 new articles") {
		t.Errorf("sync: %q", out)
	}
	l.ok("mark", "https://news.example/1/1.html")
	st := l.ok("sync", "--status")
	for _, want := range []string{"(miniflux)", "synced:   1 feed, 12 articles", "to send:  1 mark", "folders:  Town"} {
		if !strings.Contains(st, want) {
			t.Errorf("status lacks %q:\n%s", want, st)
		}
	}
	srv.AddEntries(1, 3, "<p>More.</p>")
	if out := l.ok("refresh"); !strings.Contains(out, "3 new articles") {
		t.Errorf("refresh: %q", out)
	}
	if st := l.ok("sync", "--status"); !strings.Contains(st, "to send:  0 marks") {
		t.Errorf("after refresh:\n%s", st)
	}
}
