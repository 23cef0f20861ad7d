package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// No [model] section: no model, summary "offline".
func TestNoModelSection(t *testing.T) {
	c, warns := load(t, "concurrency = 4\n")
	if c.Model != nil || c.Summary != SummaryOffline || len(warns) > 0 {
		t.Errorf("%+v %v", c, warns)
	}
}

// A [model] section is read with its defaults, and survives Save.
func TestModelSection(t *testing.T) {
	c, warns := load(t, `summary = "model"
[model]
url = "http://localhost:11434/v1"
name = "llama3.2"
api_key_env = "OPENAI_API_KEY"
max_input_words = 2000
`)
	want := DefaultModel()
	want.URL, want.Name, want.APIKeyEnv, want.MaxInputWords = "http://localhost:11434/v1", "llama3.2", "OPENAI_API_KEY", 2000
	if len(warns) > 0 || c.Model == nil || *c.Model != want || c.Summary != SummaryModel {
		t.Fatalf("%+v %+v %v", c, c.Model, warns)
	}
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := Save(p, c); err != nil {
		t.Fatal(err)
	}
	got, ws, err := LoadChecked(p)
	if err != nil || len(ws) > 0 || got.Model == nil || *got.Model != want || got.Summary != SummaryModel {
		t.Errorf("round trip: %+v %v %v", got, ws, err)
	}
}

// Settings brief cannot use are one-line warnings; a section without a
// usable url or name turns model summaries off; no warning quotes a
// value, so a key pasted into the wrong setting is never printed.
func TestModelWarnings(t *testing.T) {
	c, warns := load(t, `summary = "llm"
[model]
url = "localhost:11434"
name = "llama3.2"
api_key_env = "sk-secret-key"
api_key = "sk-other-secret"
timeout = "soon"
max_input_words = 5
temperature = 0.2
`)
	if c.Model != nil || c.Summary != SummaryOffline {
		t.Errorf("model %+v summary %q", c.Model, c.Summary)
	}
	want := []string{
		`summary must be "offline" or "model" (using "offline")`,
		`model.url must be an http:// or https:// address (model summaries are off)`,
		`model.api_key_env must name an environment variable, like OPENAI_API_KEY, not hold the key (sending no key)`,
		`model.api_key: keys are read only from the environment; set api_key_env to the variable's name (ignored)`,
		`model.timeout must be a duration like "2m" (using "2m0s")`,
		`model.max_input_words must be at least 100 (using 3000)`,
		`model.temperature: unknown setting "temperature" in [model] (url, name, api_key_env, prompt, language, max_input_words, timeout)`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range warns {
		if strings.Contains(w, "sk-") {
			t.Errorf("a warning quotes a key: %s", w)
		}
	}
	c, warns = load(t, "[model]\nurl = \"http://localhost:8080/v1\"\n")
	if c.Model != nil || len(warns) != 1 || !strings.HasPrefix(warns[0], "model.name is missing") {
		t.Errorf("no name: %+v %v", c.Model, warns)
	}
	c, _ = load(t, "[model]\nurl = \"http://localhost:8080/v1\"\nname = \"m\"\ntimeout = \"30s\"\n")
	if c.Model == nil || c.Model.Timeout.Duration != 30*time.Second || c.Model.Language != "article" {
		t.Errorf("timeout: %+v", c.Model)
	}
}
