package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
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

// hop is where n or p leads from the open article.
type hop struct {
	loc     string // an article to open at once
	url     string // a web page to load first
	text    string // the target's headline for the footer
	why     string // why there is nowhere to go
	viaList bool   // no link of its own: the list's neighbour
}

// resolve works out where the article's own previous (dir -1) or next
// (dir 1) link leads; without a link, the list's neighbour.
func (m *Model) resolve(dir int) hop {
	a := m.lookup(m.current)
	if a == nil {
		return hop{why: "no article is open"}
	}
	l, word := a.Next, "next"
	if dir < 0 {
		l, word = a.Prev, "previous"
	}
	if l == nil {
		return m.neighbour(a, dir, word)
	}
	// An article of the collection first; failing that (no target, or
	// one the source does not list) any http(s) address is followed on
	// the web, as saved pages that link by absolute address need.
	if l.InCollection() {
		if t := m.lookup(l.Target); t != nil {
			return hop{loc: t.Location, text: t.DisplayTitle()}
		}
	}
	if l.URL != "" && reader.IsURL(l.URL) {
		// A page already at hand (of the collection, or loaded before) is
		// not fetched again: pages that link in a circle cost one request
		// each however often the reader goes round.
		if t := m.lookup(l.URL); t != nil {
			return hop{loc: t.Location, text: t.DisplayTitle()}
		}
		return hop{url: l.URL, text: linkTitle(l)}
	}
	if s := otherScheme(l.URL); s != "" {
		// javascript:, data: and the like: shown, never followed.
		return hop{text: linkTitle(l), why: word + " link is a " + s + ": address, which brief does not follow"}
	}
	return hop{text: linkTitle(l), why: word + " article not in this collection: “" + linkTitle(l) + "”"}
}

// otherScheme is the scheme of an address that is neither a web page
// nor a file ("javascript", "data"), or "".
func otherScheme(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || reader.IsURL(raw) || strings.EqualFold(u.Scheme, "file") {
		return ""
	}
	return strings.ToLower(u.Scheme)
}

// linkTitle names a link's target for the screen: its headline, else a
// short form of its address (only the scheme of one that is not a web
// page or a file: a data: address can be long, and is not to be read).
func linkTitle(l *reader.Link) string {
	if l.Title != "" {
		return reader.Clean(l.Title)
	}
	if s := otherScheme(l.URL); s != "" {
		return s + ": link"
	}
	return present.ShortURL(reader.Clean(l.URL))
}

// footerLink describes a hop for the article's footer.
func (m *Model) footerLink(dir int) footerLink {
	h := m.hopTo(dir)
	switch {
	case h.text == "":
		return footerLink{}
	case h.why != "":
		return footerLink{Text: h.text, Note: "(not here)"}
	case h.viaList:
		return footerLink{Text: h.text, Note: "(list)", OK: true}
	case h.url != "":
		return footerLink{Text: h.text, Note: "(web)", OK: true}
	}
	return footerLink{Text: h.text, OK: true}
}

// adjacent follows n or p.
func (m *Model) adjacent(dir int) tea.Cmd {
	h := m.hopTo(dir)
	switch {
	case h.why != "":
		return m.setStatus(h.why)
	case h.url != "":
		return m.startFetch(h.url, h.text)
	}
	m.pushHistory()
	m.goTo(h.loc)
	if h.viaList {
		word := "next"
		if dir < 0 {
			word = "previous"
		}
		return m.setStatus("no " + word + " link in the article: showing the list's " + word)
	}
	return nil
}

// pushHistory remembers the open article before moving on.
func (m *Model) pushHistory() {
	if m.current != "" {
		m.history = append(m.history, visit{loc: m.current, offset: m.article.vp.YOffset})
	}
}

// goTo opens the article at loc and marks it read.
func (m *Model) goTo(loc string) {
	a := m.lookup(loc)
	if a == nil {
		return
	}
	m.cancelFetch("")
	m.leaveStatus(loc)
	m.current, m.screen = loc, screenArticle
	m.shown = renderKey{}
	m.article.SetArticle(m.readArticle(loc, a), m.mode)
	if !m.list.seen[loc] {
		m.list.seen[loc] = true
		m.unsaved = append(m.unsaved, loc)
	}
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
	m.fetch.cancel()
	m.fetch.cancel, m.fetch.url = nil, ""
	if errors.Is(msg.Err, context.Canceled) {
		return nil
	}
	a := msg.Article
	if msg.Err != nil || a == nil {
		if title == "" {
			title = present.ShortURL(reader.Clean(msg.URL))
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

// saveRead hands the articles opened since the last call to the read
// state, which queues their writes (flushed on exit); a Cmd waits for
// them and reports a failure.
func (m *Model) saveRead() tea.Cmd {
	if len(m.unsaved) == 0 {
		return nil
	}
	var waits []func() error
	for _, loc := range m.unsaved {
		waits = append(waits, m.read.QueueRead(loc, true))
	}
	m.unsaved = nil
	return waitMarksCmd(waits, "could not save the read mark: ")
}
