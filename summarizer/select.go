package summarizer

import (
	"math"
	"sort"
)

// chooseCoherent picks sentences by learned score under the options'
// count and word budget, keeping the summary readable on its own:
//
//   - the lede, the first sentence that stands on its own as a statement,
//     is taken first and survives any budget, so the summary always says
//     what the story is about;
//   - a sentence that leans on its predecessor (a connective, a pronoun
//     subject, the inside of a quotation) is a candidate only once that
//     predecessor is chosen;
//   - a sentence opening a quotation that closes later is taken only
//     together with the sentences up to its close;
//   - a sentence too similar to a chosen one is skipped (p.overlap);
//
// and returns indices in reading order. Each pick is a pass over the
// document, and the count is capped at MaxSentences, so cost stays linear.
func chooseCoherent(cs []candidate, scores []float64, o Options, p params) []int {
	n := len(cs)
	limit, budget := o.Sentences, o.MaxWords
	if limit <= 0 && budget <= 0 {
		limit = 3
	}
	if limit <= 0 || limit > MaxSentences {
		limit = MaxSentences
	}
	opens, continues := quoteState(cs)
	// unitEnd[i] is the last sentence that must come with i: the close of
	// a quotation i opens.
	unitEnd := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		unitEnd[i] = i
		if opens[i] && i+1 < n {
			unitEnd[i] = unitEnd[i+1]
		}
	}
	unitWords := func(i int) int {
		w := 0
		for k := i; k <= unitEnd[i]; k++ {
			w += cs[k].words
		}
		return w
	}
	dependent := make([]bool, n)
	for i := range cs {
		dependent[i] = dependsOnPrev(cs[i], continues[i])
	}
	chosen := make([]bool, n)
	// gone: too similar to a chosen sentence, or a quotation's ragged
	// end that cannot be taken with the rest of it.
	gone := raggedQuotes(cs, opens, continues)
	var picked []int
	words := 0
	take := func(i int) {
		for k := i; k <= unitEnd[i]; k++ {
			if chosen[k] {
				continue
			}
			chosen[k] = true
			picked = append(picked, k)
			words += cs[k].words
		}
		for k := range cs {
			if !chosen[k] && !gone[k] && dot(cs[k].vec, cs[i].vec) > p.overlap {
				gone[k] = true
			}
		}
	}
	// The lede: of the first three sentences that stand on their own,
	// the best-scored that reads like one (a statement of ten words or
	// more, not a question or a quotation), else the best-scored.
	lede, ledeLike := -1, false
	for i := 0; i < min(n, 3); i++ {
		if dependent[i] || gone[i] || unitEnd[i]-i+1 > limit {
			continue
		}
		if unitEnd[i] > i && budget > 0 && unitWords(i) > budget {
			// Only a single sentence may break the budget.
			continue
		}
		like := cs[i].words >= 10 && !cs[i].quote && !isQuestion(cs[i].text)
		if lede < 0 || like && !ledeLike || like == ledeLike && scores[i] > scores[lede] {
			lede, ledeLike = i, like
		}
	}
	if lede >= 0 {
		take(lede)
	}
	free := func(i int) bool { // could be taken now on its own
		return !chosen[i] && !gone[i] && (!dependent[i] || i > 0 && chosen[i-1])
	}
	for len(picked) < limit {
		best, bestVal, pair := -1, math.Inf(-1), false
		for i := range cs {
			if chosen[i] || gone[i] {
				continue
			}
			size, w := unitEnd[i]-i+1, unitWords(i)
			if free(i) {
				if len(picked)+size <= limit && (budget <= 0 || words+w <= budget) && scores[i] > bestVal {
					best, bestVal, pair = i, scores[i], false
				}
				continue
			}
			// A sentence that leans on an unchosen predecessor may come
			// with it, valued at the pair's mean.
			if !dependent[i] || i == 0 || !free(i-1) || unitEnd[i-1] != i-1 {
				continue
			}
			size, w = size+1, w+cs[i-1].words
			v := p.pairValue * (scores[i-1] + scores[i]) / 2
			if len(picked)+size <= limit && (budget <= 0 || words+w <= budget) && v > bestVal {
				best, bestVal, pair = i, v, true
			}
		}
		if best < 0 {
			break
		}
		if pair {
			take(best - 1)
		}
		take(best)
	}
	if len(picked) == 0 && n > 0 {
		// Every sentence leans on another, or none fits: the best one
		// beats nothing.
		best := 0
		for i := range cs {
			if scores[i] > scores[best] {
				best = i
			}
		}
		picked = append(picked, best)
	}
	sort.Ints(picked)
	return picked
}
