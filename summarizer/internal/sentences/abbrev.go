package sentences

// Abbreviation lists written for brief from general knowledge of English
// (no corpus was copied).

import "github.com/brief-news/brief/summarizer/internal/lexicon"

// sentenceStarters are words that, capitalised after an ambiguous
// abbreviation ("U.S.", "Inc.", "a.m."), show that a new sentence began:
// "moved to the U.S. Later he..." splits, "the U.S. Senate" does not.
var sentenceStarters = lexicon.Without(lexicon.Union(lexicon.Stopwords, lexicon.Set(`later earlier meanwhile however
today yesterday tomorrow afterwards instead nevertheless nonetheless moreover
furthermore still yet now police officials authorities experts critics
according asked speaking despite although though since unlike`)),
	// Stopwords that often open a name: "the U.S. New York office",
	// "Acme Inc. First Lady", "on Jan. May Day".
	lexicon.Set(`new may us mr mrs ms first last one two three like per via well back`))

// titles are abbreviations that precede a name and so never end a sentence.
var titles = lexicon.Set(`mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr adm sgt cpl
pte pvt brig sen rep gov pres supt det insp rev fr hon st mt atty amb`)

// abbreviations may end a sentence or not; the next word decides.
var abbreviations = lexicon.Set(`jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd
co bros plc llc jr sr no nos vs etc al approx est dept univ fig figs vol vols p pp ed
eds art sec ch op cit ibid ave blvd rd mins hrs min hr sq km kg lb lbs oz ft tel ext`)

// numberedAbbrevs are followed by a number they belong to ("No. 2",
// "Jan. 5", "p. 12") and never end a sentence before one.
var numberedAbbrevs = lexicon.Set(`no nos jan feb mar apr jun jul aug sep sept oct nov dec p pp
vol vols fig figs art sec ch op ed`)

// clockAbbrevs end a sentence before any capitalised word except a day,
// a month or a time zone ("at 5 p.m. Friday", "9 a.m. GMT").
var clockAbbrevs = lexicon.Set(`a.m p.m`)

var afterClock = lexicon.Set(`monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec gmt bst utc et est edt
ct cst cdt mt mst mdt pt pst pdt cet aest local`)

// neverFinal are Latin abbreviations always followed by more of the same
// sentence.
var neverFinal = lexicon.Set(`e.g i.e cf viz`)
