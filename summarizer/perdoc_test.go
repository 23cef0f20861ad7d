package summarizer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarizer/rouge"
)

func TestPerDoc(t *testing.T) {
	if os.Getenv("PERDOC") == "" {
		t.Skip()
	}
	docs := loadSet(t, filepath.Join(evalDir(t), os.Getenv("PERDOC")))
	for _, d := range docs {
		a := rouge.Compute(d.reference, strings.Join(ours(defaults)(d), "\n"))
		b := rouge.Compute(d.reference, strings.Join(leadCleaned(d), "\n"))
		cands, _ := Candidates(d.article)
		s, _ := Summarize(Document{Title: d.title, Body: d.article}, Options{})
		var idx []int
		for _, x := range s.Sentences {
			for i, c := range cands {
				if c == x {
					idx = append(idx, i)
					break
				}
			}
		}
		t.Logf("%s mine %.1f/%.1f lead %.1f/%.1f diff %+.1f picks %v", d.name, 100*a.R1.F1, 100*a.R2.F1, 100*b.R1.F1, 100*b.R2.F1, 100*(a.R1.F1-b.R1.F1), idx)
	}
}
