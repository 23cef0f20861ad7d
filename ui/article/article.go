// Package article is the reader's article view: a child view (a
// common.Component) showing one article the root hands it, already
// rendered, with a header, a footer naming the previous and next
// articles, and a search within the text. It asks the root, through
// intents, to move on, go back or switch mode.
package article

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// Link is what the footer says about a previous/next target; the root
// makes it from the route (RouteLink), the view draws it.
type Link struct {
	Text string // the target's headline (cleaned), "" for none
	Note string // kept whole after the headline, e.g. "(not here)"
	OK   bool   // n/p will follow it
}

// Model shows one article: header, the rendered body in a
// viewport, and a footer naming the previous and next articles. The root
// decides which article and mode it shows and hands it rendered text.
type Model struct {
	common.Asks
	keys   common.ArticleKeyMap
	styles *common.Styles

	art        *reader.Article
	mode       common.Mode
	prev, next Link
	content    string // rendered body; "" while loading
	ready      bool
	err        error

	vp        viewport.Model
	search    searchModel
	links     linksModel
	bodyLinks []reader.BodyLink // the body's links, which f numbers (SetBodyLinks)
	resume    int               // line to show first when the text arrives (back)
	loading   bool              // a web load or a model summary is under way, which esc cancels
	// rendering: the text shown is the start of a long article whose
	// later pieces are still being rendered (AppendContent adds them).
	rendering bool
	toEnd     bool // G while rendering: follow the end as pieces come
	// sumBadge replaces the summary badge while a model's summary is
	// shown ("SUMMARY · llama3.2"); "" for the plain one.
	sumBadge string

	width, height int
}

// New is an empty article view with its keys and those of its / prompt
// (the root builds both for its mode).
func New(st *common.Styles, keys common.ArticleKeyMap, search common.InputKeyMap) Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{} // keys are ours, declared in ui/common/keys.go
	vp.MouseWheelEnabled = true
	sm := newSearchModel(st, search)
	sm.stepKeys = firstKey(keys.NextMatch) + "/" + firstKey(keys.PrevMatch)
	sm.endKey = firstKey(keys.EndSearch)
	return Model{keys: keys, styles: st, vp: vp, search: sm}
}

// SetSize gives the view its lines; the body gets what the header and
// footer leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.SetWidth(w)
	m.layout()
}

func (m *Model) layout() {
	m.vp.Width = m.width
	m.vp.Height = max(m.height-lipgloss.Height(m.header())-footerLines, 1)
	m.vp.SetYOffset(m.vp.YOffset) // re-clamp
}

// SetArticle shows a new article in a mode, waiting for its text.
func (m *Model) SetArticle(a *reader.Article, md common.Mode) {
	m.art, m.mode = a, md
	m.content, m.ready, m.err = "", false, nil
	m.resume, m.rendering, m.toEnd = 0, false, false
	m.search.Reset()
	m.links, m.bodyLinks = linksModel{}, nil
	m.vp.SetContent("")
	m.vp.GotoTop()
	m.layout()
}

// SetMeta replaces the article shown by its fully read self (same place,
// same text): the header gains what reading found, such as a byline.
func (m *Model) SetMeta(a *reader.Article) {
	m.art = a
	m.layout()
}

// SetMode switches the badge; the root sends the matching text.
func (m *Model) SetMode(md common.Mode) {
	m.mode = md
	m.layout()
}

// SetLinks updates the footer's previous/next targets.
func (m *Model) SetLinks(prev, next Link) { m.prev, m.next = prev, next }

// SetContent shows rendered text. With keepPlace the reader stays at the
// same relative position (a resize); otherwise the text starts at the top.
func (m *Model) SetContent(s string, keepPlace bool) {
	frac := 0.0
	if keepPlace && m.vp.TotalLineCount() > 0 {
		frac = float64(m.vp.YOffset) / float64(m.vp.TotalLineCount())
	}
	m.content, m.ready, m.err = s, true, nil
	m.search.SetText(s)
	m.vp.SetContent(m.search.Highlight(s))
	switch {
	case keepPlace:
		m.vp.SetYOffset(int(frac*float64(m.vp.TotalLineCount()) + 0.5))
	case m.resume > 0:
		m.goResume()
		return
	default:
		m.vp.GotoTop()
	}
	m.resume = 0
}

