package page

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/evaldata"
)

// The precision report: per page, the precision and recall of the words
// of the article's text (what `brief read --json` prints as "text")
// against the expected extraction, the worst pages by precision, and the
// extra words the worst pages carry. Run it with
//
//	go test ./reader/page -run TestPrecisionReport -v
//
// Two readings of "the words of the text": the words a reader sees
// (link and image addresses dropped: markdownText) and every word of the
// markdown as it stands (addresses included), as a tool that tokenizes
// the JSON string would count them.

// prf is the bag-of-words precision and recall of got against want.
func prf(got, want []string) (p, r float64, extra []string) {
	if len(got) == 0 || len(want) == 0 {
		if len(got) == len(want) {
			return 1, 1, nil
		}
		if len(got) == 0 {
			return 1, 0, nil
		}
		return 0, 1, got
	}
	counts := map[string]int{}
	for _, w := range want {
		counts[w]++
	}
	overlap := 0
	for _, g := range got {
		if counts[g] > 0 {
			counts[g]--
			overlap++
		} else {
			extra = append(extra, g)
		}
	}
	return float64(overlap) / float64(len(got)), float64(overlap) / float64(len(want)), extra
}

type precisionResult struct {
	name             string
	p, r, rawP, rawR float64
	extra, missing   []string
	err              error
}

func runPrecisionPage(dir, name string) precisionResult {
	res := precisionResult{name: name}
	src, err := os.ReadFile(filepath.Join(dir, name, "source.html"))
	if err != nil {
		res.err = err
		return res
	}
	want, err := expectedWords(dir, name)
	if err != nil {
		res.err = err
		return res
	}
	a, err := Parse(src, "", filepath.Join(dir, name, "source.html"), "", true)
	if err != nil {
		res.err = err
		return res
	}
	res.p, res.r, res.extra = prf(tokenize(markdownText(a.Body)), want)
	res.rawP, res.rawR, _ = prf(tokenize(a.Body), want)
	_, _, res.missing = prf(want, tokenize(markdownText(a.Body)))
	return res
}

func TestPrecisionReport(t *testing.T) {
	dir, names := evaldata.ReadabilityPages(t)
	results := eachPage(names, 2, func(name string) precisionResult { return runPrecisionPage(dir, name) })
	var sp, sr, srp, srr float64
	for _, r := range results {
		if r.err != nil {
			t.Logf("%s: %v", r.name, r.err)
		}
		sp += r.p
		sr += r.r
		srp += r.rawP
		srr += r.rawR
	}
	n := float64(len(results))
	sort.Slice(results, func(i, j int) bool { return results[i].r < results[j].r })
	for _, r := range results[:min(10, len(results))] {
		missing := r.missing
		if len(missing) > 40 {
			missing = missing[:40]
		}
		t.Logf("low recall %s: P %.4f R %.4f; missing: %s", r.name, r.p, r.r, strings.Join(missing, " "))
	}
	sort.Slice(results, func(i, j int) bool { return results[i].p < results[j].p })
	for _, r := range results[:min(15, len(results))] {
		extra := r.extra
		if len(extra) > 25 {
			extra = extra[:25]
		}
		t.Logf("low precision %s: P %.4f R %.4f (raw markdown P %.4f); extra: %s", r.name, r.p, r.r, r.rawP, strings.Join(extra, " "))
	}
	t.Logf("pages %d: visible text precision %.4f recall %.4f; raw markdown precision %.4f recall %.4f",
		len(results), sp/n, sr/n, srp/n, srr/n)
	// Recall against readability's own output counts what brief drops
	// on purpose (see TestReadabilityEval); precision is what matters.
	if sp/n < 0.995 || sr/n < 0.975 {
		t.Errorf("mean precision %.4f / recall %.4f fell below 0.995 / 0.975", sp/n, sr/n)
	}
}
