package summarizer

import (
	"math/rand/v2"
	"strings"
)

// genArticle writes n words of news-like prose from a fixed vocabulary,
// the same for the same seed: sentences of 8-30 words, paragraphs of 3-5
// sentences, a few recurring topic words so that ranking has something to
// find. Benchmarks and fuzz seeds use it instead of real articles.
func genArticle(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	common := strings.Fields(`the a of to in and on for with at by from that said was
has have will would could after before over under new old local national
government council police officials residents company market shares report
week year month day plan vote election court judge minister president city
town river bridge road school hospital water power storm flood fire team
match season players coach fans price cost budget tax workers union strike
talks deal agreement protest crowd statement spokesman inquiry evidence`)
	topic := strings.Fields(`barrier harbour surge engineers gates tide`)
	var b strings.Builder
	words, sent := 0, 0
	for words < n {
		l := 8 + r.IntN(23)
		for i := 0; i < l && words < n; i++ {
			var w string
			if r.IntN(6) == 0 {
				w = topic[r.IntN(len(topic))]
			} else {
				w = common[r.IntN(len(common))]
			}
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			words++
		}
		b.WriteString(". ")
		sent++
		if sent%(3+r.IntN(3)) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
