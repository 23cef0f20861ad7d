package reader

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 new articles", 1: "1 new article", 2: "2 new articles"} {
		if got := Plural(n, "new article"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCleanLine(t *testing.T) {
	if got := CleanLine("  Harbour\x1b[31m\n news\t\u202eday  "); got != "Harbour news day" {
		t.Errorf("CleanLine = %q", got)
	}
}
