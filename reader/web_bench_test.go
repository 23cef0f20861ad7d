package reader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/evaldata"
)

// Scan mode (full=false) must stay far cheaper than extraction: folders
// of saved pages list by it.
//
//	go test ./reader -run '^$' -bench ParseHTML -benchmem

func benchPage(b *testing.B, full bool) {
	dir := evaldata.Dir(b, "readability")
	data, err := os.ReadFile(filepath.Join(dir, "wikipedia-2", "source.html"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseHTML("wikipedia-2.html", data, "", full); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTMLScanLargePage(b *testing.B) { benchPage(b, false) }
func BenchmarkParseHTMLFullLargePage(b *testing.B) { benchPage(b, true) }

func BenchmarkParseHTMLFullFixture(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "web", "wp-classic.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseHTML("wp-classic.html", data, "", true); err != nil {
			b.Fatal(err)
		}
	}
}
