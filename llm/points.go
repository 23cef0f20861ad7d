package llm

import (
	"regexp"
	"strings"
)

// bullet is a list item's marker: "- ", "* ", "• ", "1. ", "2) ".
var bullet = regexp.MustCompile(`^\s*(?:[-*•‣◦]|\d{1,2}[.)])\s+`)

// Points splits an answer into its points: its list items when it has
// any (a lead-in line such as "Here is a summary:" dropped, a line that
// continues an item joined to it), or else its lines.
func Points(answer string) []string {
	var items, lines []string
	inItem := false
	for _, l := range strings.Split(answer, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			inItem = false
			continue
		}
		if loc := bullet.FindStringIndex(l); loc != nil {
			items = append(items, strings.TrimSpace(l[loc[1]:]))
			inItem = true
		} else if inItem {
			items[len(items)-1] += " " + t
		}
		lines = append(lines, t)
	}
	if len(items) > 0 {
		return items
	}
	return lines
}
