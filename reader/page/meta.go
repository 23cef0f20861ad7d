package page

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/words"
)

// pageMeta is what a page says about itself in its markup, read without
// running extraction: listing a folder of saved pages needs titles and
// addresses, not bodies. The title rules follow the ones readability
// applies (JSON-LD, then Dublin Core / Open Graph / Twitter meta, then a
// cleaned <title>) so that a page lists under the headline it shows
// with when opened.
type pageMeta struct {
	title     string
	byline    string
	site      string
	lang      string
	published time.Time
	canonical string // <link rel=canonical> or og:url, as written
	base      string // <base href>, as written
}

// readMeta collects the page's metadata from its head (and the few body
// elements the title rules look at).
func readMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{}
	props := map[string]string{}
	var jsonLD []string
	var titleEl *html.Node
	dom.Walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			m.lang = strings.TrimSpace(dom.Attr(n, "lang"))
		case atom.Title:
			if titleEl == nil {
				titleEl = n
			}
		case atom.Base:
			if m.base == "" && dom.HasAttr(n, "href") {
				m.base = strings.TrimSpace(dom.Attr(n, "href"))
			}
		case atom.Link:
			if m.canonical == "" && dom.HasToken(n, "rel", "canonical") {
				m.canonical = strings.TrimSpace(dom.Attr(n, "href"))
			}
		case atom.Meta:
			content := strings.TrimSpace(dom.Attr(n, "content"))
			if content == "" {
				return false
			}
			// property may hold several space-separated names. A later tag
			// overrides an earlier one, and name= counts only on tags
			// without property=, as in readability.
			ps := dom.Tokens(dom.Attr(n, "property"))
			for _, p := range ps {
				props[p] = content
			}
			if name := strings.ToLower(strings.TrimSpace(dom.Attr(n, "name"))); name != "" && len(ps) == 0 {
				props[strings.ReplaceAll(name, ".", ":")] = content
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(dom.Attr(n, "type")), "application/ld+json") {
				jsonLD = append(jsonLD, nodeRawText(n))
			}
			return false
		}
		return true
	})
	docTitle := ""
	if titleEl != nil {
		docTitle = cleanDocTitle(dom.TextOf(titleEl), doc)
	}
	ld := readJSONLD(jsonLD, docTitle)
	m.title = html.UnescapeString(firstNonEmpty(ld.title, props["dc:title"], props["dcterm:title"],
		props["og:title"], props["weibo:article:title"], props["weibo:webpage:title"],
		props["title"], props["twitter:title"], props["parsely-title"]))
	if m.title == "" {
		m.title = docTitle
	}
	m.byline = html.UnescapeString(firstNonEmpty(ld.byline, props["dc:creator"], props["dcterm:creator"],
		props["author"], props["parsely-author"]))
	if m.byline == "" && !isAbsURL(props["article:author"]) {
		m.byline = html.UnescapeString(props["article:author"])
	}
	m.site = html.UnescapeString(firstNonEmpty(ld.site, props["og:site_name"]))
	if t := firstNonEmpty(ld.published, props["article:published_time"], props["dcterms:available"],
		props["dcterms:created"], props["dcterms:issued"], props["parsely-pub-date"]); t != "" {
		if pt, err := dateparse.ParseAny(html.UnescapeString(t)); err == nil {
			m.published = pt
		}
	}
	if m.canonical == "" {
		m.canonical = props["og:url"]
	}
	return m
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// nodeRawText is the raw text inside a script element.
func nodeRawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

type ldMeta struct{ title, byline, site, published string }

var articleTypes = lazyre.New(`^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$`)

