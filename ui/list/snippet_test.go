package list

import (
	"strings"
	"testing"
)

func TestHighlightSnippet(t *testing.T) {
	s := "one two three four five six seven eight nine ten eleven twelve thirteen zeppelin end"
	i := strings.Index(s, "zeppelin")
	got := HighlightSnippet(s, [][2]int{{i, i + len("zeppelin")}})
	if !strings.HasPrefix(got, "…") || !strings.Contains(got, "zeppelin end") || strings.Contains(got, "one two") {
		t.Errorf("got %q", got)
	}
	if got := HighlightSnippet("a b\nc", nil); got != "a b c" {
		t.Errorf("got %q", got)
	}
}
