package page

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/evaldata"
)

// BenchmarkExtractEvalPages extracts every one of the 130 eval pages
// (full Parse: readability, debris cleanup, markdown) per iteration and
// reports the mean time per page, the figure the ≤ 10 ms target is on:
//
//	go test ./reader/page -run '^$' -bench ExtractEvalPages -benchmem -count 3
func BenchmarkExtractEvalPages(b *testing.B) {
	dir, names := evaldata.ReadabilityPages(b)
	pages := make([][]byte, len(names))
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name, "source.html"))
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = data
	}
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		for i, data := range pages {
			// Errors are pages without an article, which the eval expects.
			Parse(data, "", names[i]+".html", "", true)
		}
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N*len(pages))/1e6, "ms/page")
}
