package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Settings brief cannot use are named in one-line warnings, with the
// default used instead; the others are kept.
func TestLoadCheckedWarns(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte(`concurrency = -5
timeout = "0s"
refesh_on_start = false
per_host = "two"
retention_days = 7
colour = "blue"
`), 0o644)
	c, warns, err := LoadChecked(p)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.RetentionDays = 7
	if !c.Equal(want) {
		t.Errorf("config = %+v, want %+v", c, want)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.Error())
	}
	wantWarns := []string{
		p + `: concurrency must be at least 1 (using 8)`,
		p + `: timeout must be longer than 0s (using "30s")`,
		p + `: unknown setting "refesh_on_start" (did you mean refresh_on_start?)`,
		p + `: per_host must be a whole number (using 2)`,
		p + `: unknown setting "colour"`,
	}
	if strings.Join(got, "\n") != strings.Join(wantWarns, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarns, "\n"))
	}
	// A good file has no warnings.
	if err := Save(p, Default()); err != nil {
		t.Fatal(err)
	}
	if c, warns, err := LoadChecked(p); err != nil || len(warns) != 0 || !c.Equal(Default()) {
		t.Errorf("saved defaults: %+v %v %v", c, warns, err)
	}
}

// The file Save writes explains each setting, like the README.
func TestSaveWritesComments(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := Save(p, Default()); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	for _, line := range []string{
		`retention_days = 30      # read, unsaved articles older than this are pruned by refresh (0: keep all)`,
		`concurrency = 8          # feeds fetched at once`,
		`per_host = 2             # requests to one host at once`,
		`timeout = "30s"          # one fetch`,
		`refresh_on_start = true  # brief refreshes the library in the background when it opens`,
		`max_items = 1000         # a refresh keeps at most this many items of a feed, the newest (0: all)`,
	} {
		if !strings.Contains(string(data), line+"\n") {
			t.Errorf("no line %q in:\n%s", line, data)
		}
	}
	c := Default()
	c.Timeout = Duration{90 * time.Second}
	c.RefreshOnStart = false
	Save(p, c)
	if got, warns, err := LoadChecked(p); !got.Equal(c) || len(warns) != 0 || err != nil {
		t.Errorf("round trip: %+v %v %v", got, warns, err)
	}
}
