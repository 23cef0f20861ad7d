// Package navlinks finds an article page's links to its previous and
// next articles in the page's HTML, as published: extraction removes
// navigation, so they are read from the whole parsed document. Pages are
// full of links that look like them (pagination, galleries, "up next"
// widgets, comment pages) and a wrong link is worse than none, so each
// signal is strict and the strongest one that gives a single answer
// wins:
//
//  1. <a rel="prev|next"> in the body (ByRel);
//  2. the post navigation markup of known themes (ByTheme);
//  3. <link rel="prev|next"> in the head (ByHeadLink);
//  4. a label such as "Next story →" tied to its link (ByLabel);
//  5. bare arrows or "Next" inside a post-navigation container (ByArrow).
//
// Every candidate must pass the same rejections: not inside comments,
// pagination, galleries, carousels or related-content widgets; not a
// page of the same article or of its comments; not the page itself.
//
// The package knows nothing of articles: package reader turns a Link
// into its own. It only reads the tree and makes no requests.
package navlinks

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/safetext"
	"github.com/brief-news/brief/reader/internal/words"
)

// Previous/next article links are read from the page as published:
// extraction removes navigation. Pages are full of links that look like
// them (pagination, galleries, "up next" widgets, comment pages) and a
// wrong link is worse than none, so each signal is strict and the
// strongest one that gives a single answer wins:
//
//  1. <a rel="prev|next"> in the body (Rel);
//  2. the post navigation markup of known themes (Theme);
//  3. <link rel="prev|next"> in the head (HeadLink);
//  4. a label such as "Next story →" tied to its link (Label);
//  5. bare arrows or "Next" inside a post-navigation container (Arrow).
//
// Every candidate must pass the same rejections: not inside comments,
// pagination, galleries, carousels or related-content widgets; not a
// page of the same article or of its comments; not the page itself.

// Kind says which signal found a link. Its values are the names
// reader.LinkKind gives the same signals.
type Kind string

// The signals, strongest first.
const (
	ByRel      Kind = "rel"       // <a rel="prev|next"> in the page body
	ByTheme    Kind = "theme"     // known post-navigation markup of a CMS theme
	ByHeadLink Kind = "head-link" // <link rel="prev|next"> in the head
	ByLabel    Kind = "label"     // label text ("Next story →") near a link
	ByArrow    Kind = "arrow"     // bare arrows inside a post-navigation container
)

// Link is a previous or next link as the page gives it. Label and Title
// are clean, one-line text; URL is absolute and clean (safetext.SafeURL).
type Link struct {
	Label string // the page's own label, e.g. "Previous Article"
	Title string // the linked headline, when the page gives one
	URL   string
	Kind  Kind
	// Web is true for an http(s) URL with a host, the only kind brief
	// follows. Other links (a saved page's file: link, a rel link to
	// "app:story/2") are shown but never followed.
	Web bool
}

type direction int

const (
	dirPrev direction = iota
	dirNext
)

// navCandidate is one link a signal proposes.
type navCandidate struct {
	dir          direction
	kind         Kind
	href         string
	label, title string
	// weak candidates come from text and layout alone; they never yield
	// a link that cannot be followed (a javascript: "Next" is a widget).
	weak bool
}

// Find returns the previous and next article links of the parsed page
// doc, nil for none. page is the page's own URL (nil when unknown), base
// what its relative links resolve against (nil when unknown).
func Find(doc *html.Node, page, base *url.URL) (prev, next *Link) {
	body := dom.FindFirst(doc, atom.Body)
	lay := pageLayout(body)
	ctx := &navContext{page: page, base: base}
	signals := [][]navCandidate{
		relCandidates(body, lay),
		themeCandidates(body),
		headCandidates(doc),
		labelCandidates(body, lay),
		arrowCandidates(body, lay),
	}
	var strength [2]int // the signal each link came from
	for d, slot := range []**Link{&prev, &next} {
		for i, cands := range signals {
			if l := ctx.pick(cands, direction(d)); l != nil {
				*slot = l
				strength[d] = i
				break
			}
		}
		// A weaker signal may know the label or the headline of the same
		// link (a head <link> has neither; the visible link has both).
		if l := *slot; l != nil {
			for _, cands := range signals {
				for _, cand := range cands {
					if o := ctx.link(cand); o != nil && cand.dir == direction(d) && o.URL == l.URL {
						if l.Label == "" {
							l.Label = o.Label
						}
						if l.Title == "" {
							l.Title = o.Title
						}
					}
				}
			}
		}
	}
	if prev != nil && next != nil && prev.URL == next.URL {
		// One link cannot be both: the stronger signal wins ("« Previous
		// article" marked rel=prev in a theme's .nav-next), and when both
		// come from the same one the page's markup is confused.
		switch {
		case strength[0] < strength[1]:
			return prev, nil
		case strength[1] < strength[0]:
			return nil, next
		}
		return nil, nil
	}
	return prev, next
}

