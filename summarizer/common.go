package summarizer

import "github.com/brief-news/brief/summarizer/internal/porter"

// commonWords are frequent English content words, written for this package
// from general knowledge of the language (no corpus was counted or
// copied): everyday verbs, nouns, adjectives and adverbs, and the stock
// vocabulary of news writing (days, months, "police", "officials",
// "report"). A document's own sentences are too few to tell that such a
// word says little; this list is the background that tells it, so that
// two sentences sharing "people" and "Monday" do not count as one topic.
// Their terms keep a fraction of their weight (params.common).
var commonWords = set(`
make made makes making take took taken takes taking go goes going went gone
come came comes coming see saw seen sees seeing know knew known knows think
thought thinks look looked looks looking want wanted wants give gave given
gives use used uses using find found finds ask asked asks asking work worked
works working seem seemed seems feel felt feels try tried tries trying leave
left leaves call called calls keep kept keeps let lets begin began begun
show showed shown shows hear heard play played plays run ran runs move moved
moves live lived lives believe believed bring brought happen happened write
wrote written provide provided sit sat stand stood lose lost pay paid meet
met include included includes including continue continued set sets learn
learned change changed lead led understand understood watch watched follow
followed following stop stopped create created speak spoke spoken read allow
allowed add added spend spent grow grew grown open opened walk walked win won
offer offered remember love loved consider considered appear appeared buy
bought wait waited serve served die died send sent expect expected build
built stay stayed fall fell fallen cut reach reached remain remained suggest
suggested raise raised pass passed sell sold require required decide decided
return returned explain explained hope hoped develop developed carry carried
break broke broken receive received agree agreed support supported hit
produce produced eat ate cover covered catch caught draw drew choose chose
cause caused point pointed help helped need needed start started turn turned
put puts end ended become became becomes mean meant means seek sought claim
claimed according announced revealed added insisted described believed
hold held holds face faced faces place placed

people person man men woman women child children family families friend
friends day days week weeks month months today yesterday tomorrow night
morning evening afternoon hour hours minute minutes moment way ways thing
things world life lives part parts place places case cases number numbers
group groups problem problems fact facts home homes hand hands eye eyes head
side sides kind end lot lots area areas question questions country countries
state states city cities town name names job jobs word words business issue
issues service services side school room house money story stories night
point level line lines form result results reason reasons team teams game
members member time times use week report reports statement official
officials police government authorities spokesman spokeswoman source sources
news media public community local national international world council
company firm office center centre department week weekend season

good better best bad worse worst great big small large little long short
high low old young early late right wrong real able sure certain clear
free full hard easy important major different possible whole open close
main true recent likely local political public social general special
top single several various similar former current past next following
total whole huge entire latest final previous

really already ago almost always never often sometimes soon later far
away together maybe perhaps quite rather enough actually probably least
nearly however although though whether across behind toward towards
within without among along despite including

monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december
`)

// commonStems holds the list's terms as terms() makes them.
var commonStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range commonWords {
		if stopwords[w] {
			continue
		}
		if len(w) > 3 {
			w = porter.Stem(w)
		}
		m[w] = true
	}
	return m
}()
