package summarizer

import (
	"math"
	"sort"
)

// candidate is a sentence that survived cleaning, with what ranking needs.
type candidate struct {
	text  string
	pos   int // reading order among candidates
	words int
	vec   sparse
	// detached: the sentence ends " ." — a line that had no full stop of
	// its own, which on scraped pages is a caption or a pull-out.
	detached bool
	// quote: the sentence opens with a quotation mark; a voice in the
	// story rather than the story itself.
	quote bool
	// dependent: the sentence opens with a connective or a pronoun ("But",
	// "He", "This") and so leans on the sentence before it.
	dependent bool
}

// sparse is a unit-length tf-idf vector sorted by term id.
type sparse []entry

type entry struct {
	term int
	w    float64
}

func dot(a, b sparse) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term == b[j].term:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].term < b[j].term:
			i++
		default:
			j++
		}
	}
	return s
}

// MaxSentences caps any summary, whatever the options ask.
const MaxSentences = 100

// params are the ranking's weights. defaults were chosen from the
// literature's shape (position first, PacSum's forward centrality, a
// headline bonus) and checked, not fitted: tune_test.go prints how each
// weight moves the two halves of the dev set; no change helped both
// halves by more than a tenth of a point.
type params struct {
	posScale   float64 // position prior 1/(1+pos/posScale)
	central    float64 // weight of forward-looking centrality
	backward   float64 // weight of similarity to earlier sentences (PacSum's λ1, ≤ 0)
	title      float64 // weight of similarity to the headline
	edgeMin    float64 // similarities below this are not edges
	window     int     // graph neighbours looked at on each side
	redundancy float64 // a sentence this similar to a chosen one is skipped
	shortWords int     // sentences shorter than this are damped
	longWords  int     // and longer than this
	detached   float64 // multiplier for detached (caption-like) sentences
	quote      float64 // multiplier for sentences opening with a quote
	mmr        float64 // score lost per unit of similarity to a chosen sentence
	dependent  float64 // multiplier for a dependent sentence whose predecessor is not chosen
	common     float64 // share of its idf a common English word keeps
	quoteSim   float64 // share of its similarity evidence a quotation keeps
	flat       int     // sentences 1..flat share the prior of sentence 1
}

var defaults = params{
	posScale:   2,
	central:    0.5,
	backward:   0,
	title:      0.5,
	edgeMin:    0.05,
	window:     40,
	redundancy: 0.6,
	shortWords: 8,
	longWords:  60,
	detached:   1,
	quote:      1,
	dependent:  1,
	common:     1,
	quoteSim:   1,
}

// vectorize builds tf-idf vectors, idf taken over the document's own
// sentences: offline and language-neutral, and what makes a term that
// recurs everywhere ("said", the subject's name in every line) count less
// than one that marks a particular sentence.
func vectorize(cands []candidate, termLists [][]int, common []bool, p params) {
	nTerms := len(common)
	df := make([]int, nTerms)
	seen := make([]int, nTerms)
	for i := range seen {
		seen[i] = -1
	}
	for i, ts := range termLists {
		for _, t := range ts {
			if seen[t] != i {
				seen[t] = i
				df[t]++
			}
		}
	}
	n := float64(len(termLists))
	tf := make([]float64, nTerms)
	for i, ts := range termLists {
		var uniq []int
		for _, t := range ts {
			if tf[t] == 0 {
				uniq = append(uniq, t)
			}
			tf[t]++
		}
		sort.Ints(uniq)
		v := make(sparse, 0, len(uniq))
		norm := 0.0
		for _, t := range uniq {
			w := (1 + math.Log(tf[t])) * math.Log(1+n/float64(df[t]))
			if common[t] {
				w *= p.common
			}
			v = append(v, entry{t, w})
			norm += w * w
			tf[t] = 0
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v {
				v[k].w /= norm
			}
		}
		cands[i].vec = v
	}
}

// scoreAll gives each candidate its salience: a position prior (news puts
// the point first), plus position-aware centrality in the manner of PacSum
// (a sentence that later sentences elaborate on is central; one that only
// repeats earlier ones is not), plus similarity to the headline. The graph
// is limited to a window of neighbours, so cost grows linearly with length.
func scoreAll(cands []candidate, title sparse, p params) []float64 {
	n := len(cands)
	cent := make([]float64, n)
	for i := range cands {
		lo, hi := max(0, i-p.window), min(n, i+p.window+1)
		for j := lo; j < hi; j++ {
			if j == i {
				continue
			}
			e := dot(cands[i].vec, cands[j].vec) - p.edgeMin
			if e <= 0 {
				continue
			}
			if j > i {
				cent[i] += e
			} else {
				cent[i] += p.backward * e
			}
		}
	}
	maxC := 0.0
	for _, c := range cent {
		maxC = math.Max(maxC, c)
	}
	scores := make([]float64, n)
	for i, c := range cands {
		sim := 0.0
		if maxC > 0 {
			sim += p.central * math.Max(0, cent[i]) / maxC
		}
		if len(title) > 0 {
			sim += p.title * dot(c.vec, title)
		}
		if c.quote {
			sim *= p.quoteSim
		}
		pos := float64(c.pos)
		if c.pos >= 1 && c.pos <= p.flat {
			pos = 1
		}
		s := 1/(1+pos/p.posScale) + sim
		if c.words < p.shortWords {
			s *= float64(c.words) / float64(p.shortWords)
		}
		if c.words > p.longWords {
			s *= float64(p.longWords) / float64(c.words)
		}
		if c.detached {
			s *= p.detached
		}
		if c.quote {
			s *= p.quote
		}
		scores[i] = s
	}
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
	chosen := make([]bool, len(cands))
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
			s := scores[i]
			if cands[i].dependent && i > 0 && !chosen[i-1] {
				s *= p.dependent
			}
			if v := s - p.mmr*maxSim[i]; v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		out[best] = true
		chosen[best] = true
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
