package ui

import (
	"fmt"
	"testing"

	"github.com/brief-news/brief/internal/sample"
)

// TestGolden pins the screens of the sample edition: the list, and the
// first article in full and as a summary, at two window sizes.
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			c, err := sample.Collection()
			if err != nil {
				t.Fatal(err)
			}
			tm := newTestModelOn(t, c, w, h)
			golden(t, fmt.Sprintf("list_%dx%d", w, h), tm.view())
			tm.keys("j", "enter")
			golden(t, fmt.Sprintf("article_full_%dx%d", w, h), tm.view())
			tm.keys("s")
			golden(t, fmt.Sprintf("article_summary_%dx%d", w, h), tm.view())
		})
	}
}
