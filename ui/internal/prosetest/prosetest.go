// Package prosetest makes long news-like prose for the tests and
// benchmarks of ui and ui/present, which both need articles of a known
// length.
package prosetest

import "strings"

// LongParagraphs makes n words of varied prose in paragraphs of five
// sentences, with hyphenated words and numbers like real news.
func LongParagraphs(n int) []string {
	words := strings.Fields("the council said on Tuesday that a long-awaited plan to rebuild " +
		"the harbour wall would cost about 2.4 million and take three years while " +
		"residents and fishing crews asked for a clear timetable before the work begins")
	var paras []string
	var b strings.Builder
	count, sentence := 0, 0
	for count < n {
		for i := 0; i < 18 && count < n; i++ {
			w := words[(count*7+sentence)%len(words)]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i < 17 {
				b.WriteByte(' ')
			}
			count++
		}
		b.WriteString(". ")
		sentence++
		if sentence%5 == 0 {
			paras = append(paras, strings.TrimSpace(b.String()))
			b.Reset()
		}
	}
	if b.Len() > 0 {
		paras = append(paras, strings.TrimSpace(b.String()))
	}
	return paras
}
