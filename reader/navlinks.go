package reader

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

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
	// of an index or of comments.
	pageParams    = map[string]bool{"page": true, "paged": true, "pg": true, "cpage": true, "pagenum": true, "pagenumber": true, "p": false, "start": true, "offset": true, "comments_page": true}
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

// --- signal 1: rel ---------------------------------------------------

// relCandidates are <a rel="prev|previous|next"> outside excluded
// containers. Anchors in a theme's post navigation are included here
// too: rel is the stronger statement.
func relCandidates(body *html.Node) []navCandidate {
	var out []navCandidate
	for _, a := range anchors(body) {
		var d direction
		switch {
		case hasToken(a, "rel", "prev", "previous"):
			d = dirPrev
		case hasToken(a, "rel", "next"):
			d = dirNext
		default:
			continue
		}
		if excluded(a, false) || lookAlikeText(textOf(a)) {
			continue
		}
		label, title := describeAnchor(a, d)
		out = append(out, navCandidate{dir: d, kind: KindRel, href: attr(a, "href"), label: label, title: title})
	}
	return out
}

// --- signal 2: theme markup ------------------------------------------

// themeCandidates know the post navigation of common publishing themes.
func themeCandidates(body *html.Node) []navCandidate {
	var out []navCandidate
	add := func(a *html.Node, d direction) {
		if a == nil || !hasAttr(a, "href") || insideComments(a) {
			return
		}
		label, title := describeAnchor(a, d)
		out = append(out, navCandidate{dir: d, kind: KindTheme, href: attr(a, "href"), label: label, title: title})
	}
	walk(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		// WordPress classic themes: nav.post-navigation > .nav-previous a.
		// The same classes in "posts-navigation" page an archive.
		case hasToken(n, "class", "nav-previous", "nav-next"):
			if hasAncestorToken(n, "post-navigation", "nav-single", "single-navigation") {
				d := dirNext
				if hasToken(n, "class", "nav-previous") {
					d = dirPrev
				}
				add(firstAnchor(n), d)
			}
		// WordPress block themes.
		case hasToken(n, "class", "post-navigation-link-previous"):
			add(firstAnchor(n), dirPrev)
		case hasToken(n, "class", "post-navigation-link-next"):
			add(firstAnchor(n), dirNext)
		// tagDiv Newspaper.
		case hasToken(n, "class", "td-post-prev-post"):
			add(firstAnchor(n), dirPrev)
		case hasToken(n, "class", "td-post-next-post"):
			add(firstAnchor(n), dirNext)
		// JNews.
		case hasToken(n, "class", "jeg_prevnext_post"):
			for _, a := range anchors(n) {
				if hasToken(a, "class", "prev-post") {
					add(a, dirPrev)
				} else if hasToken(a, "class", "next-post") {
					add(a, dirNext)
				}
			}
			return false
		// Blogger: the older post is the one before. On index pages the
		// same classes lead to /search?updated-max=…, an archive page.
		case n.DataAtom == atom.A && hasToken(n, "class", "blog-pager-older-link"):
			if !bloggerArchive(attr(n, "href")) {
				add(n, dirPrev)
			}
		case n.DataAtom == atom.A && hasToken(n, "class", "blog-pager-newer-link"):
			if !bloggerArchive(attr(n, "href")) {
				add(n, dirNext)
			}
		// Hugo (PaperMod and kin): nav.paginav a.prev / a.next.
		case n.DataAtom == atom.Nav && hasToken(n, "class", "paginav"):
			for _, a := range anchors(n) {
				if hasToken(a, "class", "prev") {
					add(a, dirPrev)
				} else if hasToken(a, "class", "next") {
					add(a, dirNext)
				}
			}
			return false
		// Jekyll (Minimal Mistakes): a.pagination--pager "Previous"/"Next".
		case n.DataAtom == atom.A && hasToken(n, "class", "pagination--pager"):
			if hasToken(n, "class", "disabled") {
				return false
			}
			switch bareDirection(textOf(n)) {
			case "prev":
				add(n, dirPrev)
			case "next":
				add(n, dirNext)
			}
		}
		return true
	})
	return out
}

func bloggerArchive(href string) bool {
	return strings.Contains(href, "/search") || strings.Contains(href, "updated-max=")
}

