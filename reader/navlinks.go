package reader

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Previous/next article links are read from the page as published:
// extraction removes navigation. Pages are full of links that look like
// them (pagination, galleries, "up next" widgets, comment pages) and a
// wrong link is worse than none, so each signal is strict and the
// strongest one that gives a single answer wins:
//
//  1. <a rel="prev|next"> in the body (KindRel);
//  2. the post navigation markup of known themes (KindTheme);
//  3. <link rel="prev|next"> in the head (KindHeadLink);
//  4. a label such as "Next story →" tied to its link (KindLabel);
//  5. bare arrows or "Next" inside a post-navigation container (KindArrow).
//
// Every candidate must pass the same rejections: not inside comments,
// pagination, galleries, carousels or related-content widgets; not a
// page of the same article or of its comments; not the page itself.

type direction int

const (
	dirPrev direction = iota
	dirNext
)

// navCandidate is one link a signal proposes.
type navCandidate struct {
	dir          direction
	kind         LinkKind
	href         string
	label, title string
	// weak candidates come from text and layout alone; they never yield
	// a link that cannot be followed (a javascript: "Next" is a widget).
	weak bool
}

// findNavLinks returns the page's previous and next article links.
// page is the page's own URL (nil when unknown), base what its relative
// links resolve against (nil when unknown).
func findNavLinks(doc *html.Node, page, base *url.URL) (prev, next *Link) {
	body := findFirst(doc, atom.Body)
	head := findFirst(doc, atom.Head)
	ctx := &navContext{page: page, base: base}
	signals := [][]navCandidate{
		relCandidates(body),
		themeCandidates(body),
		headCandidates(head),
		labelCandidates(body),
		arrowCandidates(body),
	}
	for d, slot := range []**Link{&prev, &next} {
		for _, cands := range signals {
			if l := ctx.pick(cands, direction(d)); l != nil {
				*slot = l
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
		// One link cannot be both: the page's markup is confused.
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
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return nil
		}
		if c.samePage(u) || pageNumberURL(u, c.page) {
			return nil
		}
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
		if !u.IsAbs() { // relative with nothing to resolve against
			return nil
		}
	}
	title := cleanNavText(cand.title)
	label := cleanNavText(cand.label)
	if len([]rune(title)) > 300 { // a teaser paragraph, not a headline
		title = string([]rune(title)[:300]) + "…"
	}
	if title != "" && NormalizeTitle(title) == NormalizeTitle(label) {
		title = ""
	}
	l := &Link{Label: label, Title: title, URL: Clean(u.String()), Kind: cand.kind}
	l.Resolved = webScheme(u)
	return l
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
	pageParams    = map[string]bool{"page": true, "paged": true, "pg": true, "cpage": true, "pagenum": true, "pagenumber": true, "start": true, "offset": true, "comments_page": true}
	commentPage   = regexp.MustCompile(`(?i)/comment-page-\d+`)
	pageSegment   = regexp.MustCompile(`(?i)/(page|seite|pagina|página|strona)/\d+/?$`)
	numberSegment = regexp.MustCompile(`/\d{1,3}/?$`)
	digits        = regexp.MustCompile(`^\d+$`)
)

// pageNumberURL reports whether u is a numbered page (of this article,
// of an index or of comments) rather than another article.
func pageNumberURL(u, page *url.URL) bool {
	q := u.Query()
	for k, vs := range q {
		if pageParams[strings.ToLower(k)] && len(vs) > 0 && digits.MatchString(vs[0]) {
			return true
		}
	}
	if commentPage.MatchString(u.Path) || pageSegment.MatchString(u.Path) {
		return true
	}
	// "/story/2/": page 2 of /story/. A short number closing the path is
	// another page of the same article when the rest is this page's path
	// (or when this page's address is unknown, to be safe).
	if numberSegment.MatchString(u.Path) {
		rest := numberSegment.ReplaceAllString(u.Path, "")
		if page == nil {
			return true
		}
		pp := numberSegment.ReplaceAllString(page.Path, "")
		if strings.TrimSuffix(rest, "/") == strings.TrimSuffix(pp, "/") ||
			strings.TrimSuffix(rest, "/") == strings.TrimSuffix(page.Path, "/") {
			return true
		}
	}
	return false
}
