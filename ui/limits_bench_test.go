package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
)

// What the article view renders of pathological articles: the markdown
// (cut to the display limits) and glamour, at 100 columns, as the render
// Cmd does it (BENCHMARKS.md, "Limits"):
//
//	go test ./ui -run '^$' -bench Shape -benchmem -benchtime 3x

func benchShape(b *testing.B, body string) {
	a, err := reader.ParseText("big.txt", []byte("Huge Harbour Report\n\n"+body), true)
	if err != nil {
		b.Fatal(err)
	}
	d := &doc{art: a}
	k := renderKey{Loc: a.Location, Mode: modeFull, Width: 100, Style: "dark"}
	b.ReportAllocs()
	for b.Loop() {
		if r := renderWhole(b, k, d, modeFull, renderOptions{Style: "dark", Profile: termenv.ANSI256}); r.Err != nil || !strings.Contains(r.Content, "truncated") {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkShape1MBLine(b *testing.B) {
	benchShape(b, strings.Repeat(prose, (1<<20)/len(prose)))
}

func BenchmarkShape100kParagraphs(b *testing.B) {
	benchShape(b, strings.Repeat("A short paragraph of news.\n\n", 100_000))
}

func BenchmarkShape1MBWord(b *testing.B) {
	benchShape(b, strings.Repeat("a", 1<<20)+".")
}

func BenchmarkShape100kWords(b *testing.B) {
	benchShape(b, strings.Repeat(prose+"\n\n", 100_000/14))
}

func BenchmarkShape26MBText(b *testing.B) {
	benchShape(b, strings.Repeat(prose+prose+"\n\n", (26<<20)/(2*len(prose)+2)))
}
