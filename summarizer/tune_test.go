package summarizer

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTune searches the ranking weights on the even half of cnndm-dev and
// prints how each setting does on the odd half, which it never saw. It is
// how defaults were chosen; it runs only when asked:
//
//	TUNE=1 go test ./summarizer -run TestTune -v
func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip("set TUNE=1 to search ranking weights")
	}
	root := evalDir(t)
	even, odd := halves(loadSet(t, filepath.Join(root, "cnndm-dev")))
	bbc := loadSet(t, filepath.Join(root, "bbc-dev"))
	base := evaluate(even, leadCleaned)
	t.Logf("LEAD-3 cleaned even R1 %.2f R2 %.2f", 100*base.scores.R1.F1, 100*base.scores.R2.F1)
	type cand struct {
		p   params
		fit float64
	}
	best := cand{defaults, -1}
	try := func(p params) {
		r := evaluate(even, ours(p))
		fit := r.scores.R1.F1 + r.scores.R2.F1
		if fit > best.fit {
			best = cand{p, fit}
		}
		{
			o := evaluate(odd, ours(p))
			b := evaluate(bbc, ours(p))
			t.Logf("even %.2f/%.2f (%.0fw) odd %.2f/%.2f (%.0fw) bbc %.2f/%.2f  %+v",
				100*r.scores.R1.F1, 100*r.scores.R2.F1, r.words,
				100*o.scores.R1.F1, 100*o.scores.R2.F1, o.words,
				100*b.scores.R1.F1, 100*b.scores.R2.F1, p)
		}
	}
	for _, pos := range []float64{0.5, 1, 2, 4} {
		for _, c := range []float64{0, 0.25, 0.5, 1} {
			for _, bw := range []float64{0, -0.5} {
				for _, det := range []float64{0.5, 1} {
					for _, q := range []float64{0.7, 1} {
						p := defaults
						p.posScale, p.central, p.backward, p.detached, p.quote = pos, c, bw, det, q
						try(p)
					}
				}
			}
		}
	}
	t.Logf("best %+v", best.p)
}