type navContext struct {
	page, base *url.URL
}

// pick returns the one link a signal gives for a direction: candidates
// that fail the URL checks drop out, and two different surviving URLs
// make the signal ambiguous, so it gives none.
func (c *navContext) pick(cands []navCandidate, d direction) *Link {
	var got *Link
	for _, cand := range cands {
		if cand.dir != d {
			continue
		}
		l := c.link(cand)
		if l == nil {
			continue
		}
		if got == nil {
			got = l
			continue
		}
		if got.URL != l.URL {
			return nil
		}
		if got.Title == "" {
			got.Title = l.Title
		}
		if got.Label == "" {
			got.Label = l.Label
		}
	}
	return got
}

// link checks a candidate's URL and builds its Link, or returns nil.
func (c *navContext) link(cand navCandidate) *Link {
	href := strings.TrimSpace(cand.href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil
	}
	u, err := url.Parse(href)
	if err != nil {
		return nil
	}
	if c.base != nil {
		u = c.base.ResolveReference(u)
	}
	web := false
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return nil
		}
		if c.samePage(u) || pageNumberURL(u, c.page) || siteRoot(u) {
			return nil
		}
		web = u.Scheme == "http" || u.Scheme == "https"
	case "javascript", "data", "file", "mailto", "tel", "about", "blob", "vbscript":
		// Shown to the reader, never followed: a page must not make brief
		// read a local file or run anything. mailto and the like are not
		// articles at all. A weak signal's javascript: "Next" is a widget
		// control; its file: link is a saved page's relative link.
		if s := strings.ToLower(u.Scheme); s == "mailto" || s == "tel" || s == "about" || s == "blob" {
			return nil
		}
		if cand.weak && u.Scheme != "file" {
			return nil
		}
		if u.Scheme == "file" && pageNumberURL(u, nil) {
			return nil
		}
	default:
		// Relative with nothing to resolve against, or a scheme brief
		// never follows: a weak signal's "tg:" or "app:" link is a
		// widget too.
		if !u.IsAbs() || cand.weak {
			return nil
		}
	}
	title := cleanNavText(cand.title)
	label := cleanNavText(cand.label)
	if len([]rune(title)) > 300 { // a teaser paragraph, not a headline
		title = string([]rune(title)[:300]) + "…"
	}
	if title != "" && words.NormalizeTitle(title) == words.NormalizeTitle(label) {
		title = ""
	}
	return &Link{Label: label, Title: title, URL: safetext.SafeURL(u), Kind: cand.kind, Web: web}
}

// samePage reports whether u is the page itself (fragments aside).
func (c *navContext) samePage(u *url.URL) bool {
	if c.page == nil {
		return false
	}
	return sameDocument(u, c.page)
}

func sameDocument(a, b *url.URL) bool {
	return strings.EqualFold(a.Host, b.Host) &&
		strings.TrimSuffix(a.EscapedPath(), "/") == strings.TrimSuffix(b.EscapedPath(), "/") &&
		a.RawQuery == b.RawQuery
}

var (
	// pageParams are query parameters that number pages of one article,
	// of an index or of comments. (WordPress's "?p=123" names a post and
	// is not among them.)
	// Any other parameter with "page" in its name numbers pages too
	// ("page_b", "paged1"), except WordPress's "page_id", which names a
	// page. Slides, pictures and photos number a gallery's views.
	pageParams = map[string]bool{"page": true, "paged": true, "pg": true, "cpage": true, "pagenum": true,
		"pagenumber": true, "start": true, "offset": true, "comments_page": true, "slide": true, "pic": true,
		"photo": true, "image": true, "img": true, "bild": true}
	commentPage = lazyre.New(`(?i)/comment-page-\d+`)
	pageSegment = lazyre.New(`(?i)/(page|seite|pagina|página|strona)[-/]?\d+/?$`)
	// subPage is what follows an article's own path in the address of
	// one of its pages or pictures: "2", "seite-2", "(bild)/1090395".
	subPage = lazyre.New(`(?i)^(\(?[\pL_]{0,12}\)?[/-]?)?\d{1,9}/?$`)
	// pageSuffix numbers the pages of an article in its file name:
	// "…-16604622-p2.html", "…_seite2".
	pageSuffix    = lazyre.New(`(?i)[-_](?:p|page|seite|teil)?\d{1,2}(\.[a-z]{2,5})?/?$`)
	longID        = lazyre.New(`\d{5,}`)
	trailingID    = lazyre.New(`\d+(\.[a-z]{2,5})?$`)
	fileExt       = lazyre.New(`\.[a-z]{2,5}$`)
	pageTail      = lazyre.New(`(?i)^[,;_.-][\pL]{0,8}[,;_.-]?\d{1,2}/?$`)
	numberSegment = lazyre.New(`/\d{1,3}/?$`)
	digits        = lazyre.New(`^\d+$`)
	pageValue     = lazyre.New(`^[\d,]*\d[\d,]*$`) // "2", Drupal's "0,,1"
)

