package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// doc is an article read in full with its summary, or why it could not
// be read.
type doc struct {
	art    *reader.Article
	sum    summarizer.Summary
	sumErr error
	err    error
}

// cache holds what background work produced: opened articles and their
// summaries by location, and glamour's output by render key. Only the
// root's Update touches it; Cmds return results as messages.
type cache struct {
	docs      map[string]*doc
	loading   map[string]bool
	renders   map[renderKey]string
	renderErr map[renderKey]error
	rendering map[renderKey]bool
}

func newCache() *cache {
	return &cache{
		docs:      map[string]*doc{},
		loading:   map[string]bool{},
		renders:   map[renderKey]string{},
		renderErr: map[renderKey]error{},
		rendering: map[renderKey]bool{},
	}
}

func (c *cache) loaded(msg loadedMsg) {
	delete(c.loading, msg.Loc)
	c.docs[msg.Loc] = &doc{art: msg.Article, sum: msg.Summary, sumErr: msg.SumErr, err: msg.Err}
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
func (m *Model) need(a *reader.Article, md mode, width int) tea.Cmd {
	c := m.cache
	d := c.docs[a.Location]
	if d == nil {
		if c.loading[a.Location] {
			return nil
		}
		c.loading[a.Location] = true
		return loadCmd(m.ctx, m.src, m.sum, a)
	}
	if d.err != nil || width <= 0 {
		return nil
	}
	k := renderKey{Loc: a.Location, Mode: md, Width: width, Style: m.ropts.Style}
	if _, ok := c.renders[k]; ok || c.rendering[k] || c.renderErr[k] != nil {
		return nil
	}
	c.rendering[k] = true
	return renderCmd(k, documentMarkdown(d, md), m.ropts)
}

// pump starts the background work the current state calls for: the open
// article in both modes, the articles n and p lead to (so they show at
// once), and the summary lines of the list rows on screen.
func (m *Model) pump() tea.Cmd {
	var cmds []tea.Cmd
	if m.current != "" {
		if a := m.lookup(m.current); a != nil {
			cmds = append(cmds, m.need(a, m.mode, m.width), m.need(a, 1-m.mode, m.width))
		}
		for _, dir := range []int{1, -1} {
			h := m.resolve(dir)
			if a := m.lookup(h.loc); a != nil {
				cmds = append(cmds, m.need(a, m.mode, m.width), m.need(a, 1-m.mode, m.width))
			}
		}
	}
	if m.screen == screenList {
		for _, a := range m.list.Visible() {
			cmds = append(cmds, m.need(a, m.mode, 0))
		}
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
	if d := m.cache.docs[m.current]; d != nil && d.err != nil {
		if m.shown.Loc != m.current || m.article.err == nil {
			m.article.SetError(d.err)
			m.shown = renderKey{Loc: m.current}
		}
		return
	}
	k := renderKey{Loc: m.current, Mode: m.mode, Width: m.width, Style: m.ropts.Style}
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
