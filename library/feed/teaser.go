package feed

import (
	"regexp"
	"strings"
)

// Teasers: whether a feed item's text is the article or only its start,
// whose page opening the article fetches.

// teaserEnd matches how feeds cut an article short.
var teaserEnd = regexp.MustCompile(`(?i)(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full|more »|\(more\))[\s\]\)»→.]*$`)

// isTeaser guesses that a feed's text is only the start of the article:
// short, or ending the way feeds cut articles ("…", "Read more").
func isTeaser(md string) bool {
	return len(strings.Fields(md)) < 120 || cutShort(md)
}

// cutShort reports text that ends the way feeds cut an article short.
func cutShort(md string) bool {
	return teaserEnd.MatchString(mdLink.ReplaceAllString(lastLine(md), "$1"))
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
