package page

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/internal/evaldata"
)

// tagBound is never under the tokenizer's count of start tags, whatever
// the markup: otherwise Parse would let a page over the element limit
// through.
func FuzzTagBound(f *testing.F) {
	for _, s := range []string{
		"", "<", "<a", "<a>", "<A HREF=x>", "<1>", "< a>", "<!-- <b> -->", "<script>if (a<b) x = '<i>'</script>",
		"<p>one<p>two<br/>", "<svg><path/></svg>", "text < more > text", "<<<a>>>", "<é>", "<textarea><b></textarea>",
	} {
		f.Add(s)
	}
	if dir, ok := evaldata.Find("readability"); ok {
		pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
		for _, p := range pages[:min(len(pages), 20)] {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if bound, n := tagBound(s), CountElements(s, len(s)+1); bound < n {
			t.Errorf("tagBound %d < %d start tags in %q", bound, n, s)
		}
	})
}
