package reader

// The links inside an article's text, for link hints: numbered, they
// can be followed from the reader.

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

// BodyLink is a link in an article's text.
type BodyLink struct {
	Text string // the linked words, cleaned; the URL when there are none
	URL  string // absolute http(s) address
}

// mdLink matches a markdown link [text](url "title") and an autolink
// <https://…>; images (![alt](src)) are told apart by the "!" before.
var mdLink = regexp.MustCompile(`(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+"[^"]*")?\s*\)|<(https?://[^\s<>]+)>`)

// BodyLinks returns the followable links of a markdown body in the
// order they appear, each address once (its first text kept). Only
// http(s) addresses can be followed; images are not links to read.
func BodyLinks(body string) []BodyLink {
	var out []BodyLink
	seen := map[string]bool{}
	for _, m := range mdLink.FindAllStringSubmatch(body, -1) {
		if m[1] == "!" {
			continue
		}
		text, u := m[2], m[3]
		if m[4] != "" {
			text, u = "", m[4]
		}
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			continue
		}
		u = SafeURL(pu)
		if seen[u] {
			continue
		}
		seen[u] = true
		text = CleanLine(stripMarkdown(text))
		if text == "" {
			text = ShortURL(u)
		}
		out = append(out, BodyLink{Text: text, URL: u})
	}
	return out
}

// stripMarkdown drops the emphasis marks and nested images of a link's
// text: "**Budget** ![x](y)" is "Budget".
func stripMarkdown(s string) string {
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return ""
		}
		return m
	})
	return strings.NewReplacer("**", "", "__", "", "*", "", "`", "", "\\", "").Replace(s)
}

// notPages are file types a link leads to that are not article pages:
// the reader hands them to the browser.
var notPages = map[string]bool{
	".pdf": true, ".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".mp3": true, ".mp4": true, ".webm": true, ".mov": true, ".zip": true, ".gz": true, ".tgz": true,
	".xml": true, ".rss": true, ".json": true, ".csv": true, ".xlsx": true, ".docx": true, ".epub": true,
}

// LooksLikeArticle reports whether a link probably leads to an article
// page brief can read (open it in brief) rather than a site's home
// page, a file or a feed (the browser's): an http(s) page with a path.
// Fetching says for sure; this only picks the first try.
func LooksLikeArticle(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	p := strings.Trim(u.Path, "/")
	if p == "" {
		return false
	}
	return !notPages[strings.ToLower(path.Ext(p))]
}
