package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/library/config"
)

// userKeys loads a [keys] section as config.toml would give it.
func userKeys(t *testing.T, toml string) config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	c, warns, err := config.LoadChecked(p)
	if err != nil || len(warns) != 0 {
		t.Fatalf("config: %v %v", err, warns)
	}
	return c
}

// A key rebound in config.toml acts, its old key does not, and the help
// line and the help screen show the user's key.
func TestReboundKey(t *testing.T) {
	cfg := userKeys(t, "[keys]\nnext = [\"L\"]\nhelp = [\"H\", \"?\"]\n")
	src := &fakeSource{c: testCollection(t), opened: map[string]int{}, fail: map[string]error{}}
	d := deps{
		src: src, sum: fakeSummarizer{}, read: NewMemoryReadState(),
		after:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
		openURL: func(string) error { return nil },
		copy:    func(string) error { return nil },
		keys:    cfg.Keys,
	}
	tm := &testModel{t: t, src: src, m: newModel(context.Background(), d, testRender), patience: 10 * time.Second}
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.keys("enter")
	tm.expect("Alpha Council Opens Night Trams", "L next", "H/? help")
	tm.expectNot("n next")
	tm.keys("n") // no longer the next article: n is the next match, and there is no search
	if tm.m.current != "news/a.txt" {
		t.Fatalf("n moved to %s", tm.m.current)
	}
	tm.keys("L")
	if tm.m.current != "news/b.txt" {
		t.Errorf("L did not move to the next article: %s", tm.m.current)
	}
	tm.keys("H")
	tm.expect("Keys: article", "L ", "next")
}
