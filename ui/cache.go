package ui

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/present"
)

// doc is an article read with its summary, or why it could not be
// read. A partial one is a preview of a teaser: enough for the list's
// summary line, not for the article view, which opens it in full.
type doc struct {
	art     *reader.Article
	sum     summarizer.Summary
	sumErr  error
	err     error
	partial bool
	// model is the model's summary to show in the summary view, set on
	// the copy a render Cmd gets (need); nil for the offline summary.
	model *present.ModelSummary
}

// load is a load under way: open for the article the user reads,
// otherwise a preview, cancelled when no longer wanted.
type load struct {
	id     int
	open   bool
	cancel context.CancelFunc
}

// cache holds what background work produced: opened articles and their
// summaries by location, and glamour's output by render key. Only the
// root's Update touches it; Cmds return results as messages.
type cache struct {
	docs      map[string]*doc
	loading   map[string]*load
	loadID    int
	renders   map[renderKey]string
	renderErr map[renderKey]error
	rendering map[renderKey]bool
}

func newCache() *cache {
	return &cache{
		docs:      map[string]*doc{},
		loading:   map[string]*load{},
		renders:   map[renderKey]string{},
		renderErr: map[renderKey]error{},
		rendering: map[renderKey]bool{},
	}
}

// loaded stores a read article, unless its load was cancelled or a
// preview comes after the article in full. It reports whether it kept
// it.
func (c *cache) loaded(msg loadedMsg) bool {
	if l := c.loading[msg.Loc]; l != nil && l.id == msg.ID {
		l.cancel()
		delete(c.loading, msg.Loc)
	}
	if errors.Is(msg.Err, context.Canceled) {
		return false
	}
	if old := c.docs[msg.Loc]; old != nil && !old.partial && msg.Partial {
		return false
	}
	c.docs[msg.Loc] = &doc{art: msg.Article, sum: msg.Summary, sumErr: msg.SumErr, err: msg.Err, partial: msg.Partial}
	return true
}

// cancelUnwanted cancels the loads no longer wanted as they were
// started: the reader left the article (wanted holds whether each
// location is wanted opened in full), scrolled the row away.
func (c *cache) cancelUnwanted(wanted map[string]bool) {
	for loc, l := range c.loading {
		if open, ok := wanted[loc]; !ok || (l.open && !open) {
			l.cancel()
			delete(c.loading, loc)
		}
	}
}

// rendered stores a rendering; one for a width the window no longer has
// (it was resized while glamour ran) is dropped.
func (c *cache) rendered(msg renderedMsg, width int) {
	delete(c.rendering, msg.Key)
	if msg.Key.Width != width {
		return
	}
	if msg.Err != nil {
		c.renderErr[msg.Key] = msg.Err
		return
	}
	c.renders[msg.Key] = msg.Content
}

// keepWidth forgets renderings at other widths: after a resize they
// would only be used again if the window went back to that width.
func (c *cache) keepWidth(w int) {
	for k := range c.renders {
		if k.Width != w {
			delete(c.renders, k)
		}
	}
	for k := range c.renderErr {
		if k.Width != w {
			delete(c.renderErr, k)
		}
	}
}

// need returns the Cmd that brings the article at loc one step closer
// to being shown in mode md at the given width, or nil when it is ready
// or on its way. Loading comes first; rendering follows the loadedMsg.
// With open, the article is the one the user reads: it is opened in
// full (a library teaser from its page), at once, not behind the
// previews; the others are previews of the stored text.
func (m *Model) need(a *reader.Article, md mode, width int, open bool) tea.Cmd {
	c := m.cache
	d := c.docs[a.Location]
	if d == nil || (open && d.partial) {
		if l := c.loading[a.Location]; l != nil {
			if l.open || !open {
				return nil
			}
			l.cancel() // a preview: the open supersedes it
		}
		c.loadID++
		ctx, cancel := context.WithCancel(m.ctx)
		c.loading[a.Location] = &load{id: c.loadID, open: open, cancel: cancel}
		return loadCmd(ctx, m.src, m.sum, a, open, c.loadID)
	}
	if d.err != nil || d.partial || width <= 0 {
		return nil
	}
	k := renderKey{Loc: a.Location, Mode: md, Width: width, Style: m.ropts.Style, Variant: m.models.Variant(a.Location, md)}
	if _, ok := c.renders[k]; ok || c.rendering[k] || c.renderErr[k] != nil {
		return nil
	}
	c.rendering[k] = true
	if k.Variant != 0 {
		dc := *d
		dc.model = m.models.Summary(a.Location)
		d = &dc
	}
	return docRenderCmd(k, d, md, m.ropts)
}

// pump starts the background work the current state calls for: the open
// article in both modes, the articles n and p lead to (so they show at
// once), and the summary lines of the list rows on screen. Loads no
// longer wanted as they were started are cancelled first.
func (m *Model) pump() tea.Cmd {
	type want struct {
		a     *reader.Article
		width int
		open  bool
	}
	var wants []want
	if m.current != "" {
		if a := m.lookup(m.current); a != nil {
			wants = append(wants, want{a, m.width, true})
		}
		for _, dir := range []int{1, -1} {
			if a := m.lookup(m.route(dir).Loc); a != nil {
				wants = append(wants, want{a, m.width, false})
			}
		}
	}
	if m.screen == screenList {
		for _, a := range m.list.Visible() {
			wants = append(wants, want{a, 0, false})
		}
	}
	wanted := map[string]bool{} // location → opened in full
	for _, w := range wants {
		wanted[w.a.Location] = wanted[w.a.Location] || w.open
	}
	m.cache.cancelUnwanted(wanted)
	var cmds []tea.Cmd
	for _, w := range wants {
		cmds = append(cmds, m.need(w.a, m.mode, w.width, w.open), m.need(w.a, 1-m.mode, w.width, w.open))
	}
	return tea.Batch(cmds...)
}

// sync puts the open article's text, or its error, in the article view
// as soon as the cache has it. A new width keeps the old text on screen
// until the new rendering arrives, then keeps the reader's place.
func (m *Model) sync() {
	if m.current == "" {
		return
	}
	m.article.SetLinks(m.footerLink(-1), m.footerLink(1))
	d := m.cache.docs[m.current]
	if d != nil && d.partial {
		return // a preview: the article in full is on its way
	}
	if d != nil && d.err != nil {
		if m.shown.Loc != m.current || !m.article.Failed() {
			m.article.SetError(d.err)
			m.shown = renderKey{Loc: m.current}
		}
		return
	}
	k := renderKey{Loc: m.current, Mode: m.mode, Width: m.width, Style: m.ropts.Style, Variant: m.models.Variant(m.current, m.mode)}
	if k == m.shown {
		return
	}
	if err := m.cache.renderErr[k]; err != nil {
		m.article.SetError(err)
		m.shown = k
		return
	}
	resize := m.shown.Loc == k.Loc && m.shown.Mode == k.Mode
	if s, ok := m.cache.renders[k]; ok {
		m.article.SetContent(s, resize)
		m.shown = k
	} else if !resize && m.article.Ready() {
		// The other mode is not ready yet: say so rather than show the
		// text of the mode just left under the new badge.
		m.article.SetWaiting()
	}
}
