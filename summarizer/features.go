package summarizer

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/brief-news/brief/summarizer/internal/lexicon"
	"github.com/brief-news/brief/summarizer/internal/sentences"
)

// The learned ranker scores each sentence by a weighted sum of the
// features below; the weights are fitted on CNN/DailyMail pairs by
// TestTrainRanker (train_test.go) and live in weights_gen.go. Every
// feature is cheap (one pass over the sentence, or a dot product with a
// vector already built), so scoring stays linear in the article's length.

// Feature indices. Their order is the order of the fitted weights; adding
// or moving one means running the trainer again (go generate ./summarizer).
const (
	fBias = iota
	fPos0
	fPos1
	fPos2
	fPos3
	fPos4
	fPos5to9
	fPosLater
	fRelPos
	fLogPos
	fWords
	fWordsSq
	fShort
	fLong
	fCentral
	fPrior
	fTitle
	fLede
	fCentroid
	fNumbers
	fCaps
	fQuoteOpen
	fHasQuote
	fAttribution
	fQuestion
	fDetached
	fConnective
	fPronoun
	fColon
	fParens
	fDocLen
	fPos0Title
	fEarlyCentral
	fCentroidRel
	fCentroidRank
	fContent
	fPrevSim
	fNextSim
	fNamedSubject
	fWeekday
	fCue
	nFeatures
)

// featureNames label the weights in weights_gen.go and in the trainer's
// report.
var featureNames = [nFeatures]string{"bias", "pos0", "pos1", "pos2", "pos3", "pos4",
	"pos5-9", "pos10+", "relpos", "logpos", "words", "words²", "short", "long",
	"central", "prior", "title", "lede", "centroid", "numbers", "caps", "quote-open",
	"has-quote", "attribution", "question", "detached", "connective", "pronoun",
	"colon", "parens", "doclen", "pos0×title", "early×central",
	"centroid/max", "centroid-rank", "content", "prev-sim", "next-sim", "named-subject",
	"weekday", "cue"}

// features fills one row per candidate. prior is the hand-set ranker's
// score (position, centrality and headline similarity), cent its
// normalised forward centrality.
func features(cs []candidate, title sparse, prior, cent []float64) [][nFeatures]float64 {
	n := len(cs)
	out := make([][nFeatures]float64, n)
	centroid := centroidOf(cs)
	maxPrior := 0.0
	for _, p := range prior {
		maxPrior = math.Max(maxPrior, p)
	}
	docLen := math.Log1p(float64(n)) / 4
	for i, c := range cs {
		f := &out[i]
		f[fBias] = 1
		f[fDocLen] = docLen
		positionFeatures(f, c.pos, n)
		lengthFeatures(f, c)
		f[fCentral] = cent[i]
		if c.pos <= 4 {
			f[fEarlyCentral] = cent[i]
		}
		if maxPrior > 0 {
			f[fPrior] = prior[i] / maxPrior
		}
		similarityFeatures(f, cs, i, title, centroid)
		surfaceFeatures(f, c)
		f[fCue] = c.cue
	}
	rankByCentroid(out)
	return out
}

// centroidOf is the document's centroid, dense by term id and of unit
// length: a sentence close to it says what most of the article says.
// nil for a document of one sentence.
func centroidOf(cs []candidate) []float64 {
	if len(cs) < 2 {
		return nil
	}
	size := 0
	for _, c := range cs {
		if len(c.vec) > 0 {
			size = max(size, c.vec[len(c.vec)-1].term+1)
		}
	}
	centroid := make([]float64, size) // sums in a fixed order
	for _, c := range cs {
		for _, e := range c.vec {
			centroid[e.term] += e.w
		}
	}
	norm := 0.0
	for _, w := range centroid {
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for t := range centroid {
			centroid[t] /= norm
		}
	}
	return centroid
}

// positionFeatures: where the sentence stands, as buckets and as a
// fraction and a log of its index.
func positionFeatures(f *[nFeatures]float64, pos, n int) {
	switch {
	case pos <= 4:
		f[fPos0+pos] = 1
	case pos <= 9:
		f[fPos5to9] = 1
	default:
		f[fPosLater] = 1
	}
	if n > 1 {
		f[fRelPos] = float64(pos) / float64(n-1)
	}
	f[fLogPos] = math.Log1p(float64(pos)) / 3
}

// lengthFeatures: the sentence's length in words and how much of it is
// content.
func lengthFeatures(f *[nFeatures]float64, c candidate) {
	w := float64(c.words) / 30
	f[fWords] = w
	f[fWordsSq] = w * w
	if c.words < 10 {
		f[fShort] = 1
	}
	if c.words > 45 {
		f[fLong] = 1
	}
	f[fContent] = math.Min(1, float64(len(c.vec))/float64(max(1, c.words)))
}

