package ui

// Where n and p lead from the open article: reader.FindRoutes decides
// (the one rule brief read reports too); the model keeps its answer and
// works it out again only when what it depends on changes.

import "github.com/brief-news/brief/reader"

// findRoutes is reader.FindRoutes; tests count the calls through it.
var findRoutes = reader.FindRoutes

// newestFirst is a Source whose list runs newest first, as the
// library's views do (see reader.List).
type newestFirst interface{ NewestFirst() bool }

// sourceList is a Source as the list reader.FindRoutes reads.
type sourceList struct{ Source }

func (s sourceList) NewestFirst() bool {
	nf, ok := s.Source.(newestFirst)
	return ok && nf.NewestFirst()
}

// routeDeps is what the open article's routes depend on. A change to
// any of them means working them out again: another article, the open
// one replaced by the source (a library article learns its page's own
// links when read), a new list (a reload, another view or a search),
// a page loaded from the web.
type routeDeps struct {
	loc    string
	art    *reader.Article
	first  *reader.Article // the list's first article and length: a new list
	n      int
	newest bool
	web    int
}

// routeCache is the open article's routes and what they were worked out
// from.
type routeCache struct {
	deps   routeDeps
	valid  bool
	routes reader.Routes
}

// routeDeps is the state the routes of the open article depend on now.
func (m *Model) routeDeps() routeDeps {
	arts := m.src.Articles()
	d := routeDeps{loc: m.current, art: m.lookup(m.current), n: len(arts),
		newest: sourceList{m.src}.NewestFirst(), web: len(m.web)}
	if len(arts) > 0 {
		d.first = arts[0]
	}
	return d
}

// route is where n (dir 1) or p (dir -1) leads from the open article:
// the routes kept on the model, worked out again only when what they
// depend on has changed.
func (m *Model) route(dir int) reader.Route {
	d := m.routeDeps()
	if !m.routes.valid || m.routes.deps != d {
		web := func(loc string) *reader.Article {
			// A page that failed to load is still a page to fetch: its
			// link keeps its "(web)" marker and n tries it again.
			if d := m.cache.docs[loc]; d != nil && d.err != nil {
				return nil
			}
			return m.web[loc]
		}
		m.routes = routeCache{deps: d, valid: true, routes: findRoutes(sourceList{m.src}, web, d.art)}
	}
	return m.routes.routes.Dir(dir)
}

// forgetRoutes makes the next route work the routes out again: the
// article or the pages at hand changed.
func (m *Model) forgetRoutes() { m.routes.valid = false }
