package summarizer

// Word lists written for this package from general knowledge of English
// (no corpus was copied). They are small enough to read, so they live in
// code rather than embedded files.

// stopwords are function words: ignored when comparing sentences, since two
// sentences sharing "the" and "was" say nothing about sharing a topic.
var stopwords = set(`a about above after again against all also am an and any are as at
be because been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor
not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told tell
one two three new like get got may might must shall us mr mrs ms per via yet still
even much many well back last first year years time since around another every`)

// sentenceStarters are words that, capitalised after an ambiguous
// abbreviation ("U.S.", "Inc.", "a.m."), show that a new sentence began:
// "moved to the U.S. Later he..." splits, "the U.S. Senate" does not.
var sentenceStarters = without(union(stopwords, set(`later earlier meanwhile however
today yesterday tomorrow afterwards instead nevertheless nonetheless moreover
furthermore still yet now police officials authorities experts critics
according asked speaking despite although though since unlike`)),
	// Stopwords that often open a name: "the U.S. New York office",
	// "Acme Inc. First Lady", "on Jan. May Day".
	set(`new may us mr mrs ms first last one two three like per via well back`))

// titles are abbreviations that precede a name and so never end a sentence.
var titles = set(`mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr adm sgt cpl
pte pvt brig sen rep gov pres supt det insp rev fr hon st mt atty amb`)

// abbreviations may end a sentence or not; the next word decides.
var abbreviations = set(`jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd
co bros plc llc jr sr no nos vs etc al approx est dept univ fig figs vol vols p pp ed
eds art sec ch op cit ibid ave blvd rd mins hrs min hr sq km kg lb lbs oz ft tel ext`)

// numberedAbbrevs are followed by a number they belong to ("No. 2",
// "Jan. 5", "p. 12") and never end a sentence before one.
var numberedAbbrevs = set(`no nos jan feb mar apr jun jul aug sep sept oct nov dec p pp
vol vols fig figs art sec ch op ed`)

// clockAbbrevs end a sentence before any capitalised word except a day,
// a month or a time zone ("at 5 p.m. Friday", "9 a.m. GMT").
var clockAbbrevs = set(`a.m p.m`)

var afterClock = set(`monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec gmt bst utc et est edt
ct cst cdt mt mst mdt pt pst pdt cet aest local`)

// neverFinal are Latin abbreviations always followed by more of the same
// sentence.
var neverFinal = set(`e.g i.e cf viz`)

func set(words string) map[string]bool {
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

func without(a, b map[string]bool) map[string]bool {
	for k := range b {
		delete(a, k)
	}
	return a
}

func union(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}