// pageNumberURL reports whether u is a numbered page (of this article,
// of an index or of comments) rather than another article.
func pageNumberURL(u, page *url.URL) bool {
	q := u.Query()
	for k, vs := range q {
		k = strings.ToLower(k)
		if (pageParams[k] || (strings.Contains(k, "page") && k != "page_id")) && len(vs) > 0 && pageValue().MatchString(vs[0]) {
			return true
		}
	}
	if commentPage().MatchString(u.Path) || pageSegment().MatchString(u.Path) {
		return true
	}
	// "/story/2/": page 2 of /story/. A short number closing the path is
	// another page of the same article when the rest is this page's path
	// (or when this page's address is unknown, to be safe).
	if numberSegment().MatchString(u.Path) {
		rest := numberSegment().ReplaceAllString(u.Path, "")
		if strings.Trim(rest, "/") == "" {
			// "/811": a post numbered at the site's root.
			return false
		}
		if page == nil {
			return true
		}
		pp := numberSegment().ReplaceAllString(page.Path, "")
		if strings.TrimSuffix(rest, "/") == strings.TrimSuffix(pp, "/") ||
			strings.TrimSuffix(rest, "/") == strings.TrimSuffix(page.Path, "/") {
			return true
		}
	}
	if page != nil && strings.EqualFold(u.Host, page.Host) && samePageOf(u.Path, page.Path) {
		return true
	}
	return false
}

// samePageOf reports whether path addresses a page or picture of the
// article at pagePath: "/story/seite-2" of "/story", "/story-p2.html" of
// "/story.html", or any address holding the long number that identifies
// the article as a segment of its own ("/photo-gallery/42432483/…" of
// "/costumes-42432483"; a number inside a sibling's name is a date or a
// series, not this article).
func samePageOf(path, pagePath string) bool {
	pp := strings.TrimSuffix(pagePath, "/")
	if pp != "" && strings.HasPrefix(path, pp+"/") && subPage().MatchString(path[len(pp)+1:]) {
		return true
	}
	// ",nPack,2" or "_2" right after the article's own address.
	if pp != "" && strings.HasPrefix(path, pp) && pageTail().MatchString(path[len(pp):]) {
		return true
	}
	if m := pageSuffix().FindStringSubmatchIndex(path); m != nil {
		ext := ""
		if m[2] >= 0 {
			ext = path[m[2]:m[3]]
		}
		if strings.TrimSuffix(path[:m[0]]+ext, "/") == pp {
			return true
		}
	}
	last := pp[strings.LastIndexByte(pp, '/')+1:]
	// "/story-43980-id-233002.html" of "/story-43980.html": an address
	// that extends an article's numbered name is a part of it.
	if stem := strings.TrimSuffix(last, path2ext(last)); longID().MatchString(trailingID().FindString(stem)) {
		dir := pp[:len(pp)-len(last)]
		if strings.HasPrefix(path, dir+stem+"-") || strings.HasPrefix(path, dir+stem+"_") {
			return true
		}
	}
	if id := longID().FindString(trailingID().FindString(last)); id != "" {
		for _, seg := range strings.Split(path, "/") {
			if seg == id {
				return true
			}
		}
	}
	return false
}

// path2ext is the extension of a file name (".html"), or "".
func path2ext(name string) string {
	if m := fileExt().FindString(name); m != "" {
		return m
	}
	return ""
}

// siteRoot reports whether u is a site's home page, never an article.
func siteRoot(u *url.URL) bool {
	return strings.Trim(u.EscapedPath(), "/") == "" && u.RawQuery == ""
}
