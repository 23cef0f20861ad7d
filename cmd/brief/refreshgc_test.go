package main

import (
	"runtime/debug"
	"testing"
)

// brief refresh collects its heap more often while it runs (see
// runRefresh) and gives the GC setting back when it is done, so that
// what runs after it in the same process (the tests, a TUI) is not
// affected; GOGC set by the user is left alone.
func TestRefreshRestoresGCPercent(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("/news.xml", rss("Harbour News", "news", 2, false))
	l := newLibEnv(t)
	l.ok("add", srv.URL+"/news.xml")
	for _, gogc := range []string{"", "300"} {
		t.Setenv("GOGC", gogc)
		old := debug.SetGCPercent(77)
		l.ok("refresh")
		if got := debug.SetGCPercent(old); got != 77 {
			t.Errorf("GOGC=%q: GC percent after refresh %d, want 77 back", gogc, got)
		}
	}
}
