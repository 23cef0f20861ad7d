package summarizer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/evaldata"
)

// TestSensitivity shows how each hand-set weight moves the score against
// cleaned LEAD-3 on the two halves of cnndm-dev, and on bbc-dev. Those
// weights now shape the learned ranker's "prior" and "central" features
// (and the length, headline and overlap settings of selection), so this
// is a check of robustness, not a tuning tool: the learned ranker is
// tuned only by cross-validation on cnndm-tune (train_test.go). It runs
// only when asked:
//
//	TUNE=1 go test ./summarizer -run TestSensitivity -v
func TestSensitivity(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip("set TUNE=1 to print the weight sensitivity table")
	}
	root := evaldata.Dir(t, "summaries")
	even, odd := halves(loadSet(t, filepath.Join(root, "cnndm-dev")))
	bbc := loadSet(t, filepath.Join(root, "bbc-dev"))
	// bbc-dev without its headlines: a larger check of ranking on
	// documents that, like cnndm-dev, come without one.
	var bare []evalDoc
	for _, d := range bbc {
		d.title = ""
		bare = append(bare, d)
	}
	le, lo, lb := evaluate(even, leadCleaned), evaluate(odd, leadCleaned), evaluate(bbc, leadCleaned)
	t.Logf("LEAD-3 cleaned: even %.2f/%.2f (%.1fw) odd %.2f/%.2f (%.1fw) bbc %.2f/%.2f (%.1fw)",
		100*le.scores.R1.F1, 100*le.scores.R2.F1, le.words, 100*lo.scores.R1.F1, 100*lo.scores.R2.F1, lo.words,
		100*lb.scores.R1.F1, 100*lb.scores.R2.F1, lb.words)
	t.Log("each row: R-1/R-2 F1 x100 less cleaned LEAD-3's, and average words")
	show := func(name string, sys func(params) system, p params) {
		e, o, b, nb := evaluate(even, sys(p)), evaluate(odd, sys(p)), evaluate(bbc, sys(p)), evaluate(bare, sys(p))
		t.Logf("%-14s even %+.2f/%+.2f (%4.1fw) odd %+.2f/%+.2f (%4.1fw) bbc %+.2f/%+.2f (%4.1fw) bbc no title %+.2f/%+.2f", name,
			100*(e.scores.R1.F1-le.scores.R1.F1), 100*(e.scores.R2.F1-le.scores.R2.F1), e.words,
			100*(o.scores.R1.F1-lo.scores.R1.F1), 100*(o.scores.R2.F1-lo.scores.R2.F1), o.words,
			100*(b.scores.R1.F1-lb.scores.R1.F1), 100*(b.scores.R2.F1-lb.scores.R2.F1), b.words,
			100*(nb.scores.R1.F1-lb.scores.R1.F1), 100*(nb.scores.R2.F1-lb.scores.R2.F1))
	}
	show("default", ours, defaults)
	// A word budget of the document's own LEAD-3 length instead of three
	// sentences.
	show("budget=LEAD-3", func(p params) system {
		return func(d evalDoc) []string {
			c, _ := Candidates(d.article)
			words := 0
			for _, s := range c[:min(3, len(c))] {
				words += wordCount(s)
			}
			s, err := summarize(Document{Title: d.title, Body: d.article}, Options{MaxWords: words}, p)
			if err != nil {
				return nil
			}
			return s.Sentences
		}
	}, defaults)
	for _, v := range []struct {
		name string
		f    func(*params)
	}{
		{"edge0.1", func(p *params) { p.edgeMin = 0.1 }},
		{"edge0", func(p *params) { p.edgeMin = 0 }},
		{"win10", func(p *params) { p.window = 10 }},
		{"win100", func(p *params) { p.window = 100 }},
		{"back-0.3", func(p *params) { p.backward = -0.3 }},
		{"red0.4", func(p *params) { p.redundancy = 0.4 }},
		{"red0.8", func(p *params) { p.redundancy = 0.8 }},
		{"short12", func(p *params) { p.shortWords = 12 }},
		{"short5", func(p *params) { p.shortWords = 5 }},
		{"long40", func(p *params) { p.longWords = 40 }},
		{"long80", func(p *params) { p.longWords = 80 }},
		{"title0", func(p *params) { p.title = 0 }},
		{"title1", func(p *params) { p.title = 1 }},
		{"pos1", func(p *params) { p.posScale = 1 }},
		{"pos3", func(p *params) { p.posScale = 3 }},
		{"cent0.3", func(p *params) { p.central = 0.3 }},
		{"cent0.8", func(p *params) { p.central = 0.8 }},
		{"det0.7", func(p *params) { p.detached = 0.7 }},
		{"quote1", func(p *params) { p.quote = 1 }},
		{"quote0.5", func(p *params) { p.quote = 0.5 }},
		{"mmr0.3", func(p *params) { p.mmr = 0.3 }},
		{"mmr0.6", func(p *params) { p.mmr = 0.6 }},
		{"flat0", func(p *params) { p.flat = 0 }},
		{"flat3", func(p *params) { p.flat = 3 }},
		{"flat0 quote1", func(p *params) { p.flat, p.quote = 0, 1 }},
	} {
		p := defaults
		v.f(&p)
		show(v.name, ours, p)
	}
}
