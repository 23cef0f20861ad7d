package summarizer

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// cuesText is the cue-word table fitted with the trees (TestTrainRanker):
// one "term weight" line per stemmed term, sorted; a term's weight is the
// log-ratio, shrunk towards 0, of how often a sentence holding it was
// among the greedy oracle's picks on cnndm-tune to how often sentences
// are. Kept as data rather than code: two thousand map entries are not
// something to read.
//
//go:embed cues.txt
var cuesText string

// cueWords parses cuesText once, on first use.
var cueWords = sync.OnceValue(func() map[string]float64 {
	m := map[string]float64{}
	for _, line := range strings.Split(cuesText, "\n") {
		term, w, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(w, 64); err == nil {
			m[term] = v
		}
	}
	return m
})
