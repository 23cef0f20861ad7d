package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPathsFollowXDG(t *testing.T) {
	d := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(d, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(d, "cfg"))
	if got, want := DBPath(), filepath.Join(d, "data", "brief", "brief.db"); got != want {
		t.Errorf("DBPath = %s, want %s", got, want)
	}
	if got, want := Path(), filepath.Join(d, "cfg", "brief", "config.toml"); got != want {
		t.Errorf("Path = %s, want %s", got, want)
	}
	t.Setenv("XDG_DATA_HOME", "relative/not/allowed")
	if strings.Contains(DataDir(), "relative") {
		t.Errorf("relative XDG_DATA_HOME used: %s", DataDir())
	}
}

func TestLoadSaveRoundTrip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "config.toml")
	c, err := Load(p)
	if err != nil || !c.Equal(Default()) {
		t.Fatalf("missing file: %+v, %v", c, err)
	}
	c.RetentionDays = 7
	c.Timeout = Duration{5 * time.Second}
	if err := Save(p, c); err != nil {
		t.Fatal(err)
	}
	got, err := Load(p)
	if err != nil || !got.Equal(c) {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestLoadBadFileNamesIt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("retention_days = \"x"), 0o644)
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), p) {
		t.Fatalf("err = %v", err)
	}
	os.WriteFile(p, []byte("retention_days = 0\nconcurrency = -1\n"), 0o644)
	c, err := Load(p)
	if err != nil || c.RetentionDays != 0 || c.Concurrency != Default().Concurrency {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestMaxItems(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if Default().MaxItems != 1000 {
		t.Errorf("default max_items %d", Default().MaxItems)
	}
	os.WriteFile(p, []byte("max_items = 0\n"), 0o644)
	if c, err := Load(p); err != nil || c.MaxItems != 0 {
		t.Fatalf("max_items = 0: %+v %v", c, err)
	}
	os.WriteFile(p, []byte("max_items = -5\n"), 0o644)
	c, warns, err := LoadChecked(p)
	if err != nil || c.MaxItems != 1000 || len(warns) != 1 || warns[0].Problem != "max_items must be 0 (keep all) or more (using 1000)" {
		t.Fatalf("max_items = -5: %+v %v %v", c, warns, err)
	}
}

// [sync] names the server and the environment variables of its
// secrets; a section brief cannot use leaves sync off with a warning,
// and Save writes it back without any secret.
func TestSyncSection(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("retention_days = 7\n[sync]\nkind = \"greader\"\nurl = \"https://rss.example/api/greader.php\"\nuser = \"ann\"\npassword_env = \"BRIEF_PW\"\n"), 0o644)
	c, warns, err := LoadChecked(p)
	if err != nil || len(warns) != 0 || c.Sync.Kind != "greader" || c.Sync.User != "ann" || c.RetentionDays != 7 {
		t.Fatalf("load: %+v %v %v", c, warns, err)
	}
	t.Setenv("BRIEF_PW", "")
	if _, err := c.Sync.Secret(); err == nil || !strings.Contains(err.Error(), "BRIEF_PW") {
		t.Errorf("unset secret: %v", err)
	}
	t.Setenv("BRIEF_PW", "hunter2")
	if s, err := c.Sync.Secret(); s != "hunter2" || err != nil {
		t.Errorf("secret: %q %v", s, err)
	}
	if err := Save(p, c); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	if again, _ := Load(p); !again.Equal(c) || strings.Contains(string(data), "hunter2") {
		t.Errorf("round trip: %+v\n%s", again, data)
	}
	for _, bad := range []string{"kind = \"rss\"\nurl = \"https://x.example\"", "kind = \"miniflux\"\nurl = \"ftp://x\"",
		"kind = \"greader\"\nurl = \"https://x.example\"", "kind = \"miniflux\"\nurl = \"https://x.example\"\ntoken = \"abc\""} {
		os.WriteFile(p, []byte("[sync]\n"+bad+"\n"), 0o644)
		c, warns, err := LoadChecked(p)
		if err != nil || len(warns) != 1 || (c.Sync.Enabled() && !strings.Contains(bad, "token =")) {
			t.Errorf("%q: %+v, warnings %v, %v", bad, c.Sync, warns, err)
		}
	}
}