// --- signal 3: head links --------------------------------------------

// headCandidates are <link rel="prev|next"> in the head. They often
// number the pages of an article or an index; pageNumberURL drops those.
func headCandidates(head *html.Node) []navCandidate {
	if head == nil {
		return nil
	}
	var out []navCandidate
	for _, l := range findAll(head, atom.Link) {
		var d direction
		switch {
		case hasToken(l, "rel", "prev", "previous"):
			d = dirPrev
		case hasToken(l, "rel", "next"):
			d = dirNext
		default:
			continue
		}
		c := navCandidate{dir: d, kind: KindHeadLink, href: attr(l, "href"), title: attr(l, "title")}
		if hasDirectionWord(c.title) { // "Vorige Meldung" labels, it is no headline
			c.label, c.title = c.title, ""
		}
		out = append(out, c)
	}
	return out
}

// --- signal 4: labels ------------------------------------------------

// labelCandidates find label text ("Previous Article", "Older Post",
// "Artículo siguiente") and tie each to the nearest link in the same
// small container.
func labelCandidates(body *html.Node) []navCandidate {
	var out []navCandidate
	seen := map[*html.Node]bool{}
	walk(body, func(n *html.Node) bool {
		if n.Type == html.ElementNode && skipSubtree(n) {
			return false
		}
		if n.Type != html.TextNode || strings.TrimSpace(n.Data) == "" {
			return true
		}
		el := n.Parent
		d, ok := labelDirection(textOf(el))
		if !ok {
			// The label may be the text node alone ("Next story →" beside
			// an <a> with the headline).
			if d, ok = labelDirection(n.Data); !ok {
				return true
			}
		}
		a := enclosingAnchor(el)
		if a == nil {
			a = nearestAnchor(el)
		}
		if a == nil || seen[a] || !hasAttr(a, "href") || excluded(a, true) || excluded(el, true) {
			return true
		}
		seen[a] = true
		label, title := describeAnchor(a, d)
		if label == "" || labelDirectionOnly(label) != d {
			label = cleanNavText(textOf(el))
		}
		out = append(out, navCandidate{dir: d, kind: KindLabel, href: attr(a, "href"), label: label, title: title, weak: true})
		return true
	})
	return out
}

// nearestAnchor is the link a label outside any link names: the first
// link after it within its parent (up to three levels up), or failing
// that the last link before it. The container must not hold a link with
// a label of the other direction between them, or they would swap.
func nearestAnchor(el *html.Node) *html.Node {
	c := el
	for depth := 0; depth < 3 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body {
			return nil
		}
		var before, after *html.Node
		passed := false
		walk(c, func(x *html.Node) bool {
			if x == el {
				passed = true
				return false
			}
			if x.Type == html.ElementNode && x.DataAtom == atom.A && hasAttr(x, "href") {
				if passed {
					if after == nil {
						after = x
					}
				} else {
					before = x
				}
				return false
			}
			return true
		})
		if after != nil {
			return after
		}
		if before != nil {
			return before
		}
	}
	return nil
}

// --- signal 5: arrows ------------------------------------------------

// arrowCandidates are links marked only by a bare direction ("Next",
// "« Previous", "→", "Older") or by a direction class ("a.prev"), which
// alone say little: they count inside a container named for post
// navigation, or when the link sits in an element named for its
// direction and also reads as that direction (Google's
// "div.previous > a > Previous | Chapter 5").
func arrowCandidates(body *html.Node) []navCandidate {
	var out []navCandidate
	for _, a := range anchors(body) {
		if excluded(a, true) {
			continue
		}
		textDir := labelDirectionOnly(textOf(a))
		if textDir < 0 {
			if l, _, ok := splitLabel(textOf(a)); ok {
				textDir = labelDirectionOnly(l)
			}
		}
		if textDir < 0 {
			label, _ := describeAnchor(a, dirNext)
			textDir = labelDirectionOnly(label)
		}
		nameDir := namedDirection(a)
		var d direction
		switch {
		case inPostNavigation(a) && textDir >= 0:
			d = textDir
		case inPostNavigation(a) && nameDir >= 0:
			d = nameDir
		case nameDir >= 0 && textDir == nameDir:
			d = nameDir
		default:
			continue
		}
		label, title := describeAnchor(a, d)
		out = append(out, navCandidate{dir: d, kind: KindArrow, href: attr(a, "href"), label: label, title: title, weak: true})
	}
	return out
}