// similarityFeatures: how close sentence i is to the title, the first
// sentence, its neighbours and the document's centroid.
func similarityFeatures(f *[nFeatures]float64, cs []candidate, i int, title sparse, centroid []float64) {
	c := cs[i]
	f[fTitle] = dot(c.vec, title)
	if c.pos == 0 {
		f[fPos0Title] = f[fTitle]
	}
	if i > 0 {
		f[fLede] = dot(c.vec, cs[0].vec)
		f[fPrevSim] = dot(c.vec, cs[i-1].vec)
	} else {
		f[fLede] = 1
	}
	if i+1 < len(cs) {
		f[fNextSim] = dot(c.vec, cs[i+1].vec)
	}
	if centroid != nil {
		for _, e := range c.vec {
			f[fCentroid] += e.w * centroid[e.term]
		}
	}
}

// surfaceFeatures: what the sentence's surface says of its kind —
// numbers, names, quotation and attribution, a question, how it opens.
func surfaceFeatures(f *[nFeatures]float64, c candidate) {
	sh := shapeOf(c.text)
	f[fNumbers] = math.Min(float64(sh.numbers), 4) / 4
	f[fCaps] = math.Min(float64(sh.caps)/float64(max(1, c.words)), 0.5) * 2
	flag := func(i int, on bool) {
		if on {
			f[i] = 1
		}
	}
	flag(fQuoteOpen, c.quote)
	flag(fHasQuote, sh.quoted)
	flag(fAttribution, sh.attribution)
	flag(fQuestion, isQuestion(c.text))
	flag(fDetached, c.detached)
	flag(fConnective, c.opener == openConnective)
	flag(fPronoun, c.opener == openPronoun)
	flag(fColon, strings.Contains(c.text, ": "))
	flag(fParens, strings.ContainsRune(c.text, '('))
	flag(fNamedSubject, sh.namedSubject)
	flag(fWeekday, sh.weekday)
}

// rankByCentroid adds where each sentence stands among its document's
// by closeness to the centroid: the best in a dull article beats the
// tenth best in a rich one.
func rankByCentroid(out [][nFeatures]float64) {
	maxCentroid := 0.0
	for i := range out {
		maxCentroid = math.Max(maxCentroid, out[i][fCentroid])
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return out[order[a]][fCentroid] > out[order[b]][fCentroid] })
	for r, i := range order {
		if maxCentroid > 0 {
			out[i][fCentroidRel] = out[i][fCentroid] / maxCentroid
		}
		out[i][fCentroidRank] = math.Log1p(float64(r)) / 3
	}
}

// shape is what a sentence's surface says about its kind.
type shape struct {
	numbers     int  // tokens holding a digit
	caps        int  // capitalised words after the first: names, places
	quoted      bool // holds a quotation mark
	attribution bool // "…, he said", "according to"
	// namedSubject: opens with a capitalised word that is not a function
	// word ("Murray fired…", "Police said…").
	namedSubject bool
	weekday      bool // names a day of the week: a dated event
}

var weekdays = lexicon.Set(`monday tuesday wednesday thursday friday saturday sunday`)

// attributionWords are the verbs and phrases that attribute speech.
var attributionWords = lexicon.Set(`said says told added according explained asked
claimed insisted warned stated`)

func shapeOf(s string) shape {
	var sh shape
	first := true
	for _, w := range strings.Fields(s) {
		rs := []rune(w)
		k := 0
		for k < len(rs) && sentences.IsOpener(rs[k]) {
			if rs[k] == '"' || rs[k] == '“' || rs[k] == '‘' {
				sh.quoted = true
			}
			k++
		}
		if strings.ContainsAny(w, "\"“”") {
			sh.quoted = true
		}
		if k < len(rs) {
			switch {
			case unicode.IsDigit(rs[k]):
				sh.numbers++
			case unicode.IsUpper(rs[k]) && !first:
				sh.caps++
			}
		}
		lw := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if attributionWords[lw] {
			sh.attribution = true
		}
		if weekdays[lw] {
			sh.weekday = true
		}
		if first && k < len(rs) && unicode.IsUpper(rs[k]) && !lexicon.Stopwords[lw] && !connectives[lw] && !demonstratives[lw] {
			sh.namedSubject = true
		}
		first = false
	}
	return sh
}

// scorer is a fitted ranker.
type scorer interface {
	score(f *[nFeatures]float64) float64
}

// cueScore is the mean, over a sentence's distinct terms, of their weight
// in cues (0 for a term not in it): how much the sentence's words are the
// words of summaries (cues.go).
func cueScore(vec sparse, terms []string, cues map[string]float64) float64 {
	if len(vec) == 0 {
		return 0
	}
	s := 0.0
	for _, e := range vec {
		s += cues[terms[e.term]]
	}
	return s / float64(len(vec))
}

// isQuestion reports a sentence ending in a question mark, before any
// closing quotation marks or brackets.
func isQuestion(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, "\"'”’) "), "?")
}
