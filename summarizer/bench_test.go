package summarizer

import "testing"

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