// directionNames are class and id tokens that name a link's direction.
var directionNames = map[string]direction{
	"prev": dirPrev, "previous": dirPrev, "older": dirPrev, "prevlink": dirPrev, "prev-link": dirPrev,
	"previous-link": dirPrev, "nav-prev": dirPrev, "prev-post": dirPrev, "previous-post": dirPrev, "post-prev": dirPrev,
	"next": dirNext, "newer": dirNext, "nextlink": dirNext, "next-link": dirNext, "nav-next": dirNext,
	"next-post": dirNext, "post-next": dirNext,
}

// namedDirection is the direction the link's class or id, or those of
// its parent or grandparent, name; -1 when none or both do.
func namedDirection(a *html.Node) direction {
	found := direction(-1)
	x := a
	for depth := 0; depth < 3 && x != nil && x.DataAtom != atom.Body; depth++ {
		for _, key := range []string{"class", "id"} {
			for _, t := range tokens(attr(x, key)) {
				if d, ok := directionNames[t]; ok {
					if found >= 0 && found != d {
						return -1
					}
					found = d
				}
			}
		}
		if found >= 0 {
			return found
		}
		x = x.Parent
	}
	return found
}

// postNavNames are class/id names (as words joined by spaces) of
// containers that hold the links between posts.
var postNavNames = map[string]bool{
	"post navigation": true, "post nav": true, "postnav": true, "post navigation links": true,
	"entry navigation": true, "article navigation": true, "story navigation": true, "single navigation": true,
	"nav single": true, "prev next": true, "prevnext": true, "next prev": true, "post prev next": true,
	"single post navigation": true, "navigation post": true, "article nav": true, "entry nav": true,
	"story nav": true, "adjacent posts": true, "adjacent": true, "permalinks": true, "prev next links": true,
	"prev next nav": true, "post pager": true, "nav posts": true, "loop nav": true,
}

// inPostNavigation reports whether n sits in a container named for the
// navigation between posts, or in a bare <nav> holding just a pair of
// links.
func inPostNavigation(n *html.Node) bool {
	for x := n.Parent; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for _, ws := range nameWords(x) {
			if postNavNames[strings.Join(ws, " ")] {
				return true
			}
		}
		if x.DataAtom == atom.Nav && attr(x, "class") == "" && attr(x, "id") == "" && len(anchors(x)) <= 3 {
			return true
		}
	}
	return false
}

// --- describing a link -----------------------------------------------

// describeAnchor splits a link into the site's label ("Previous
// article") and the linked headline. The label may be inside the link
// (a span, or the text's start or end) or just outside it in the same
// container; the headline is the rest of the link text, else its title
// attribute, else a heading beside a link that has no text of its own.
func describeAnchor(a *html.Node, d direction) (label, title string) {
	full := textOf(a)
	if labelDirectionOnly(full) >= 0 {
		label = full
	} else {
		// A child element holding only a label (arrows alone are
		// decoration, not a label).
		walk(a, func(x *html.Node) bool {
			if label != "" || x == a || x.Type != html.ElementNode {
				return label == ""
			}
			if t := textOf(x); labelDirectionOnly(t) >= 0 && cleanNavText(t) != "" {
				label = t
				return false
			}
			return true
		})
		switch {
		case label != "":
			title = strings.TrimSpace(strings.Replace(full, label, "", 1))
		default:
			if l, rest, ok := splitLabel(full); ok {
				label, title = l, rest
			} else {
				title = full
			}
		}
	}
	// A heading inside a card-like link is the headline; the rest is
	// teaser text.
	if h := firstHeading(a); h != nil && len(full) > 150 {
		title = textOf(h)
	}
	if label == "" {
		label = outsideLabel(a, d)
	}
	if cleanNavText(title) == "" {
		// The title attribute often repeats the label ("Older Posts");
		// only a headline will do.
		if t := attr(a, "title"); !hasDirectionWord(t) {
			title = t
		}
	}
	if cleanNavText(title) == "" && full == "" {
		title = headingBeside(a)
	}
	return label, title
}

