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
	limit, budget := o.Sentences, o.MaxWords
	if limit <= 0 && budget <= 0 {
		limit = 3
	}
	if limit <= 0 || limit > MaxSentences {
		limit = MaxSentences
	}
	sel := newSelection(cs, scores, limit, budget)
	if lede := sel.lede(); lede >= 0 {
		sel.take(lede, p.overlap)
	}
	for len(sel.picked) < limit {
		best, pair := sel.next(p.pairValue)
		if best < 0 {
			break
		}
		if pair {
			sel.take(best-1, p.overlap)
		}
		sel.take(best, p.overlap)
	}
	picked := sel.picked
	if len(picked) == 0 && len(cs) > 0 {
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

// selection is chooseCoherent's state: what is chosen so far under the
// count and word budget, and what each sentence needs to come with it.
type selection struct {
	cs            []candidate
	scores        []float64
	limit, budget int
	// unitEnd[i] is the last sentence that must come with i: the close
	// of a quotation i opens.
	unitEnd   []int
	dependent []bool // leans on its predecessor
	chosen    []bool
	// gone: too similar to a chosen sentence, or a quotation's ragged
	// end that cannot be taken with the rest of it.
	gone   []bool
	picked []int
	words  int
}

func newSelection(cs []candidate, scores []float64, limit, budget int) *selection {
	n := len(cs)
	opens, continues := quoteState(cs)
	s := &selection{cs: cs, scores: scores, limit: limit, budget: budget,
		unitEnd: make([]int, n), dependent: make([]bool, n), chosen: make([]bool, n),
		gone: raggedQuotes(cs, opens, continues)}
	for i := n - 1; i >= 0; i-- {
		s.unitEnd[i] = i
		if opens[i] && i+1 < n {
			s.unitEnd[i] = s.unitEnd[i+1]
		}
	}
	for i := range cs {
		s.dependent[i] = dependsOnPrev(cs[i], continues[i])
	}
	return s
}

// unitWords is the words of sentence i with those that must come with it.
func (s *selection) unitWords(i int) int {
	w := 0
	for k := i; k <= s.unitEnd[i]; k++ {
		w += s.cs[k].words
	}
	return w
}

// take chooses sentence i and its unit, and rules out the sentences too
// similar to it.
func (s *selection) take(i int, overlap float64) {
	for k := i; k <= s.unitEnd[i]; k++ {
		if s.chosen[k] {
			continue
		}
		s.chosen[k] = true
		s.picked = append(s.picked, k)
		s.words += s.cs[k].words
	}
	for k := range s.cs {
		if !s.chosen[k] && !s.gone[k] && dot(s.cs[k].vec, s.cs[i].vec) > overlap {
			s.gone[k] = true
		}
	}
}

// lede is, of the first three sentences that stand on their own, the
// best-scored that reads like one (a statement of ten words or more,
// not a question or a quotation), else the best-scored; -1 for none.
func (s *selection) lede() int {
	lede, ledeLike := -1, false
	for i := 0; i < min(len(s.cs), 3); i++ {
		if s.dependent[i] || s.gone[i] || s.unitEnd[i]-i+1 > s.limit {
			continue
		}
		if s.unitEnd[i] > i && s.budget > 0 && s.unitWords(i) > s.budget {
			// Only a single sentence may break the budget.
			continue
		}
		c := s.cs[i]
		like := c.words >= 10 && !c.quote && !isQuestion(c.text)
		if lede < 0 || like && !ledeLike || like == ledeLike && s.scores[i] > s.scores[lede] {
			lede, ledeLike = i, like
		}
	}
	return lede
}

// free reports whether sentence i could be taken now on its own.
func (s *selection) free(i int) bool {
	return !s.chosen[i] && !s.gone[i] && (!s.dependent[i] || i > 0 && s.chosen[i-1])
}

// next is the best sentence to take next within the count and budget,
// -1 for none; pair says it comes with its unchosen predecessor, the
// pair valued at pairValue times their mean score.
func (s *selection) next(pairValue float64) (best int, pair bool) {
	best, bestVal := -1, math.Inf(-1)
	fits := func(size, w int) bool {
		return len(s.picked)+size <= s.limit && (s.budget <= 0 || s.words+w <= s.budget)
	}
	for i := range s.cs {
		if s.chosen[i] || s.gone[i] {
			continue
		}
		size, w := s.unitEnd[i]-i+1, s.unitWords(i)
		if s.free(i) {
			if fits(size, w) && s.scores[i] > bestVal {
				best, bestVal, pair = i, s.scores[i], false
			}
			continue
		}
		// A sentence that leans on an unchosen predecessor may come
		// with it, valued at the pair's mean.
		if !s.dependent[i] || i == 0 || !s.free(i-1) || s.unitEnd[i-1] != i-1 {
			continue
		}
		v := pairValue * (s.scores[i-1] + s.scores[i]) / 2
		if fits(size+1, w+s.cs[i-1].words) && v > bestVal {
			best, bestVal, pair = i, v, true
		}
	}
	return best, pair
}
