// Package porter is M.F. Porter's 1980 suffix-stripping algorithm exactly
// as the paper gives it (NLTK's ORIGINAL_ALGORITHM mode): no "logi" rule
// and "abli" -> "able", unlike the later C reference. ROUGE scores are only
// comparable with published ones when the stemmer is the same, and the
// summarizer uses the same stems so that its notion of "same word" agrees
// with the measure it is judged by.
package porter

// Stem returns the stem of a lower-case ASCII word. Digits count as
// consonants, as in NLTK ("1990s" -> "1990"), since ROUGE tokens mix them
// with letters. Words of one or two characters, and words with anything
// but a-z and 0-9, come back unchanged.
func Stem(word string) string {
	if len(word) <= 2 {
		return word
	}
	for i := 0; i < len(word); i++ {
		if (word[i] < 'a' || word[i] > 'z') && (word[i] < '0' || word[i] > '9') {
			return word
		}
	}
	w := []byte(word)
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5(w)
	return string(w)
}

// cons reports whether w[i] is a consonant: not a vowel, and y only when
// it follows a vowel (or starts the word).
func cons(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !cons(w, i-1)
	}
	return true
}

// measure is m in [C](VC)^m[V] for w[:n].
func measure(w []byte, n int) int {
	m, i := 0, 0
	for i < n && cons(w, i) {
		i++
	}
	for i < n {
		for i < n && !cons(w, i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && cons(w, i) {
			i++
		}
		m++
	}
	return m
}

func hasVowel(w []byte, n int) bool {
	for i := 0; i < n; i++ {
		if !cons(w, i) {
			return true
		}
	}
	return false
}

// doubleCons is *d: w[:n] ends in a double consonant.
func doubleCons(w []byte, n int) bool {
	return n >= 2 && w[n-1] == w[n-2] && cons(w, n-1)
}

// cvc is *o: w[:n] ends consonant-vowel-consonant, the last not w, x or y.
func cvc(w []byte, n int) bool {
	if n < 3 || !cons(w, n-1) || cons(w, n-2) || !cons(w, n-3) {
		return false
	}
	c := w[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func ends(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func replace(w []byte, suffix, with string) []byte {
	return append(w[:len(w)-len(suffix)], with...)
}

func step1a(w []byte) []byte {
	switch {
	case ends(w, "sses"):
		return replace(w, "sses", "ss")
	case ends(w, "ies"):
		return replace(w, "ies", "i")
	case ends(w, "ss"):
		return w
	case ends(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func step1b(w []byte) []byte {
	if ends(w, "eed") {
		if measure(w, len(w)-3) > 0 {
			return w[:len(w)-1]
		}
		return w
	}
	var stem []byte
	switch {
	case ends(w, "ed") && hasVowel(w, len(w)-2):
		stem = w[:len(w)-2]
	case ends(w, "ing") && hasVowel(w, len(w)-3):
		stem = w[:len(w)-3]
	default:
		return w
	}
	n := len(stem)
	switch {
	case ends(stem, "at"), ends(stem, "bl"), ends(stem, "iz"):
		return append(stem, 'e')
	case doubleCons(stem, n) && stem[n-1] != 'l' && stem[n-1] != 's' && stem[n-1] != 'z':
		return stem[:n-1]
	case measure(stem, n) == 1 && cvc(stem, n):
		return append(stem, 'e')
	}
	return stem
}

func step1c(w []byte) []byte {
	if ends(w, "y") && hasVowel(w, len(w)-1) {
		w[len(w)-1] = 'i'
	}
	return w
}

// rule is one suffix replacement of steps 2-4.
type rule struct{ suffix, with string }

// applyLongest finds the longest matching suffix and replaces it when the
// remaining stem's measure exceeds min; a match whose condition fails stops
// the step (the paper does not fall back to shorter suffixes).
func applyLongest(w []byte, rules []rule, min int, extra func(stem []byte) bool) []byte {
	best := -1
	for i, r := range rules {
		if ends(w, r.suffix) && (best < 0 || len(r.suffix) > len(rules[best].suffix)) {
			best = i
		}
	}
	if best < 0 {
		return w
	}
	r := rules[best]
	n := len(w) - len(r.suffix)
	if measure(w, n) > min && (extra == nil || extra(w[:n]) || r.suffix != "ion") {
		return replace(w, r.suffix, r.with)
	}
	return w
}

var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"abli", "able"}, {"alli", "al"}, {"entli", "ent"},
	{"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
	{"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
	{"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
}

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

var step4Rules = []rule{
	{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
	{"ible", ""}, {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""},
	{"ion", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""},
	{"ive", ""}, {"ize", ""},
}

func step2(w []byte) []byte { return applyLongest(w, step2Rules, 0, nil) }
func step3(w []byte) []byte { return applyLongest(w, step3Rules, 0, nil) }

// step4 removes -ion only after s or t.
func step4(w []byte) []byte {
	return applyLongest(w, step4Rules, 1, func(stem []byte) bool {
		return len(stem) > 0 && (stem[len(stem)-1] == 's' || stem[len(stem)-1] == 't')
	})
}

func step5(w []byte) []byte {
	if ends(w, "e") {
		n := len(w) - 1
		m := measure(w, n)
		if m > 1 || (m == 1 && !cvc(w, n)) {
			w = w[:n]
		}
	}
	if n := len(w); measure(w, n) > 1 && doubleCons(w, n) && w[n-1] == 'l' {
		w = w[:n-1]
	}
	return w
}
