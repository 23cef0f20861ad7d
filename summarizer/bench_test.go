package summarizer

import (
	"strings"
	"testing"
)

// Benchmarks use generated prose (gen_test.go), never eval data:
//
//	go test ./summarizer -run '^$' -bench . -benchmem

func benchSummarize(b *testing.B, words int) {
	d := Document{Title: "Harbour barrier vote", Body: genArticle(words, 42)}
	b.ReportAllocs()
	b.SetBytes(int64(len(d.Body)))
	for b.Loop() {
		if _, err := Summarize(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarize700Words(b *testing.B)  { benchSummarize(b, 700) }
func BenchmarkSummarize10kWords(b *testing.B)  { benchSummarize(b, 10_000) }
func BenchmarkSummarize100kWords(b *testing.B) { benchSummarize(b, 100_000) }
func BenchmarkSentences700Words(b *testing.B) {
	text := genArticle(700, 42)
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}

// Size and shape (BENCHMARKS.md, "Limits"): inputs beyond MaxInputWords
// cost what MaxInputWords costs.
func benchHuge(b *testing.B, body string) {
	d := Document{Title: "Harbour barrier vote", Body: body}
	b.ReportAllocs()
	for b.Loop() {
		if s, err := Summarize(d, Options{}); err != nil || !s.Truncated {
			b.Fatal(err)
		}
	}
}

func BenchmarkShapeSentence1MB(b *testing.B) {
	clause := "the council voted on the harbour barrier after a long debate about tides and "
	benchHuge(b, "The "+strings.Repeat(clause, (1<<20)/len(clause))+"the end.")
}

func BenchmarkShapeParagraphs100k(b *testing.B) {
	benchHuge(b, strings.Repeat("A short paragraph of news about the harbour.\n\n", 100_000))
}

func BenchmarkShapeWords1M(b *testing.B) { benchHuge(b, genArticle(1_000_000, 1)) }