// hasDirectionWord reports whether s has a previous/next word in it.
func hasDirectionWord(s string) bool {
	for _, w := range labelWords(s) {
		if _, ok := wordDirection(w); ok {
			return true
		}
	}
	return false
}

// headingBeside is the headline next to an empty overlay link (a card
// whose <a> covers it): the first heading in the link's container that
// is not a label.
func headingBeside(a *html.Node) string {
	c := a
	for depth := 0; depth < 2 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body || len(anchors(c)) > 1 {
			return ""
		}
		for _, h := range findAll(c, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
			if t := textOf(h); t != "" && labelDirectionOnly(t) < 0 {
				return t
			}
		}
	}
	return ""
}

// outsideLabel finds a label for a beside the link: tagDiv's "Previous
// article" span, the text before a WordPress block link.
func outsideLabel(a *html.Node, d direction) string {
	c := a
	for depth := 0; depth < 2 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body || len(anchors(c)) > 1 {
			return ""
		}
		found := ""
		walk(c, func(x *html.Node) bool {
			if found != "" || x == a || (x.Type == html.ElementNode && skipSubtree(x)) {
				return false
			}
			if x.Type == html.TextNode {
				t := collapseSpace(x.Data)
				if labelDirectionOnly(t) == d {
					found = t
				}
			}
			return true
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// splitLabel splits "Next story → The headline" or "The headline ←
// Previous" into label and headline.
func splitLabel(s string) (label, rest string, ok bool) {
	words := strings.Fields(s)
	for n := 1; n <= 4 && n < len(words); n++ {
		head := strings.Join(words[:n], " ")
		tail := strings.Join(words[n:], " ")
		if _, ok := labelDirection(head); ok {
			return head, strings.TrimLeft(tail, ":–—-|»›→ "), true
		}
		// "← Previous: The headline": a bare direction word is a label
		// when a colon or an arrow sets it apart.
		if bareDirection(strings.TrimRight(head, ":")) != "" && (strings.HasSuffix(head, ":") || strings.HasPrefix(tail, ":") || strings.ContainsAny(head, arrowRunes)) {
			return strings.TrimRight(head, ":"), strings.TrimLeft(tail, ":–—-|»›→ "), true
		}
		head, tail = strings.Join(words[len(words)-n:], " "), strings.Join(words[:len(words)-n], " ")
		if _, ok := labelDirection(head); ok {
			return head, strings.TrimRight(tail, ":–—-|«‹← "), true
		}
	}
	return "", "", false
}

func firstHeading(n *html.Node) *html.Node {
	for _, h := range findAll(n, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
		return h
	}
	return nil
}

// cleanNavText trims arrows and separators from a label or title and
// makes it safe to show. A label that is nothing but an arrow keeps it:
// that is what the site shows.
func cleanNavText(s string) string {
	s = collapseSpace(Clean(s))
	t := strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(arrowRunes+":|–—-", r)
	})
	if t == "" && bareDirection(s) != "" {
		return s
	}
	return t
}

// --- words -----------------------------------------------------------

const arrowRunes = "←→«»‹›<>⟵⟶⇐⇒◀▶◄►⬅➡⮜⮞❮❯〈〉‹›"

var (
	// prevWords and nextWords are the direction words of labels in the
	// languages brief's users read most, matched whole ("preview" is not
	// "prev"); prevStems and nextStems match the start of inflected words
	// ("vorherige", "vorheriger"; "предыдущая", "предыдущий").
	prevWords = map[string]bool{"previous": true, "prev": true, "older": true, "précédent": true, "précédente": true,
		"precedent": true, "vorherige": true, "vorheriger": true, "vorheriges": true, "voriger": true, "vorige": true,
		"vorig": true, "anterior": true, "precedente": true, "poprzedni": true, "poprzednia": true, "předchozí": true,
		"forrige": true, "föregående": true, "edellinen": true, "önceki": true}
	nextWords = map[string]bool{"next": true, "newer": true, "suivant": true, "suivante": true, "nächste": true,
		"nächster": true, "nächstes": true, "naechste": true, "siguiente": true, "próximo": true, "próxima": true,
		"proximo": true, "proxima": true, "successivo": true, "successiva": true, "prossimo": true, "prossima": true,
		"seguinte": true, "volgend": true, "volgende": true, "następny": true, "następna": true, "nastepny": true,
		"další": true, "neste": true, "nästa": true, "seuraava": true, "sonraki": true}
	prevStems = []string{"предыдущ", "前の", "上一"}
	nextStems = []string{"следующ", "次の", "下一"}
	// labelNouns are what a label calls an article. Plurals ("Older
	// posts") page an archive and are deliberately absent.
	labelNouns = map[string]bool{"article": true, "post": true, "story": true, "entry": true, "chapter": true,
		"episode": true, "artikel": true, "beitrag": true, "artículo": true, "articulo": true, "articolo": true,
		"artigo": true, "artykuł": true, "artykul": true, "wpis": true, "статья": true, "запись": true,
		"článek": true, "clanek": true, "billet": true, "noticia": true, "notícia": true, "entrada": true,
		"publicación": true, "publicação": true, "post.": true, "bericht": true, "innlegg": true, "inlägg": true,
		"artikkel": true, "artikkeli": true, "kapitel": true, "chapitre": true, "capítulo": true, "capitolo": true,
		"rozdział": true, "haber": true, "yazı": true, "記事": true, "篇": true, "文章": true}
	// fillerWords may stand in a label without changing it.
	fillerWords = map[string]bool{"the": true, "blog": true, "news": true, "read": false, "go": true, "to": true,
		"le": true, "la": true, "l'": true, "der": true, "die": true, "das": true, "el": true, "il": true, "o": true, "a": true}
)

// labelWords lower-cases s and splits it into words, dropping arrows
// and punctuation around them.
func labelWords(s string) []string {
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(arrowRunes+":|–—-()[]·•.,!", r)
	})
}

