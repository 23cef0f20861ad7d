package ui

import (
	"github.com/brief-news/brief/reader"
	"regexp"
	"strings"
)

// Reading mode: glamour prints every link as "text url" and every image
// as "Image: alt → url", which buries news prose in addresses. The
// article view shows link text and drops images; the article's own
// address stays one key away (o, y).
var (
	// mdImage is an inline image, its alt text allowing one level of
	// brackets.
	mdImage = regexp.MustCompile(`!\[(?:[^\[\]]|\[[^\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)`)
	// mdLink is an inline link; its text may hold one level of brackets
	// ("[[2]](…)" footnotes) and its target balanced parentheses.
	mdLink = regexp.MustCompile(`\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)`)
)

// readable strips link targets and images from markdown outside code.
func readable(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	return reader.MapProse(md, func(l string) string {
		if !strings.Contains(l, "](") || strings.Contains(l, "`") {
			return l
		}
		return mdLink.ReplaceAllString(mdImage.ReplaceAllString(l, ""), "$1")
	})
}
