package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
)

// What the article view renders of pathological articles, at 100
// columns (BENCHMARKS.md, "Limits"): first, what the render Cmd does
// before the text shows (the markdown, cut to the safety bounds, split,
// and its first piece rendered); whole, that and every later piece, as
// the reader then renders them in the background. cut says whether the
// shape is beyond the safety bounds, and so ends in the notice.
//
//	go test ./ui -run '^$' -bench Shape -benchmem -benchtime 3x

func benchShape(b *testing.B, body string, cut bool) {
	a, err := reader.ParseText("big.txt", []byte("Huge Harbour Report\n\n"+body), true)
	if err != nil {
		b.Fatal(err)
	}
	d := &doc{art: a}
	k := renderKey{Loc: a.Location, Mode: modeFull, Width: 100, Style: "dark"}
	opts := renderOptions{Style: "dark", Profile: termenv.ANSI256}
	b.Run("first", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if r := docRenderCmd(k, 1, d, modeFull, opts)().(renderedMsg); r.Err != nil || r.Content == "" {
				b.Fatal(r.Err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := renderWhole(b, k, d, modeFull, opts)
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			if strings.Contains(r.Content, "Article truncated") != cut {
				b.Fatalf("cut %v, want %v", !cut, cut)
			}
		}
	})
}

func BenchmarkShape1MBLine(b *testing.B) {
	benchShape(b, strings.Repeat(prose, (1<<20)/len(prose)), false)
}

func BenchmarkShape100kParagraphs(b *testing.B) {
	benchShape(b, strings.Repeat("A short paragraph of news.\n\n", 100_000), true)
}

func BenchmarkShape1MBWord(b *testing.B) {
	benchShape(b, strings.Repeat("a", 1<<20)+".", false)
}

func BenchmarkShape100kWords(b *testing.B) {
	benchShape(b, strings.Repeat(prose+"\n\n", 100_000/14), false)
}

func BenchmarkShape26MBText(b *testing.B) {
	benchShape(b, strings.Repeat(prose+prose+"\n\n", (26<<20)/(2*len(prose)+2)), true)
}
