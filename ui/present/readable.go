package present

import (
	"regexp"
	"strings"
)

// Reading form: glamour prints every link as "text url" and every image
// as "Image: alt → url", which buries news prose in addresses. The
// reader's article view and `brief read` on a terminal show link text
// and drop images; the article's own address stays one key away in the
// reader (o, y), and `brief read` piped or --json prints the body as it
// is, links and all.
var (
	// mdImage is an inline image, its alt text allowing one level of
	// brackets.
	mdImage = regexp.MustCompile(`!\[(?:[^\[\]]|\[[^\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)`)
	// mdLink is an inline link; its text may hold one level of brackets
	// ("[[2]](…)" footnotes) and its target balanced parentheses.
	mdLink = regexp.MustCompile(`\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)`)
)

// Readable strips link targets and images from markdown outside code.
func Readable(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	return MapProse(md, func(l string) string {
		if !strings.Contains(l, "](") || strings.Contains(l, "`") {
			return l
		}
		return mdLink.ReplaceAllString(mdImage.ReplaceAllString(l, ""), "$1")
	})
}
