// Package lexicon holds the word lists the summarizer and its sentence
// splitter share, and the set type they are kept in.
package lexicon

// Word lists written for this package from general knowledge of English
// (no corpus was copied). They are small enough to read, so they live in
// code rather than embedded files.

// Stopwords are function words: ignored when comparing sentences, since two
// sentences sharing "the" and "was" say nothing about sharing a topic.
var Stopwords = Set(`a about above after again against all also am an and any are as at
be because been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor
not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told tell
one two three new like get got may might must shall us mr mrs ms per via yet still
even much many well back last first year years time since around another every`)

// Set is the set of the whitespace-separated words given.
func Set(words string) map[string]bool {
	m := map[string]bool{}
	w := []rune{}
	flush := func() {
		if len(w) > 0 {
			m[string(w)] = true
			w = w[:0]
		}
	}
	for _, r := range words {
		if r == ' ' || r == '\n' || r == '\t' {
			flush()
			continue
		}
		w = append(w, r)
	}
	flush()
	return m
}

// Without removes b's words from a and returns a.
func Without(a, b map[string]bool) map[string]bool {
	for k := range b {
		delete(a, k)
	}
	return a
}

// Union is a new set of the words of a and b.
func Union(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}
