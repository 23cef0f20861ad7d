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
	links   []reader.BodyLink // the body's links (reader.BodyLinks)
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
	// A long document renders in pieces: renders holds the text so far
	// and more the pieces still to come. renderIDs is the render under
	// way for each key, so that pieces of an older one are dropped.
	more      map[renderKey]*morePieces
	renderIDs map[renderKey]int
	renderID  int
}

// morePieces is the rest of a render that arrives in pieces: the
// markdown of each piece, and the next one to render.
type morePieces struct {
	id   int
	md   []string
	next int
	opts renderOptions
}

func newCache() *cache {
	return &cache{
		docs:      map[string]*doc{},
		loading:   map[string]*load{},
		renders:   map[renderKey]string{},
		renderErr: map[renderKey]error{},
		rendering: map[renderKey]bool{},
		more:      map[renderKey]*morePieces{},
		renderIDs: map[renderKey]int{},
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
	c.docs[msg.Loc] = &doc{art: msg.Article, sum: msg.Summary, links: msg.Links, sumErr: msg.SumErr, err: msg.Err, partial: msg.Partial}
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

// rendered stores a rendering, or the first piece of one, and returns
// the Cmd that renders the next piece. One that is stale (for a width
// the window no longer has, as it was resized while glamour ran, or
// from a render started again since) is dropped.
func (c *cache) rendered(msg renderedMsg, width int, opts renderOptions) tea.Cmd {
	k := msg.Key
	if msg.ID != c.renderIDs[k] {
		return nil // a render started again since: that one is under way
	}
	delete(c.rendering, k)
	if k.Width != width {
		return nil
	}
	if msg.Err != nil {
		c.renderErr[k] = msg.Err
		return nil
	}
	c.renders[k] = msg.Content
	if k.Variant != 0 {
		c.forgetOlderVariants(k)
	}
	if len(msg.Rest) == 0 {
		return nil
	}
	c.more[k] = &morePieces{id: msg.ID, md: msg.Rest, next: 1, opts: opts}
	return pieceCmd(k, msg.ID, 1, msg.Rest[0], opts)
}

// piece appends the next piece of a rendering and returns the Cmd for
// the one after; a stale piece is dropped (see pieceMsg).
func (c *cache) piece(msg pieceMsg, width int) tea.Cmd {
	k := msg.Key
	p := c.more[k]
	if p == nil || p.id != msg.ID || p.next != msg.Index || k.Width != width {
		return nil
	}
	if msg.Err != nil {
		delete(c.more, k)
		delete(c.renders, k)
		c.renderErr[k] = msg.Err
		return nil
	}
	c.renders[k] += msg.Content
	if p.next++; p.next > len(p.md) {
		delete(c.more, k)
		return nil
	}
	return pieceCmd(k, p.id, p.next, p.md[p.next-1], p.opts)
}

// stop abandons what is still to come of a rendering (a model
// summary's older piece).
func (c *cache) stop(k renderKey) {
	delete(c.rendering, k)
	delete(c.more, k)
}

// keepWidth forgets renderings at other widths: after a resize they
// would only be used again if the window went back to that width.
func (c *cache) keepWidth(w int) {
	c.forget(func(k renderKey) bool { return k.Width != w })
}

// forgetOlderVariants forgets the renderings of k's article in k's mode
// for the model summary's older versions: each piece streamed in is a
// new version, rendered whole, and only the newest is shown again. The
// offline summary's (Variant 0) stays, for when the model fails.
func (c *cache) forgetOlderVariants(k renderKey) {
	c.forget(func(o renderKey) bool {
		return o.Variant != 0 && o.Variant != k.Variant && o.Loc == k.Loc && o.Mode == k.Mode
	})
}

// forget drops what is kept for the render keys drop picks; the id of
// a render still under way stays, so that its answer is recognised.
func (c *cache) forget(drop func(renderKey) bool) {
	for k := range c.renders {
		if drop(k) {
			delete(c.renders, k)
		}
	}
	for k := range c.renderErr {
		if drop(k) {
			delete(c.renderErr, k)
		}
	}
	for k := range c.more {
		if drop(k) {
			delete(c.more, k)
		}
	}
	for k := range c.renderIDs {
		if drop(k) && !c.rendering[k] {
			delete(c.renderIDs, k)
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
	c.renderID++
	c.renderIDs[k] = c.renderID
	if k.Variant != 0 {
		dc := *d
		dc.model = m.models.Summary(a.Location)
		d = &dc
	}
	return docRenderCmd(k, c.renderID, d, md, m.ropts)
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
// as soon as the cache has it, and the pieces of a long one as they
// come. A new width keeps the old text on screen until the new
// rendering is whole, then keeps the reader's place.
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
	if d != nil {
		m.article.SetBodyLinks(d.links)
	}
	k := renderKey{Loc: m.current, Mode: m.mode, Width: m.width, Style: m.ropts.Style, Variant: m.models.Variant(m.current, m.mode)}
	defer func() { m.article.SetRendering(m.cache.more[m.shown] != nil) }()
	if err := m.cache.renderErr[k]; err != nil {
		if k != m.shown || !m.article.Failed() {
			m.article.SetError(err)
			m.shown = k
		}
		return
	}
	s, ok := m.cache.renders[k]
	if k == m.shown {
		if len(s) > m.shownLen { // the next piece of a long article
			m.article.AppendContent(s[m.shownLen:])
			m.shownLen = len(s)
		}
		return
	}
	resize := m.shown.Loc == k.Loc && m.shown.Mode == k.Mode
	if ok && !(resize && m.cache.more[k] != nil) {
		if m.cache.more[k] != nil {
			m.article.SetRendering(true) // before the text: a place to resume at waits for it
		}
		m.article.SetContent(s, resize)
		m.shown, m.shownLen = k, len(s)
	} else if !resize && m.article.Ready() {
		// The other mode is not ready yet: say so rather than show the
		// text of the mode just left under the new badge.
		m.article.SetWaiting()
	}
}
