package feed

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Alternate is a feed a web page links to.
type Alternate struct {
	URL   string // absolute
	Title string
	Type  string // rss, atom or json
}

// feedTypes maps the MIME types of <link rel=alternate> to feed kinds.
var feedTypes = map[string]string{
	"application/rss+xml":   "rss",
	"application/atom+xml":  "atom",
	"application/feed+json": "json",
	"application/rdf+xml":   "rss",
}

// Discover lists the feeds an HTML page announces with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">,
// in document order, resolved against the page's URL (or its <base>).
// Duplicates and non-http(s) targets are dropped.
func Discover(pageURL string, data []byte) []Alternate {
	base, _ := url.Parse(pageURL)
	z := html.NewTokenizer(bytes.NewReader(data))
	var out []Alternate
	seen := map[string]bool{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out // io.EOF or a read error: what was found stands
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tagName := string(name)
			if (tagName != "link" && tagName != "base") || !hasAttr {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
				if !more {
					break
				}
			}
			if tagName == "base" {
				if h := attrs["href"]; h != "" && base != nil {
					if b, err := base.Parse(strings.TrimSpace(h)); err == nil {
						base = b
					}
				}
				continue
			}
			if !hasToken(attrs["rel"], "alternate") {
				continue
			}
			typ := strings.ToLower(strings.TrimSpace(attrs["type"]))
			if i := strings.IndexByte(typ, ';'); i >= 0 {
				typ = strings.TrimSpace(typ[:i])
			}
			kind := feedTypes[typ]
			if kind == "" {
				continue
			}
			u := absURL(base, attrs["href"])
			if u == "" || seen[u] {
				continue
			}
			seen[u] = true
			out = append(out, Alternate{URL: u, Title: textOf(attrs["title"]), Type: kind})
		}
	}
}

// hasToken reports whether a space-separated attribute holds tok.
func hasToken(attr, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(attr)) {
		if f == tok {
			return true
		}
	}
	return false
}

// isComment drops the "comments feed" WordPress announces next to the
// posts feed, so that a site subscribes to its articles.
func isComment(a Alternate) bool {
	t := strings.ToLower(a.Title)
	return strings.Contains(t, "comments") || strings.Contains(strings.ToLower(a.URL), "/comments/")
}

// pickFeeds orders discovered feeds: article feeds before comment feeds.
func pickFeeds(alts []Alternate) []Alternate {
	var main, comments []Alternate
	for _, a := range alts {
		if isComment(a) {
			comments = append(comments, a)
		} else {
			main = append(main, a)
		}
	}
	return append(main, comments...)
}