// AppendContent adds rendered text after the text shown: the next piece
// of a long article. The reader stays where they are, a search finds
// matches in the new text too, and a place to resume at (ResumeAt) that
// the text before did not reach is reached now.
func (m *Model) AppendContent(more string) {
	if !m.ready || m.err != nil {
		return
	}
	yo := m.vp.YOffset
	m.content += more
	m.search.AppendText(more)
	m.vp.SetContent(m.search.Highlight(m.content))
	m.vp.SetYOffset(yo)
	switch {
	case m.toEnd:
		m.vp.GotoBottom()
	case m.resume > 0:
		m.goResume()
	}
}

// goResume scrolls to the line to resume at; the line is kept while the
// text shown does not reach it and more is being rendered.
func (m *Model) goResume() {
	m.vp.SetYOffset(m.resume)
	if m.vp.YOffset >= m.resume || !m.rendering {
		m.resume = 0
	}
}

// SetRendering says whether later pieces of the text shown are still
// being rendered: the footer says so.
func (m *Model) SetRendering(on bool) {
	m.rendering = on
	if !on {
		m.resume, m.toEnd = 0, false
	}
}

// ResumeAt shows the article from a line once its text is on screen, or
// at once if it already is: going back returns to where the reader was.
func (m *Model) ResumeAt(line int) {
	if m.ready && m.err == nil {
		m.vp.SetYOffset(line)
		return
	}
	m.resume = line
}

// SetSummaryBadge names what writes the summary in the summary badge
// ("SUMMARY · llama3.2"); "" is the plain badge.
func (m *Model) SetSummaryBadge(b string) {
	if b != m.sumBadge {
		m.sumBadge = b
		m.layout()
	}
}

// SetWaiting shows the loading note until SetContent.
func (m *Model) SetWaiting() {
	m.ready, m.err = false, nil
}

// SetError shows why the article cannot be shown.
func (m *Model) SetError(err error) {
	m.err, m.ready = err, true
	m.vp.SetContent("")
}

// SetLoading says whether a web load is under way (esc cancels it).
func (m *Model) SetLoading(on bool) { m.loading = on }

// Ready reports whether the current article's text is on screen.
func (m Model) Ready() bool { return m.ready }

// Scroll is the first line on screen and the lines of the text: where
// the reader is, which going back returns to.
func (m Model) Scroll() (offset, total int) { return m.vp.YOffset, m.vp.TotalLineCount() }

// Failed reports whether the view shows why its article cannot be
// shown (SetError), so that the root sets an error once.
func (m Model) Failed() bool { return m.err != nil }

// Searching reports whether the search prompt has the keyboard.
func (m Model) Searching() bool { return m.search.Editing() }

// ShortHelp is the help line: the keys that do something now (the
// search prompt's while it is open).
func (m Model) ShortHelp() []key.Binding {
	if m.search.Editing() {
		return m.search.keys.ShortHelp()
	}
	if m.links.open {
		return linksHelp(len(m.links.links))
	}
	k := m.keys
	k.Cancel.SetEnabled(m.loading)
	has := m.search.HasMatches()
	k.NextMatch.SetEnabled(has)
	k.PrevMatch.SetEnabled(has)
	k.EndSearch.SetEnabled(!m.loading && m.search.Active())
	k.Browser.SetEnabled(m.art != nil && m.art.URL != "")
	k.Copy.SetEnabled(m.art != nil && m.art.URL != "")
	if m.search.Active() && !m.loading {
		return k.SearchHelp() // n and N are the matches' now: say so
	}
	return k.ShortHelp()
}

