package list

import (
	"testing"

	"github.com/brief-news/brief/reader"
)

// A row shows a file's name, but never a library article's internal
// location ("item:2", for an undated item whose link was refused).
func TestRowFileNamesFilesOnly(t *testing.T) {
	for loc, want := range map[string]string{
		"news/lighthouse.txt":         "lighthouse.txt",
		"item:2":                      "",
		"https://news.example/a.html": "",
		"-":                           "",
	} {
		if got := rowFile(&reader.Article{Location: loc}); got != want {
			t.Errorf("rowFile(%q) = %q, want %q", loc, got, want)
		}
	}
}