func wordDirection(w string) (direction, bool) {
	switch {
	case prevWords[w]:
		return dirPrev, true
	case nextWords[w]:
		return dirNext, true
	}
	for _, p := range prevStems {
		if strings.HasPrefix(w, p) {
			return dirPrev, true
		}
	}
	for _, p := range nextStems {
		if strings.HasPrefix(w, p) {
			return dirNext, true
		}
	}
	return 0, false
}

// labelDirection recognises a whole label: one direction word and one
// article noun, in either order, with arrows and fillers allowed:
// "← Previous story", "Next Article:", "Artículo siguiente", "Older
// Post". Anything more is a sentence, not a label.
func labelDirection(s string) (direction, bool) {
	if len(s) > 60 {
		return 0, false
	}
	ws := labelWords(s)
	var d direction
	dirs, nouns := 0, 0
	for _, w := range ws {
		if fillerWords[w] {
			continue
		}
		if labelNouns[w] {
			nouns++
			continue
		}
		if wd, ok := wordDirection(w); ok {
			d = wd
			dirs++
			continue
		}
		return 0, false
	}
	if dirs == 1 && nouns == 1 {
		return d, true
	}
	return 0, false
}

// labelDirectionOnly is labelDirection or bareDirection as a direction;
// -1 when s is neither.
func labelDirectionOnly(s string) direction {
	if d, ok := labelDirection(s); ok {
		return d
	}
	switch bareDirection(s) {
	case "prev":
		return dirPrev
	case "next":
		return dirNext
	}
	return -1
}

// bareDirection recognises a link text that is only a direction:
// "Next", "« Previous", "→", "Older". It returns "prev", "next" or "".
func bareDirection(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 24 {
		return ""
	}
	switch strings.Trim(s, " ") {
	case "←", "«", "‹", "<", "<<", "⟵", "◀", "◄", "⬅", "❮", "‹‹", "«‹":
		return "prev"
	case "→", "»", "›", ">", ">>", "⟶", "▶", "►", "➡", "❯", "››":
		return "next"
	}
	ws := labelWords(s)
	if len(ws) != 1 {
		return ""
	}
	switch ws[0] {
	case "previous", "prev", "older", "précédent", "anterior", "zurück", "vorherige", "precedente", "poprzedni", "предыдущая":
		return "prev"
	case "next", "newer", "suivant", "siguiente", "weiter", "nächste", "successivo", "próximo", "następny", "следующая":
		return "next"
	}
	return ""
}

