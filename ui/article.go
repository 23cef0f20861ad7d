package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/brief-news/brief/reader"
)

// footerLink is what the footer says about a previous/next target.
type footerLink struct {
	Text string // the target's headline (cleaned), "" for none
	Note string // kept whole after the headline, e.g. "(not here)"
	OK   bool   // n/p will follow it
}

// articleModel shows one article: header, the rendered body in a
// viewport, and a footer naming the previous and next articles. The root
// decides which article and mode it shows and hands it rendered text.
type articleModel struct {
	asks
	keys   articleKeyMap
	styles *Styles

	art        *reader.Article
	mode       mode
	prev, next footerLink
	content    string // rendered body; "" while loading
	ready      bool
	err        error

	vp      viewport.Model
	search  searchModel
	resume  int  // line to show first when the text arrives (back)
	loading bool // a web load is under way, which esc cancels

	width, height int
}

func newArticleModel(st *Styles, k keyMaps) articleModel {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{} // keys are ours, declared in keys.go
	vp.MouseWheelEnabled = true
	return articleModel{keys: k.article, styles: st, vp: vp, search: newSearchModel(st, k.search)}
}

// SetSize gives the view its lines; the body gets what the header and
// footer leave.
func (m *articleModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.SetWidth(w)
	m.layout()
}

func (m *articleModel) layout() {
	m.vp.Width = m.width
	m.vp.Height = max(m.height-lipgloss.Height(m.header())-footerLines, 1)
	m.vp.SetYOffset(m.vp.YOffset) // re-clamp
}

// SetArticle shows a new article in a mode, waiting for its text.
func (m *articleModel) SetArticle(a *reader.Article, md mode) {
	m.art, m.mode = a, md
	m.content, m.ready, m.err = "", false, nil
	m.resume = 0
	m.search.Reset()
	m.vp.SetContent("")
	m.vp.GotoTop()
	m.layout()
}

// SetMeta replaces the article shown by its fully read self (same place,
// same text): the header gains what reading found, such as a byline.
func (m *articleModel) SetMeta(a *reader.Article) {
	m.art = a
	m.layout()
}

// SetMode switches the badge; the root sends the matching text.
func (m *articleModel) SetMode(md mode) {
	m.mode = md
	m.layout()
}

// SetLinks updates the footer's previous/next targets.
func (m *articleModel) SetLinks(prev, next footerLink) { m.prev, m.next = prev, next }

// SetContent shows rendered text. With keepPlace the reader stays at the
// same relative position (a resize); otherwise the text starts at the top.
func (m *articleModel) SetContent(s string, keepPlace bool) {
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
		m.vp.SetYOffset(m.resume)
	default:
		m.vp.GotoTop()
	}
	m.resume = 0
}

// ResumeAt shows the article from a line once its text is on screen, or
// at once if it already is: going back returns to where the reader was.
func (m *articleModel) ResumeAt(line int) {
	if m.ready && m.err == nil {
		m.vp.SetYOffset(line)
		return
	}
	m.resume = line
}

// SetWaiting shows the loading note until SetContent.
func (m *articleModel) SetWaiting() {
	m.ready, m.err = false, nil
}

// SetError shows why the article cannot be shown.
func (m *articleModel) SetError(err error) {
	m.err, m.ready = err, true
	m.vp.SetContent("")
}

// SetLoading says whether a web load is under way (esc cancels it).
func (m *articleModel) SetLoading(on bool) { m.loading = on }

// Ready reports whether the current article's text is on screen.
func (m articleModel) Ready() bool { return m.ready }

// Searching reports whether the search prompt has the keyboard.
func (m articleModel) Searching() bool { return m.search.Editing() }

// ShortHelp is the help line: the keys that do something now (the
// search prompt's while it is open).
func (m articleModel) ShortHelp() []key.Binding {
	if m.search.Editing() {
		return m.search.keys.ShortHelp()
	}
	k := m.keys
	k.Cancel.SetEnabled(m.loading)
	has := m.search.HasMatches()
	k.NextMatch.SetEnabled(has)
	k.PrevMatch.SetEnabled(has)
	k.EndSearch.SetEnabled(!m.loading && m.search.Active())
	k.Browser.SetEnabled(m.art != nil && m.art.URL != "")
	k.Copy.SetEnabled(m.art != nil && m.art.URL != "")
	return k.ShortHelp()
}

// FullHelp is every key of the article view, for the help screen.
func (m articleModel) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Update handles keys and the mouse wheel.
func (m *articleModel) Update(msg tea.Msg) tea.Cmd {
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
		return m.updateKeys(msg)
	}
	return nil
}

func (m *articleModel) updateKeys(msg tea.KeyMsg) tea.Cmd {
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
	case key.Matches(msg, k.Toggle):
		return m.ask(toggleModeMsg{})
	case key.Matches(msg, k.Next):
		return m.ask(adjacentMsg{Dir: 1})
	case key.Matches(msg, k.Prev):
		return m.ask(adjacentMsg{Dir: -1})
	case key.Matches(msg, k.Back):
		return m.ask(backMsg{})
	case key.Matches(msg, k.Browser):
		return m.ask(browseMsg{URL: m.url()})
	case key.Matches(msg, k.Copy):
		return m.ask(copyMsg{URL: m.url()})
	case key.Matches(msg, k.Search):
		return m.search.Start()
	case key.Matches(msg, k.NextMatch):
		m.search.Step(1)
		m.showMatch()
	case key.Matches(msg, k.PrevMatch):
		m.search.Step(-1)
		m.showMatch()
	case key.Matches(msg, k.Cancel) && m.loading:
		return m.ask(cancelMsg{})
	case key.Matches(msg, k.EndSearch) && m.search.Active():
		m.search.Reset()
		m.vp.SetContent(m.content)
	case key.Matches(msg, k.List):
		return m.ask(toListMsg{})
	case key.Matches(msg, k.Help):
		return m.ask(helpMsg{})
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Read):
		return m.ask(toggleReadMsg{}) // the open article
	case key.Matches(msg, k.Save):
		return m.ask(toggleSavedMsg{})
	case key.Matches(msg, k.Refresh):
		return m.ask(startRefreshMsg{ByKey: true})
	}
	return nil
}

// url is the article's web address, cleaned for the terminal.
func (m articleModel) url() string {
	if m.art == nil {
		return ""
	}
	return reader.Clean(m.art.URL)
}

// showMatch redraws the highlight and scrolls the match into view.
func (m *articleModel) showMatch() {
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
func (m articleModel) View() string {
	if m.art == nil {
		return ""
	}
	var body string
	switch {
	case m.err != nil:
		body = m.errorView()
	case !m.ready:
		pad, _ := m.textColumn()
		body = lipgloss.NewStyle().Height(m.vp.Height).PaddingLeft(pad).Render(m.styles.Empty.Render("Loading…"))
	default:
		body = m.vp.View()
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.header(), body, m.footer())
}