// readJSONLD takes the first schema.org article object of the page's
// JSON-LD blocks. docTitle (the cleaned <title>) settles which of name
// and headline is the headline when they differ.
func readJSONLD(blocks []string, docTitle string) ldMeta {
	for _, raw := range blocks {
		raw = strings.TrimSpace(raw)
		raw = strings.TrimSuffix(strings.TrimPrefix(raw, "<![CDATA["), "]]>")
		var v any
		if json.Unmarshal([]byte(raw), &v) != nil {
			continue
		}
		obj := findArticleObject(v)
		if obj == nil {
			continue
		}
		var m ldMeta
		m.title = firstNonEmpty(str(obj["headline"]), str(obj["name"]))
		if name, head := str(obj["name"]), str(obj["headline"]); name != "" && head != "" && name != head {
			// Sites disagree on which field holds the headline (some put
			// their own name in "name"); as readability does, headline wins
			// only when it alone resembles the page title.
			m.title = name
			if textSimilarity(head, docTitle) > 0.75 && textSimilarity(name, docTitle) <= 0.75 {
				m.title = head
			}
		}
		switch a := obj["author"].(type) {
		case map[string]any:
			m.byline = str(a["name"])
		case []any:
			var names []string
			for _, x := range a {
				if am, ok := x.(map[string]any); ok && str(am["name"]) != "" {
					names = append(names, str(am["name"]))
				}
			}
			m.byline = strings.Join(names, ", ")
		}
		if p, ok := obj["publisher"].(map[string]any); ok {
			m.site = str(p["name"])
		}
		m.published = str(obj["datePublished"])
		return m
	}
	return ldMeta{}
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func findArticleObject(v any) map[string]any {
	switch x := v.(type) {
	case []any:
		for _, it := range x {
			if o := findArticleObject(it); o != nil {
				return o
			}
		}
	case map[string]any:
		if t, ok := x["@type"].(string); ok && articleTypes().MatchString(t) {
			if ctx, ok := x["@context"].(string); ok && !strings.Contains(ctx, "schema.org") {
				return nil
			}
			return x
		}
		if g, ok := x["@graph"].([]any); ok {
			return findArticleObject(g)
		}
	}
	return nil
}

var (
	titleSeparator = lazyre.New(` [\|\-–—\\/>»] `)
	titleHierSep   = lazyre.New(` [\\/>»] `)
)

// cleanDocTitle drops the site name a <title> usually carries ("Story |
// Site"), keeping the whole when what remains is too short to be a
// headline. A lone <h1> stands in for a title that is missing or odd.
func cleanDocTitle(orig string, doc *html.Node) string {
	cur := orig
	hier := false
	if locs := titleSeparator().FindAllStringIndex(orig, -1); len(locs) > 0 {
		hier = titleHierSep().MatchString(orig)
		last := locs[len(locs)-1]
		cur = orig[:last[0]]
		if words.Count(cur) < 3 {
			cur = orig[locs[0][1]:]
		}
	} else if i := strings.Index(orig, ": "); i >= 0 {
		match := false
		for _, h := range dom.FindAll(doc, atom.H1, atom.H2) {
			if dom.TextOf(h) == strings.TrimSpace(orig) {
				match = true
				break
			}
		}
		if !match {
			cur = orig[strings.LastIndex(orig, ":")+1:]
			if words.Count(cur) < 3 {
				cur = orig[strings.Index(orig, ":")+1:]
			} else if words.Count(orig[:strings.Index(orig, ":")]) > 5 {
				cur = orig
			}
		}
	} else if n := len([]rune(orig)); n > 150 || n < 15 {
		if h1s := dom.FindAll(doc, atom.H1); len(h1s) == 1 {
			cur = dom.TextOf(h1s[0])
		}
	}
	cur = words.Collapse(cur)
	stripped := titleSeparator().ReplaceAllString(orig, " ")
	if wc := words.Count(cur); wc <= 4 && (!hier || wc != words.Count(stripped)-1) {
		cur = orig
	}
	return words.Collapse(cur)
}

var nonWord = lazyre.New(`\W+`)

// textSimilarity is how much of b's text consists of words found in a:
// 1 when all of it, 0 when none (readability's measure).
func textSimilarity(a, b string) float64 {
	inA := map[string]bool{}
	for _, t := range nonWord().Split(strings.ToLower(a), -1) {
		inA[t] = true
	}
	var all, uniq []string
	for _, t := range nonWord().Split(strings.ToLower(b), -1) {
		if t == "" {
			continue
		}
		all = append(all, t)
		if !inA[t] {
			uniq = append(uniq, t)
		}
	}
	if len(all) == 0 {
		return 0
	}
	return 1 - float64(len([]rune(strings.Join(uniq, " "))))/float64(len([]rune(strings.Join(all, " "))))
}
