package store

import (
	"context"
	"path/filepath"
	"testing"
)

// A model summary is kept by (text, model, prompt): another model or
// prompt has none; it survives closing the library; a second put
// replaces it.
func TestModelSummaries(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "brief.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.ModelSummary(ctx, "t1", "llama3.2", "p1"); ok || err != nil {
		t.Fatalf("empty library: ok %v err %v", ok, err)
	}
	if err := s.PutModelSummary(ctx, "t1", "llama3.2", "p1", "- one"); err != nil {
		t.Fatal(err)
	}
	for _, k := range [][3]string{{"t2", "llama3.2", "p1"}, {"t1", "qwen", "p1"}, {"t1", "llama3.2", "p2"}} {
		if _, ok, _ := s.ModelSummary(ctx, k[0], k[1], k[2]); ok {
			t.Errorf("%v: found a summary stored under another key", k)
		}
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, ok, err := s.ModelSummary(ctx, "t1", "llama3.2", "p1"); !ok || err != nil || got != "- one" {
		t.Fatalf("after reopening: %q %v %v", got, ok, err)
	}
	if err := s.PutModelSummary(ctx, "t1", "llama3.2", "p1", "- two"); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.ModelSummary(ctx, "t1", "llama3.2", "p1"); got != "- two" {
		t.Errorf("after a refresh: %q", got)
	}
}
