package library_test

// The 10,000-article sync benchmark of BENCHMARKS.md: a real Miniflux
// account of 20 feeds of 500 articles (about 2 KB of HTML each), synced
// into an empty library by the brief binary over each protocol, timed,
// with the process's peak memory. Run with .ci/miniflux's server:
//
//	BRIEF_SYNC_BENCH=1 go test -run TestRealSync10k -v ./library/

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	mfclient "miniflux.app/v2/client"
)

func TestRealSync10k(t *testing.T) {
	if os.Getenv("BRIEF_SYNC_BENCH") == "" {
		t.Skip("the sync benchmark: set BRIEF_SYNC_BENCH=1 (and a Miniflux, .ci/miniflux)")
	}
	s := miniflux(t)
	s.clean(t)
	para := "<p>" + strings.Repeat("The council met on Tuesday to discuss the harbour, the trams and the budget. ", 6) + "</p>"
	body := strings.Repeat(para, 4)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.Trim(r.URL.Path, "/")
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench %s</title><link>%s/</link>`, name, srv.URL)
		t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		for i := 1; i <= 500; i++ {
			fmt.Fprintf(&b, `<item><title>%s story %d</title><link>%s/%s/%d.html</link><guid>%s-%d</guid><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
				name, i, srv.URL, name, i, name, i, t0.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), body)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	start := time.Now()
	for i := 1; i <= 20; i++ {
		if _, err := s.admin.CreateFeed(&mfclient.FeedCreationRequest{FeedURL: srv.URL + "/bench" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.admin.Entries(&mfclient.Filter{Limit: 1})
	if err != nil || res.Total != 10000 {
		t.Fatalf("the account has %d articles (%v), want 10,000", res.Total, err)
	}
	t.Logf("account of 10,000 articles made in %v", time.Since(start).Round(time.Millisecond))

	bin := filepath.Join(t.TempDir(), "brief")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/brief").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, kind := range kinds {
		dir := t.TempDir()
		cfgDir := filepath.Join(dir, "config", "brief")
		os.MkdirAll(cfgDir, 0o755)
		cfg := fmt.Sprintf("[sync]\nkind = %q\nurl = %q\nuser = %q\ntoken_env = \"BRIEF_MINIFLUX_TOKEN\"\npassword_env = \"BRIEF_MINIFLUX_PASSWORD\"\n", kind, s.url, s.user)
		os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte(cfg), 0o644)
		env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_DATA_HOME="+filepath.Join(dir, "data"))
		for _, run := range []string{"first sync", "second sync (nothing new)"} {
			cmd := exec.Command(bin, "sync")
			cmd.Env = env
			t0 := time.Now()
			out, err := cmd.CombinedOutput()
			took := time.Since(t0)
			if err != nil {
				t.Fatalf("%s %s: %v\n%s", kind, run, err, out)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			t.Logf("%-8s %-26s %6.2f s wall, %5.2f s CPU, peak RSS %4d MB: %s", kind, run, took.Seconds(),
				time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds(), ru.Maxrss/1024, strings.TrimSpace(string(out)))
		}
		db, _ := os.Stat(filepath.Join(dir, "data", "brief", "brief.db"))
		if db != nil {
			t.Logf("%-8s library file %d MB", kind, db.Size()>>20)
		}
	}
}
