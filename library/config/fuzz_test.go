package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad: any settings file gives a config whose every setting brief
// can use, with one-line warnings, or one error naming the file; what
// Load gives, Save writes and Load reads back unchanged and unwarned.
//
//	go test ./library/config -run '^$' -fuzz '^FuzzLoad$' -fuzztime 4m -parallel 1
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"",
		"# brief settings\nretention_days = 7 # keep a week\ntimeout = \"1m\"\n",
		"concurrency = -5\ntimeout = \"0s\"\nrefesh_on_start = false\nper_host = \"two\"\nretention_days = 7\ncolour = \"blue\"\n",
		"retention_days = \"x",
		"timeout = 30\nrefresh_on_start = \"yes\"\nconcurrency = 1.5\nper_host = 1e3\n",
		"timeout = \"-1s\"\nretention_days = -1\n",
		"timeout = \"2562047h47m16.854775807s\"\nretention_days = 9223372036854775807\n",
		"timeout = \"1.5ns\"\n",
		"[retention_days]\nx = 1\n[colour]\n",
		"retention_days.x = 1\n\"concurrency\" = 3\n'per_host' = 4\n",
		"concurrency = [1, 2]\nper_host = {a = 1}\ntimeout = 1979-05-27T07:32:00Z\n",
		"\ufeffconcurrency = 3\r\nper_host = 1\r\n",
		"concurrency = 3\nconcurrency = 4\n",
		"Concurrency = 3\nRETENTION_DAYS = 1\n\"\x1b[31m\" = 1\n\"\u202e\" = 2\n",
		"retention_days = 0x1F\nconcurrency = 0o7\nper_host = 0b11\n",
		"timeout = \"\x1b]8;;x\x07\"\n",
		"[keys]\nsave = [\"x\", \"m\"]\nread = [\"x\"]\nnext = \"n\"\n\"\x1b[2J\" = [\"q\"]\n[colors]\ntheme = \"dark\"\naccent = [\"#fff\", \"12\"]\n",
		"keys = 3\ncolors = [1]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, warns, err := LoadChecked(p)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, p+": ") || strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("error does not name the file on one line: %q", msg)
			}
			if len(warns) != 0 || !c.Equal(Default()) {
				t.Fatalf("error %v with %+v, %d warnings", err, c, len(warns))
			}
			return
		}
		checkUsable(t, c)
		for _, w := range warns {
			msg := w.Error()
			if !strings.HasPrefix(msg, p+": ") || strings.ContainsAny(msg, "\n\r\x1b") || w.Path != p {
				t.Fatalf("bad warning %q (key %q)", msg, w.Key)
			}
		}
		if c2, err := Load(p); err != nil || !c2.Equal(c) {
			t.Fatalf("Load %+v, %v; LoadChecked %+v", c2, err, c)
		}
		q := filepath.Join(dir, "saved.toml")
		if err := Save(q, c); err != nil {
			t.Fatal(err)
		}
		again, warns, err := LoadChecked(q)
		if err != nil || len(warns) != 0 || !again.Equal(c) {
			saved, _ := os.ReadFile(q)
			t.Fatalf("round trip: %+v, %v, %v\nwant %+v\n%s", again, warns, err, c, saved)
		}
	})
}

// checkUsable fails on a setting brief could not run with.
func checkUsable(t *testing.T, c Config) {
	t.Helper()
	if c.RetentionDays < 0 || c.Concurrency < 1 || c.PerHost < 1 || c.Timeout.Duration <= 0 {
		t.Fatalf("unusable config %+v", c)
	}
}

// The TOML parser's message quotes the file, line breaks included; the
// error is one line (a crasher FuzzLoad found).
func TestLoadErrorOneLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("A=[0, 0b\n00000000"), 0o644)
	_, err := Load(p)
	if err == nil || strings.ContainsAny(err.Error(), "\n\r") || !strings.HasPrefix(err.Error(), p+": toml: ") {
		t.Fatalf("err = %q", err)
	}
}
