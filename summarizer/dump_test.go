package summarizer

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	docs := loadSet(t, filepath.Join(evalDir(t), os.Getenv("DUMP")))
	for _, d := range docs {
		c, f := Candidates(d.article)
		t.Logf("=== %s", d.name)
		for i, s := range c {
			if i < 8 {
				t.Logf("  C%d %s", i, s)
			}
		}
		for _, s := range f {
			t.Logf("  DROP %s", s)
		}
		s, _ := Summarize(Document{Title: d.title, Body: d.article}, Options{})
		for _, x := range s.Sentences {
			t.Logf("  SUM %s", x)
		}
		t.Logf("  REF %s", d.reference)
	}
}
