package summarizer

import (
	"math"
	"sort"
)

// The hand-weighted ranker's score and selection, kept for the "old
// brief" baseline in TestEval (eval_test.go); the summarizer itself uses
// rankAll and chooseCoherent.

// scoreAll is the hand-set score alone (scoreCentral), which rankAll
// gives the learned ranker as one of its features.
func scoreAll(cands []candidate, title sparse, p params) []float64 {
	scores, _ := scoreCentral(cands, title, p)
	return scores
}

// choose picks sentences greedily, each time the one whose score, less a
// charge for overlap with those already chosen (maximal marginal
// relevance), is highest; near-repeats and sentences that would break the
// word budget are passed over. It stops at the sentence count or budget
// and returns indices in reading order. Ties go to the earlier sentence.
func choose(cands []candidate, scores []float64, o Options, p params) []int {
	limit, budget := o.Sentences, o.MaxWords
	if limit <= 0 && budget <= 0 {
		limit = 3
	}
	if limit <= 0 || limit > MaxSentences {
		// Each pick costs a pass over the document, so an unbounded
		// count would make a long document quadratic.
		limit = MaxSentences
	}
	maxSim := make([]float64, len(cands)) // to the chosen so far
	out := make([]bool, len(cands))       // chosen, or ruled out
	var picked []int
	words := 0
	for limit <= 0 || len(picked) < limit {
		best, bestVal := -1, math.Inf(-1)
		for i := range cands {
			if out[i] {
				continue
			}
			if budget > 0 && words+cands[i].words > budget {
				out[i] = true
				continue
			}
			if v := scores[i] - p.mmr*maxSim[i]; v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		out[best] = true
		picked = append(picked, best)
		words += cands[best].words
		for i := range cands {
			if out[i] {
				continue
			}
			sim := dot(cands[i].vec, cands[best].vec)
			if sim > p.redundancy {
				out[i] = true
			}
			maxSim[i] = math.Max(maxSim[i], sim)
		}
	}
	if len(picked) == 0 && len(cands) > 0 {
		// Nothing fits the word budget: the best sentence beats nothing.
		best := 0
		for i := range cands {
			if scores[i] > scores[best] {
				best = i
			}
		}
		picked = append(picked, best)
	}
	sort.Ints(picked)
	return picked
}
