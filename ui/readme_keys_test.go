package ui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/ui/common"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// readmePath is the README whose key table the key maps generate.
const readmePath = "../README.md"

// readmeNotes add to a key's help text in README what the help screen
// has no room for, by section and key as the key map names it. A note
// for a key the maps no longer have fails the test.
var readmeNotes = map[string]string{
	"List /":      "every word in the title, source or file name",
	"Article ↑/k": "the mouse wheel scrolls too",
	"Article n":   "by the article's own link; without one the list's neighbour; a web link loads",
	"Article ⌫/h": "along the path you took",
	"Article o":   "$BROWSER, xdg-open or open",
	"Article y":   "OSC 52",
	"Article n/]": "while a search is active, the footer says so",
	"Article f":   "numbered: a number opens one, in brief when it is an article page",
	"Library list: besides the list's keys A": "of the view and feed shown, or the search's results",
	"Article S": "needs [model]: Model summaries",
}

// TestReadmeKeys keeps README's key table (the fenced block under
// "### Keys") equal to the key maps: it is generated from them, the
// plain reader's and library mode's; go test ./ui -update rewrites it.
func TestReadmeKeys(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	start, end, err := keysBlock(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	want := readmeKeys(t)
	if *update {
		out := string(readme[:start]) + want + string(readme[end:])
		if err := os.WriteFile(readmePath, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := string(readme[start:end]); got != want {
		t.Errorf("README's key table differs from the key maps (go test ./ui -update rewrites it)\n--- README:\n%s\n--- key maps:\n%s", got, want)
	}
}

// keysBlock finds the inside of the first fenced block after "### Keys".
func keysBlock(readme string) (start, end int, err error) {
	h := strings.Index(readme, "\n### Keys\n")
	if h < 0 {
		return 0, 0, fmt.Errorf("%s: no ### Keys section", readmePath)
	}
	open := strings.Index(readme[h:], "\n```\n")
	if open < 0 {
		return 0, 0, fmt.Errorf("%s: no fenced block under ### Keys", readmePath)
	}
	start = h + open + len("\n```\n")
	close := strings.Index(readme[start:], "```\n")
	if close < 0 {
		return 0, 0, fmt.Errorf("%s: the key block is not closed", readmePath)
	}
	return start, start + close, nil
}

// readmeKeys lays out every view's keys, then what library mode adds
// and changes.
func readmeKeys(t *testing.T) string {
	plain, lib := common.NewKeyMaps(false, config.Keys{}), common.NewKeyMaps(true, config.Keys{})
	used := map[string]bool{}
	var b strings.Builder
	section := func(title string, groups [][]key.Binding) {
		// Two keys a line; one with a note ends its line.
		var lines []string
		open := false // the last line has room for a second key
		for _, g := range groups {
			for _, kb := range g {
				if !kb.Enabled() {
					continue
				}
				h := kb.Help()
				cell := pad(h.Key, keyColumn) + h.Desc
				id := title + " " + h.Key
				note, ok := readmeNotes[id]
				if ok {
					used[id] = true
					cell += " (" + note + ")"
				}
				if open {
					lines[len(lines)-1] += cell
					open = false
					continue
				}
				if ok || ansi.StringWidth(cell) >= cellWidth {
					lines = append(lines, "  "+cell)
					continue
				}
				lines = append(lines, "  "+pad(cell, cellWidth))
				open = true
			}
		}
		for i := range lines {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
		if len(lines) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(title + "\n" + strings.Join(lines, "\n") + "\n")
	}
	section("List", plain.List.FullHelp())
	section("List filter", plain.Filter.FullHelp())
	section("Article", plain.Article.FullHelp())
	section("Article search", plain.Search.FullHelp())
	section("Help", plain.Help.FullHelp())
	section("Library list: besides the list's keys", changed(plain.List.FullHelp(), lib.List.FullHelp()))
	section("Library list filter", changed(plain.Filter.FullHelp(), lib.Filter.FullHelp()))
	section("Library article: besides the article's keys", changed(plain.Article.FullHelp(), lib.Article.FullHelp()))
	section("Library feed list (F)", lib.Feeds.FullHelp())
	for id := range readmeNotes {
		if !used[id] {
			t.Errorf("readmeNotes: %q names no key of the key maps", id)
		}
	}
	return b.String()
}

// The key table's columns: a key, and a key with its help.
const (
	keyColumn = 12
	cellWidth = 40
)

// pad fills s with spaces to w columns.
func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 1))
}

// changed lists the bindings of a library key map that the plain one
// lacks or binds otherwise.
func changed(plain, lib [][]key.Binding) [][]key.Binding {
	var out []key.Binding
	for i, g := range lib {
		for j, kb := range g {
			if i < len(plain) && j < len(plain[i]) && sameBinding(plain[i][j], kb) {
				continue
			}
			out = append(out, kb)
		}
	}
	return [][]key.Binding{out}
}

func sameBinding(a, b key.Binding) bool {
	return a.Help() == b.Help() && slices.Equal(a.Keys(), b.Keys()) && a.Enabled() == b.Enabled()
}
