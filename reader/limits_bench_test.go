package reader

import (
	"strings"
	"testing"
)

// The size-and-shape cases, timed (BENCHMARKS.md, "Limits"):
//
//	go test ./reader -run '^$' -bench Shape -benchmem -benchtime 3x

func benchParse(b *testing.B, name string, data []byte, full, wantErr bool) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDocument(name, data, full); (err != nil) != wantErr {
			b.Fatal(err)
		}
	}
}

func BenchmarkShapeText1MBLine(b *testing.B) {
	benchParse(b, "a.txt", []byte("Headline\n\n"+strings.Repeat(prose, (1<<20)/len(prose))), true, false)
}

func BenchmarkShapeText100kParagraphs(b *testing.B) {
	benchParse(b, "a.txt", []byte("Headline\n\n"+strings.Repeat("A short paragraph of news.\n\n", 100_000)), true, false)
}

// BenchmarkShapeText32MB is the largest file brief reads.
func BenchmarkShapeText32MB(b *testing.B) {
	body := strings.Repeat(prose+prose+"\n\n", (MaxFileSize-100)/(2*len(prose)+2))
	benchParse(b, "a.txt", []byte("Headline\n\n"+body), true, false)
}

func BenchmarkShapeHTMLDeep10k(b *testing.B) {
	benchParse(b, "a.html", htmlPage(strings.Repeat("<div>", 10_000)+"<p>"+prose+"</p>"+strings.Repeat("</div>", 10_000)), true, true)
}

func BenchmarkShapeHTMLDeep480(b *testing.B) {
	benchParse(b, "a.html", htmlPage(strings.Repeat("<div>", 480)+"<p>"+strings.Repeat(prose, 20)+"</p>"+strings.Repeat("</div>", 480)), true, false)
}

func BenchmarkShapeHTMLAttribute5MB(b *testing.B) {
	benchParse(b, "a.html", htmlPage(`<p title="`+strings.Repeat("x", 5<<20)+`">`+strings.Repeat(prose, 20)+`</p>`), true, false)
}

// BenchmarkShapeHTML100kParagraphs is refused by the element cap;
// 49k paragraphs is the largest page still read.
func BenchmarkShapeHTML100kParagraphs(b *testing.B) {
	benchParse(b, "a.html", htmlPage(strings.Repeat("<p>A short paragraph of news.</p>", 100_000)), true, true)
}

func BenchmarkShapeHTML49kParagraphs(b *testing.B) {
	benchParse(b, "a.html", htmlPage(strings.Repeat("<p>A short paragraph of news.</p>", 49_000)), true, false)
}

func BenchmarkShapeHTML49kParagraphsScan(b *testing.B) {
	benchParse(b, "a.html", htmlPage(strings.Repeat("<p>A short paragraph of news.</p>", 49_000)), false, false)
}
