package ui

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/article"
	"github.com/brief-news/brief/ui/present"
)

// lookup finds an article of the collection or one loaded from the web.
func (m *Model) lookup(loc string) *reader.Article {
	if loc == "" {
		return nil
	}
	if a := m.src.Lookup(loc); a != nil {
		return a
	}
	return m.web[loc]
}

// readArticle is the article as read in full when it has been (a scan
// lacks what extraction finds, such as a page's byline), else a.
func (m *Model) readArticle(loc string, a *reader.Article) *reader.Article {
	if d := m.cache.docs[loc]; d != nil && d.err == nil && d.art != nil {
		return d.art
	}
	return a
}

// footerLink is what the footer says of the route in direction dir.
func (m *Model) footerLink(dir int) article.Link { return article.RouteLink(m.route(dir)) }

// adjacent follows n or p where the open article's route leads.
func (m *Model) adjacent(dir int) tea.Cmd {
	r := m.route(dir)
	switch {
	case r.Kind == reader.RouteWeb:
		return m.startFetch(r.URL, r.Title)
	case !r.Leads():
		return m.setStatus(r.Why)
	}
	m.pushHistory()
	m.goTo(r.Loc)
	if r.Kind == reader.RouteList {
		word := "next"
		if dir < 0 {
			word = "previous"
		}
		return m.setStatus("no " + word + " link in the article: showing the list's " + word)
	}
	return nil
}

// followLink opens a link of the article's text (f, then its number):
// an article at hand (in the collection, or a page loaded before) at
// once, an address that looks like an article page by loading it in
// brief, anything else (a home page, a PDF, a feed) in the browser.
func (m *Model) followLink(url, title string) tea.Cmd {
	if a := m.lookup(url); a != nil {
		m.pushHistory()
		m.goTo(a.Location)
		return nil
	}
	if reader.LooksLikeArticle(url) {
		return m.startFetch(url, title)
	}
	return externalCmd(m.openURL, url, "opened in the browser")
}

// pushHistory remembers the open article before moving on.
func (m *Model) pushHistory() {
	if m.current != "" {
		offset, _ := m.article.Scroll()
		m.history = append(m.history, visit{loc: m.current, offset: offset})
	}
}

// goTo opens the article at loc and marks it read.
func (m *Model) goTo(loc string) {
	a := m.lookup(loc)
	if a == nil {
		return
	}
	m.cancelFetch("")
	m.status.Leave(loc)
	m.current, m.screen = loc, screenArticle
	m.forgetRoutes()
	m.shown = renderKey{}
	m.article.SetArticle(m.readArticle(loc, a), m.mode)
	m.marks.Opened(loc)
	m.list.Select(loc)
}

// back returns to the article read before; from the first, to the list.
func (m *Model) back() {
	if n := len(m.history); n > 0 {
		v := m.history[n-1]
		m.history = m.history[:n-1]
		m.goTo(v.loc)
		m.article.ResumeAt(v.offset)
		return
	}
	m.toList()
}

// toList leaves the article for the list, with its row selected.
func (m *Model) toList() {
	m.cancelFetch("")
	if m.current != "" {
		m.list.Select(m.current)
	}
	m.current, m.history, m.screen = "", nil, screenList
	m.shown = renderKey{}
}

// startFetch loads a web link in the background; esc cancels it.
func (m *Model) startFetch(url, title string) tea.Cmd {
	m.cancelFetch("")
	ctx, cancel := context.WithCancel(m.ctx)
	m.fetch.id++
	m.fetch.url, m.fetch.title, m.fetch.cancel = url, title, cancel
	return fetchCmd(ctx, m.src, m.fetch.id, url)
}

// cancelFetch abandons the web load under way, saying so when why is set.
func (m *Model) cancelFetch(why string) tea.Cmd {
	if m.fetch.cancel == nil {
		return nil
	}
	m.fetch.cancel()
	m.fetch.cancel, m.fetch.url = nil, ""
	if why == "" {
		return nil
	}
	return m.setStatus(why)
}

// handleFetched opens a loaded web article, or an error view saying why
// it could not be loaded. Results of cancelled loads are dropped.
func (m *Model) handleFetched(msg fetchedMsg) tea.Cmd {
	if msg.ID != m.fetch.id || m.fetch.cancel == nil {
		return nil
	}
	title := m.fetch.title
	m.cancelFetch("") // done: release its context
	if errors.Is(msg.Err, context.Canceled) {
		return nil
	}
	a := msg.Article
	if msg.Err != nil || a == nil {
		if title == "" {
			title = reader.ShortURL(reader.Clean(msg.URL))
		}
		a = &reader.Article{Title: title, Site: present.Host(msg.URL), Location: msg.URL, URL: msg.URL}
		err := msg.Err
		if err == nil {
			err = errors.New("the page has no article")
		}
		m.cache.docs[msg.URL] = &doc{err: err}
	}
	if a.Location == "" {
		a.Location = msg.URL
	}
	m.web[msg.URL], m.web[a.Location] = a, a
	m.pushHistory()
	m.goTo(a.Location)
	return nil
}