// FullHelp is every key of the article view, for the help screen.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Update handles keys and the mouse wheel.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	m.resume, m.toEnd = 0, false // the reader scrolls on their own now
	switch msg := msg.(type) {
	case tea.MouseMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return cmd
	case tea.KeyMsg:
		if m.search.Editing() {
			var cmd tea.Cmd
			m.search, cmd = m.search.Update(msg)
			m.showMatch()
			return cmd
		}
		if m.links.open {
			return m.updateLinks(msg)
		}
		return m.updateKeys(msg)
	}
	return nil
}

func (m *Model) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
		m.toEnd = m.rendering // the end is still to come
	case key.Matches(msg, k.Toggle):
		return m.Ask(common.ToggleModeMsg{})
	case key.Matches(msg, k.NextMatch) && m.search.Active():
		// While a search is active n and N move between its matches,
		// as in less and vim; esc ends it and n is the next article again.
		m.search.Step(1)
		m.showMatch()
	case key.Matches(msg, k.PrevMatch) && m.search.Active():
		m.search.Step(-1)
		m.showMatch()
	case key.Matches(msg, k.Model):
		return m.Ask(common.ModelSummaryMsg{})
	case key.Matches(msg, k.Next):
		return m.Ask(common.AdjacentMsg{Dir: 1})
	case key.Matches(msg, k.Prev):
		return m.Ask(common.AdjacentMsg{Dir: -1})
	case key.Matches(msg, k.Back):
		return m.Ask(common.BackMsg{})
	case key.Matches(msg, k.Browser):
		return m.Ask(common.BrowseMsg{URL: m.url()})
	case key.Matches(msg, k.Copy):
		return m.Ask(common.CopyMsg{URL: m.url()})
	case key.Matches(msg, k.Search):
		return m.search.Start()
	case key.Matches(msg, k.Links) && m.ready && m.err == nil:
		return m.openLinks()
	case key.Matches(msg, k.Cancel) && m.loading:
		return m.Ask(common.CancelMsg{})
	case key.Matches(msg, k.EndSearch) && m.search.Active():
		m.search.Reset()
		m.vp.SetContent(m.content)
	case key.Matches(msg, k.List):
		return m.Ask(common.ToListMsg{})
	case key.Matches(msg, k.Help):
		return m.Ask(common.HelpMsg{})
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Read):
		return m.Ask(common.ToggleReadMsg{}) // the open article
	case key.Matches(msg, k.Save):
		return m.Ask(common.ToggleSavedMsg{})
	case key.Matches(msg, k.Refresh):
		return m.Ask(common.StartRefreshMsg{ByKey: true})
	}
	return nil
}

// SearchMatches are the lines of the search's matches, one per match
// (a line with two matches is there twice).
func (m Model) SearchMatches() []int {
	out := make([]int, len(m.search.matches))
	for i, mt := range m.search.matches {
		out[i] = mt.line
	}
	return out
}

// firstKey is how the help names a binding's first key ("n").
func firstKey(b key.Binding) string {
	if len(b.Keys()) == 0 {
		return ""
	}
	return config.KeyLabel(b.Keys()[0])
}

// url is the article's web address, cleaned for the terminal.
func (m Model) url() string {
	if m.art == nil {
		return ""
	}
	return reader.Clean(m.art.URL)
}

// showMatch redraws the highlight and scrolls the match into view.
func (m *Model) showMatch() {
	if !m.ready || m.err != nil {
		return
	}
	yo := m.vp.YOffset
	m.vp.SetContent(m.search.Highlight(m.content))
	m.vp.SetYOffset(yo)
	if line, ok := m.search.Line(); ok && (line < m.vp.YOffset || line >= m.vp.YOffset+m.vp.Height) {
		m.vp.SetYOffset(line - m.vp.Height/3)
	}
}

// View draws header, body and footer in the view's height.
func (m Model) View() string {
	if m.art == nil {
		return ""
	}
	var body string
	switch {
	case m.err != nil:
		body = m.errorView()
	case m.links.open:
		body = m.linksView()
	case !m.ready:
		pad, _ := m.textColumn()
		body = lipgloss.NewStyle().Height(m.vp.Height).PaddingLeft(pad).Render(m.styles.Empty.Render("Loading…"))
	default:
		body = m.vp.View()
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.header(), body, m.Footer())
}
