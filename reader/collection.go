package reader

import (
	"context"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
)

// Collection is a set of articles read together: their previous/next
// links resolve among them, and they have a list order.
type Collection struct {
	// Articles in list order: chains of resolved links in reading order,
	// then the rest, newest first where dates are known, then by location.
	Articles []*Article
	// Skipped holds one warning per file inside a folder that could not
	// be read (each a one-line error naming the file).
	Skipped []error
	// PassedOver counts the files inside folders that are plainly not
	// articles (scripts, pictures, data, a saved page's "_files"
	// folder): passed over quietly, reported once as a number.
	PassedOver int

	byLoc map[string]*Article
}

// From returns the articles that came from a source given to Load: the
// source itself, or the files under it when it is a folder.
func (c *Collection) From(source string) []*Article {
	var found []*Article
	for _, a := range c.Articles {
		if within(a.Location, source) {
			found = append(found, a)
		}
	}
	return found
}

// within reports whether an article location came from a source.
func within(loc, source string) bool {
	if source == "-" || IsURL(source) {
		return loc == source
	}
	src := filepath.Clean(source)
	return loc == src || strings.HasPrefix(loc, src+string(filepath.Separator)) || src == "."
}

// Lookup returns the article at a location (file path or URL).
func (c *Collection) Lookup(loc string) *Article {
	return c.byLoc[loc]
}

// Open returns the article with its body, reading it when the collection
// only scanned it. Its links stay as the collection resolved them. The
// collection itself is not modified, so Open is safe to call from
// several goroutines.
func (c *Collection) Open(ctx context.Context, a *Article) (*Article, error) {
	if !a.Partial {
		return a, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var full *Article
	var err error
	if IsURL(a.Location) {
		full, err = loadURL(ctx, a.Location)
	} else {
		full, err = readFile(a.Location, true)
	}
	if err != nil {
		return nil, err
	}
	full.Prev, full.Next = a.Prev, a.Next
	return full, nil
}

// finish indexes, resolves and orders the collection after loading.
func (c *Collection) finish() {
	c.byLoc = make(map[string]*Article, len(c.Articles))
	uniq := c.Articles[:0]
	for _, a := range c.Articles {
		// A file named directly and again inside a folder is one article.
		if c.byLoc[a.Location] == nil {
			c.byLoc[a.Location] = a
			uniq = append(uniq, a)
		}
	}
	c.Articles = uniq
	c.resolve()
	c.order()
}

// resolve points each link at the article it names. A text link names a
// headline; a web link names a URL. When two articles share a headline,
// the one in the linking article's own folder wins, then the first by
// location, so the result never depends on load order.
func (c *Collection) resolve() {
	byTitle := make(map[string][]*Article, len(c.Articles))
	byURL := make(map[string]*Article)
	for _, a := range c.Articles {
		k := NormalizeTitle(a.Title)
		byTitle[k] = append(byTitle[k], a)
		if a.URL != "" {
			byURL[a.URL] = a
		}
		if IsURL(a.Location) {
			byURL[a.Location] = a
		}
	}
	if c.hasFileLinks() {
		// A saved page's relative links name its sibling files (as
		// file: URLs, never fetched): they resolve to those files.
		for _, a := range c.Articles {
			if !IsURL(a.Location) && a.Location != "-" {
				if abs, err := filepath.Abs(a.Location); err == nil {
					byURL[(&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()] = a
				}
			}
		}
	}
	for _, same := range byTitle {
		sort.Slice(same, func(i, j int) bool { return same[i].Location < same[j].Location })
	}
	for _, a := range c.Articles {
		for _, l := range []*Link{a.Prev, a.Next} {
			if l == nil {
				continue
			}
			var t *Article
			// A file: link resolves only from a saved file: a page from
			// the web cannot lead to the reader's own files.
			if l.URL != "" && !(IsURL(a.Location) && strings.HasPrefix(l.URL, "file:")) {
				t = byURL[l.URL]
			}
			if t == nil && l.Title != "" && l.Kind == KindText {
				t = pickTarget(a, byTitle[NormalizeTitle(l.Title)])
			}
			if t != nil && t != a {
				l.Resolved, l.Target = true, t.Location
			}
		}
	}
}

// hasFileLinks reports whether any link is a file: URL.
func (c *Collection) hasFileLinks() bool {
	for _, a := range c.Articles {
		for _, l := range []*Link{a.Prev, a.Next} {
			if l != nil && strings.HasPrefix(l.URL, "file:") {
				return true
			}
		}
	}
	return false
}

// pickTarget chooses among articles with the linked headline.
func pickTarget(from *Article, cands []*Article) *Article {
	dir := filepath.Dir(from.Location)
	var first *Article
	for _, c := range cands {
		if c == from {
			continue
		}
		if filepath.Dir(c.Location) == dir {
			return c
		}
		if first == nil {
			first = c
		}
	}
	return first
}

// order sorts the list: chains of resolved links in reading order, then
// the rest newest first, then by location.
func (c *Collection) order() {
	arts := c.Articles
	sort.SliceStable(arts, func(i, j int) bool { return lessRest(arts[i], arts[j]) })
	succ := make(map[*Article]*Article)
	pred := make(map[*Article]*Article)
	// Each chain's ends know each other, so a link that would close a
	// cycle is found in one lookup rather than by walking back to the
	// head: walking made a chain of n files cost n²/2 steps when the
	// links arrived in reading order (numbered files, the normal case).
	headOf := make(map[*Article]*Article) // tail → head; absent: itself
	tailOf := make(map[*Article]*Article) // head → tail; absent: itself
	end := func(m map[*Article]*Article, a *Article) *Article {
		if e := m[a]; e != nil {
			return e
		}
		return a
	}
	link := func(from, to *Article) {
		if from == nil || to == nil || from == to || succ[from] != nil || pred[to] != nil {
			return
		}
		// from is a tail and to a head: linking them closes a cycle
		// exactly when they are the two ends of one chain.
		h, t := end(headOf, from), end(tailOf, to)
		if h == to {
			return
		}
		succ[from], pred[to] = to, from
		delete(headOf, from)
		delete(tailOf, to)
		headOf[t], tailOf[h] = h, t
	}
	// Next links first: they state reading order directly; Previous
	// links then fill the gaps they leave.
	for _, a := range arts {
		if a.Next.InCollection() {
			link(a, c.byLoc[a.Next.Target])
		}
	}
	for _, a := range arts {
		if a.Prev.InCollection() {
			link(c.byLoc[a.Prev.Target], a)
		}
	}
	var chained, rest []*Article
	for _, a := range arts {
		if pred[a] != nil {
			continue
		}
		if succ[a] == nil {
			rest = append(rest, a)
			continue
		}
		for x := a; x != nil; x = succ[x] {
			chained = append(chained, x)
		}
	}
	c.Articles = append(chained, rest...)
}

// lessRest orders unlinked articles: dated before undated, newest
// first, then by location.
func lessRest(a, b *Article) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	if !a.Published.Equal(b.Published) {
		return a.Published.After(b.Published)
	}
	return a.Location < b.Location
}

// NewCollection builds a collection from articles already read (the
// sample edition, a library query): links are resolved and the list
// ordered as Load does.
func NewCollection(arts []*Article) *Collection {
	c := &Collection{Articles: append([]*Article(nil), arts...)}
	c.finish()
	return c
}
