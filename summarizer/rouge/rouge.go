// Package rouge scores a system summary against a reference the way
// Google's rouge-score package does with use_stemmer=True, so that numbers
// here can be set beside published ones: lower-case, every run of
// characters outside [a-z0-9] separates tokens, tokens longer than three
// characters are Porter-stemmed, stopwords are kept. ROUGE-Lsum reads one
// sentence per line and scores the summary-level union LCS.
package rouge

import (
	"strings"

	"github.com/brief-news/brief/summarizer/internal/porter"
)

// Score is precision, recall and F1 for one measure, each in [0, 1].
type Score struct {
	Precision, Recall, F1 float64
}

// Scores holds the three measures reported for a summary.
type Scores struct {
	R1, R2, Lsum Score
}

// Tokenize splits text into rouge-score's tokens.
func Tokenize(text string) []string {
	text = strings.ToLower(text)
	var toks []string
	start := -1
	for i := 0; i <= len(text); i++ {
		alnum := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= '0' && text[i] <= '9')
		if alnum && start < 0 {
			start = i
		}
		if !alnum && start >= 0 {
			tok := text[start:i]
			if len(tok) > 3 {
				tok = porter.Stem(tok)
			}
			toks = append(toks, tok)
			start = -1
		}
	}
	return toks
}

// Compute scores a system summary against a reference; both hold one
// sentence per line (lines only matter for ROUGE-Lsum).
func Compute(reference, system string) Scores {
	ref, sys := Tokenize(reference), Tokenize(system)
	return Scores{
		R1:   NGram(ref, sys, 1),
		R2:   NGram(ref, sys, 2),
		Lsum: LCSSum(lines(reference), lines(system)),
	}
}

// lines tokenizes each non-empty line, dropping lines with no tokens as
// rouge-score does when it sums their lengths.
func lines(text string) [][]string {
	var out [][]string
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			continue
		}
		out = append(out, Tokenize(l))
	}
	return out
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NGram is ROUGE-N: clipped n-gram overlap.
func NGram(ref, sys []string, n int) Score {
	count := func(toks []string) (map[string]int, int) {
		m := map[string]int{}
		total := 0
		for i := 0; i+n <= len(toks); i++ {
			m[strings.Join(toks[i:i+n], " ")]++
			total++
		}
		return m, total
	}
	rm, rt := count(ref)
	sm, st := count(sys)
	overlap := 0
	for g, c := range rm {
		overlap += min(c, sm[g])
	}
	p := float64(overlap) / float64(max(st, 1))
	r := float64(overlap) / float64(max(rt, 1))
	return Score{p, r, f1(p, r)}
}

// LCSSum is ROUGE-Lsum: for each reference sentence, the union of its LCS
// with every system sentence, each token counted at most as often as it
// occurs on both sides (as ROUGE-1.5.5 and rouge-score do).
func LCSSum(ref, sys [][]string) Score {
	m, n := 0, 0
	refCount, sysCount := map[string]int{}, map[string]int{}
	for _, s := range ref {
		m += len(s)
		for _, t := range s {
			refCount[t]++
		}
	}
	for _, s := range sys {
		n += len(s)
		for _, t := range s {
			sysCount[t]++
		}
	}
	if m == 0 || n == 0 {
		return Score{}
	}
	hits := 0
	for _, r := range ref {
		union := make([]bool, len(r))
		for _, c := range sys {
			for _, i := range lcsIndices(r, c) {
				union[i] = true
			}
		}
		for i, in := range union {
			t := r[i]
			if in && refCount[t] > 0 && sysCount[t] > 0 {
				hits++
				refCount[t]--
				sysCount[t]--
			}
		}
	}
	p := float64(hits) / float64(n)
	r := float64(hits) / float64(m)
	return Score{p, r, f1(p, r)}
}

// lcsIndices returns the indices into ref of one LCS of ref and can, read
// back from the table with rouge-score's tie-breaking (prefer moving up in
// ref unless moving left in can keeps a strictly longer match).
func lcsIndices(ref, can []string) []int {
	rows, cols := len(ref), len(can)
	t := make([][]int, rows+1)
	for i := range t {
		t[i] = make([]int, cols+1)
	}
	for i := 1; i <= rows; i++ {
		for j := 1; j <= cols; j++ {
			if ref[i-1] == can[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	var idx []int
	for i, j := rows, cols; i > 0 && j > 0; {
		switch {
		case ref[i-1] == can[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	return idx
}

// Mean averages scores over documents, as the published tables do.
func Mean(all []Scores) Scores {
	var s Scores
	if len(all) == 0 {
		return s
	}
	add := func(a *Score, b Score) {
		a.Precision += b.Precision
		a.Recall += b.Recall
		a.F1 += b.F1
	}
	for _, x := range all {
		add(&s.R1, x.R1)
		add(&s.R2, x.R2)
		add(&s.Lsum, x.Lsum)
	}
	k := float64(len(all))
	for _, a := range []*Score{&s.R1, &s.R2, &s.Lsum} {
		a.Precision /= k
		a.Recall /= k
		a.F1 /= k
	}
	return s
}