// lookAlikeText rejects links whose words say they are not another
// article: galleries, pages, "up next" and "read next" teasers.
func lookAlikeText(s string) bool {
	ws := labelWords(s)
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if a == "next" || a == "previous" || a == "prev" {
			switch b {
			case "image", "photo", "picture", "slide", "gallery", "page", "video", "item", "comments", "results", "posts", "articles", "stories", "entries":
				return true
			}
		}
		if b == "next" && (a == "up" || a == "read" || a == "what's" || a == "whats" || a == "watch") {
			return true
		}
		if a == "next" && b == "up" {
			return true
		}
	}
	return false
}

// --- containers ------------------------------------------------------

// excludedWords name containers whose links are never the page's
// previous/next article; phrases are matched as consecutive words of
// one class or id. "pagination" and "pager" are not among them: themes
// use them for post navigation too ("nav-paging", Blogger's
// "blog-pager"), and numbered pages are caught by their URLs instead.
var excludedWords = map[string]bool{
	"comment": true, "comments": true, "commentlist": true, "respond": true, "disqus": true, "discussion": true,
	"pagenavi": true, "paginator": true, "ribbon": true,
	"gallery": true, "carousel": true, "slider": true, "slideshow": true, "slides": true, "swiper": true,
	"slick": true, "lightbox": true, "flexslider": true, "owl": true, "glide": true,
	"related": true, "popular": true, "trending": true, "recommended": true, "recommendations": true,
	"outbrain": true, "taboola": true, "upnext": true, "readnext": true, "mostread": true, "breadcrumb": true,
	"breadcrumbs": true,
}

var excludedPhrases = []string{"up next", "read next", "what s next", "most read", "more stories", "page numbers",
	"you may also like", "also like", "more from", "read more"}

// sideWords mark page furniture, excluded only for the weaker signals:
// a theme may put its post navigation in a sidebar widget, but a bare
// "Next" there is something else.
var sideWords = map[string]bool{"sidebar": true, "widget": true, "menu": true, "header": true, "masthead": true}

// excluded reports whether n sits in a container whose links are not
// post navigation. weak adds page furniture (asides, menus, sidebars).
func excluded(n *html.Node, weak bool) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		if x.Type != html.ElementNode {
			continue
		}
		if weak && (x.DataAtom == atom.Aside || x.DataAtom == atom.Header || x.DataAtom == atom.Form) {
			return true
		}
		for _, ws := range nameWords(x) {
			for _, w := range ws {
				if excludedWords[w] || (weak && sideWords[w]) {
					return true
				}
			}
			if len(ws) > 1 {
				j := strings.Join(ws, " ")
				for _, p := range excludedPhrases {
					if strings.Contains(" "+j+" ", " "+p+" ") {
						return true
					}
				}
			}
		}
	}
	return false
}

// insideComments guards the theme signal, whose own markup may use
// words like "pagination" that excluded would reject.
func insideComments(n *html.Node) bool {
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for _, ws := range nameWords(x) {
			for _, w := range ws {
				if w == "comment" || w == "comments" || w == "commentlist" || w == "respond" {
					return true
				}
			}
		}
	}
	return false
}

// skipSubtree is true for elements whose text is never a label.
func skipSubtree(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Textarea, atom.Select, atom.Button:
		return true
	}
	return false
}

// --- tree helpers ----------------------------------------------------

// anchors are the <a href> elements under n in document order.
func anchors(n *html.Node) []*html.Node {
	if n == nil {
		return nil
	}
	var out []*html.Node
	walk(n, func(x *html.Node) bool {
		if x.Type == html.ElementNode && x.DataAtom == atom.A && hasAttr(x, "href") {
			out = append(out, x)
		}
		return true
	})
	return out
}

func firstAnchor(n *html.Node) *html.Node {
	if as := anchors(n); len(as) > 0 {
		return as[0]
	}
	return nil
}

func enclosingAnchor(n *html.Node) *html.Node {
	for x := n; x != nil; x = x.Parent {
		if x.Type == html.ElementNode && x.DataAtom == atom.A {
			return x
		}
	}
	return nil
}

// hasAncestorToken reports whether n or an ancestor has one of the
// class tokens (whole tokens) or the id.
func hasAncestorToken(n *html.Node, want ...string) bool {
	for x := n; x != nil; x = x.Parent {
		if x.Type != html.ElementNode {
			continue
		}
		if hasToken(x, "class", want...) || hasToken(x, "id", want...) {
			return true
		}
	}
	return false
}
