package summarizer

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarizer/rouge"
)

// The ROUGE evaluation reads the shared dev sets beside the repository
// (../shared/eval/summaries); they are never copied into it. Run:
//
//	go test ./summarizer -run TestEval -v

type evalDoc struct {
	name      string
	title     string
	article   string
	reference string
}

// evalDir finds ../shared/eval/summaries relative to the repository root
// (the directory holding go.mod).
func evalDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Skip("no working directory")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "eval", "summaries")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("eval data not found at %s", d)
	}
	return d
}

func loadSet(t testing.TB, dir string) []evalDoc {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.article.txt"))
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Skipf("no articles in %s", dir)
	}
	var docs []evalDoc
	for _, p := range paths {
		stem := strings.TrimSuffix(p, ".article.txt")
		art, err1 := os.ReadFile(p)
		ref, err2 := os.ReadFile(stem + ".summary.txt")
		if err1 != nil || err2 != nil {
			t.Fatalf("reading %s: %v %v", stem, err1, err2)
		}
		title, _ := os.ReadFile(stem + ".title.txt")
		docs = append(docs, evalDoc{filepath.Base(stem), strings.TrimSpace(string(title)), string(art), string(ref)})
	}
	return docs
}

// system produces a summary, one sentence per line.
type system func(d evalDoc) []string

func ours(p params) system {
	return func(d evalDoc) []string {
		s, err := summarize(Document{Title: d.title, Body: d.article}, Options{}, p)
		if err != nil {
			return nil
		}
		return s.Sentences
	}
}

// oldBrief is the hand-weighted ranker this package shipped before the
// learned one (params defaults, position + centrality + headline), kept
// as a baseline.
func oldBrief(d evalDoc) []string {
	cs, title, _, err := prepare(Document{Title: d.title, Body: d.article})
	if err != nil {
		return nil
	}
	var out []string
	for _, i := range choose(cs, scoreAll(cs, title, defaults), Options{}, defaults) {
		out = append(out, cs[i].text)
	}
	return out
}

// leadCleaned is LEAD-3 after this package's markdown stripping and
// cleaning: the fair baseline.
func leadCleaned(d evalDoc) []string {
	s, _ := Candidates(d.article)
	return s[:min(3, len(s))]
}

// leadPlain is LEAD-3 of the raw text, split by the same splitter.
func leadPlain(d evalDoc) []string {
	s := Sentences(d.article)
	return s[:min(3, len(s))]
}

type result struct {
	scores rouge.Scores
	words  float64
	n      int
	perDoc []rouge.Scores
}

// versus counts the documents on which r beats and trails base on R-1 F1.
func (r result) versus(base result) string {
	better, worse := 0, 0
	for i := range r.perDoc {
		switch d := r.perDoc[i].R1.F1 - base.perDoc[i].R1.F1; {
		case d > 1e-9:
			better++
		case d < -1e-9:
			worse++
		}
	}
	return fmt.Sprintf(" %d better, %d worse |", better, worse)
}

func evaluate(docs []evalDoc, sys system) result {
	var all []rouge.Scores
	words := 0
	for _, d := range docs {
		sents := sys(d)
		for _, s := range sents {
			words += wordCount(s)
		}
		all = append(all, rouge.Compute(d.reference, strings.Join(sents, "\n")))
	}
	return result{rouge.Mean(all), float64(words) / float64(max(1, len(docs))), len(docs), all}
}

// halves splits a set into even- and odd-numbered documents, so that
// weights set on one half can be checked on the other.
func halves(docs []evalDoc) (even, odd []evalDoc) {
	for i, d := range docs {
		if i%2 == 0 {
			even = append(even, d)
		} else {
			odd = append(odd, d)
		}
	}
	return
}

func (r result) row(name string) string {
	return fmt.Sprintf("| %-22s | %3d | %5.2f | %5.2f | %5.2f | %5.1f |", name, r.n,
		100*r.scores.R1.F1, 100*r.scores.R2.F1, 100*r.scores.Lsum.F1, r.words)
}

func TestEval(t *testing.T) {
	root := evalDir(t)
	var lines []string
	lines = append(lines, "| set / system | docs | R-1 | R-2 | R-Lsum | avg words | R-1 per document vs LEAD-3 cleaned |", "|---|---|---|---|---|---|---|")
	for _, set := range []string{"cnndm-dev", "bbc-dev"} {
		docs := loadSet(t, filepath.Join(root, set))
		even, odd := halves(docs)
		for _, part := range []struct {
			name string
			docs []evalDoc
		}{{set, docs}, {set + " even", even}, {set + " odd", odd}} {
			mine := evaluate(part.docs, ours(defaults))
			clean := evaluate(part.docs, leadCleaned)
			plain := evaluate(part.docs, leadPlain)
			lines = append(lines,
				mine.row(part.name+" summarizer")+mine.versus(clean),
				clean.row(part.name+" LEAD-3 cleaned"),
				plain.row(part.name+" LEAD-3 plain"))
			if part.name == set {
				if set == "cnndm-dev" && (mine.scores.R1.F1 <= clean.scores.R1.F1 || mine.scores.R2.F1 <= clean.scores.R2.F1) {
					t.Errorf("%s: summarizer does not beat cleaned LEAD-3", set)
				}
				if mine.scores.R1.F1 <= plain.scores.R1.F1 {
					t.Errorf("%s: summarizer does not beat plain LEAD-3", set)
				}
			}
		}
	}
	t.Log("\n" + strings.Join(lines, "\n"))
}
