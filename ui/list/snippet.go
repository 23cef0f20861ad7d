package list

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// snippetLead is how much text a list snippet keeps before its first
// match.
const snippetLead = 40

// HighlightSnippet shows the matched words (hl, byte ranges in s) of a
// search snippet in reverse video, on one line: a row's second line
// while a library search is shown. Pure, so that the root runs it in
// the Cmd that reads the search, off the UI loop.
func HighlightSnippet(s string, hl [][2]int) string {
	// Start shortly before the first match, so that it is on screen.
	if len(hl) > 0 && hl[0][0] > snippetLead {
		cut := strings.IndexByte(s[hl[0][0]-snippetLead:], ' ')
		if cut >= 0 && hl[0][0]-snippetLead+cut < hl[0][0] {
			off := hl[0][0] - snippetLead + cut + 1
			s = "…" + s[off:]
			shifted := make([][2]int, len(hl))
			for i, r := range hl {
				shifted[i] = [2]int{r[0] - off + len("…"), r[1] - off + len("…")}
			}
			hl = shifted
		}
	}
	hi := lipgloss.NewStyle().Reverse(true)
	var b strings.Builder
	at := 0
	for _, r := range hl {
		if r[0] < at || r[1] > len(s) || r[0] >= r[1] {
			continue
		}
		b.WriteString(s[at:r[0]])
		b.WriteString(hi.Render(s[r[0]:r[1]]))
		at = r[1]
	}
	b.WriteString(s[at:])
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\n", " ")), " ")
}
