package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
)

// screen is what fills the window.
type screen int

const (
	screenList screen = iota
	screenArticle
	screenHelp
)

// Minimum window size; below it the reader shows a note instead.
const (
	minWidth  = 40
	minHeight = 10
)

// How long status messages stay.
const (
	statusTTL      = 4 * time.Second
	statusLongTTL  = 10 * time.Second
	spinnerEvery   = 100 * time.Millisecond
	skippedListMax = 3 // file warnings named in the status bar
)

// deps are the model's collaborators, all replaceable in tests.
type deps struct {
	src     Source
	sum     Summarizer
	read    ReadState
	after   afterFunc
	openURL func(string) error
	copy    func(string) error
}

// visit is a place in the path taken: an article and how far down it
// the reader was.
type visit struct {
	loc    string
	offset int
}

// Model is the reader's root: it owns the screen, which article is open,
// the path taken, the caches and all background work, and dispatches
// keys to the list and article views.
type Model struct {
	deps
	ctx    context.Context
	styles *Styles
	ropts  renderOptions

	width, height int
	screen        screen
	helpFrom      screen
	helpTop       int // first line of the help screen shown (small windows)

	list    listModel
	article articleModel
	help    help.Model

	current string   // location of the open article; "" on the list
	mode    mode     // full text or summary, kept from article to article
	history []visit  // the articles read before current, for back
	unsaved []string // opened articles not yet handed to the ReadState
	web     map[string]*reader.Article
	routes  routeCache // where n and p lead from current (adjacent.go)

	cache *cache
	shown renderKey // what the article view shows

	fetch struct {
		id     int
		url    string
		title  string // the link's headline, for an error view
		cancel context.CancelFunc
	}
	status   string
	statusID int
	statusOn struct { // the article open when status statusID was set
		loc string
		id  int
	}
	spinID   int
	spinning bool
	spin     int

	// What library mode adds to the chrome (library.go sets them):
	// the name of the view beside the title, the background task under
	// way for the status bar ("refreshing 3/12"), and its keys for the
	// help. Outside library mode they are empty.
	subtitle string
	task     string
	libKeys  *libraryKeyMap
}

// newModel builds the root over its collaborators.
func newModel(ctx context.Context, d deps, ro renderOptions) Model {
	st := DefaultStyles()
	h := help.New()
	h.Styles.ShortKey = st.Status.Bold(true)
	h.Styles.ShortDesc = st.Status
	h.Styles.FullKey = st.Prompt
	h.Styles.FullDesc = st.Title
	m := Model{
		deps: d, ctx: ctx, styles: &st, ropts: ro, help: h,
		list:    newListModel(d.src.Articles(), &st, d.read),
		article: newArticleModel(&st),
		web:     map[string]*reader.Article{},
		cache:   newCache(),
	}
	if s := skippedText(d.src.Skipped()); s != "" {
		m.status, m.statusID = s, 1
	}
	return m
}

// Init fades the start-up warnings.
func (m Model) Init() tea.Cmd {
	if m.status == "" {
		return nil
	}
	return m.after(statusLongTTL, clearStatusMsg{ID: m.statusID})
}

// Update dispatches a message, then keeps the article view in step with
// the caches and starts whatever background work the new state needs.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.sync()
	cmd = tea.Batch(cmd, m.pump(), m.startSpinner(), m.saveRead())
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case loadedMsg:
		if m.cache.loaded(msg) && msg.Err == nil {
			m.list.snippet[msg.Loc] = firstSentence(msg.Summary)
			if msg.Loc == m.current && msg.Article != nil {
				m.article.SetMeta(msg.Article)
			}
		}
	case renderedMsg:
		m.cache.rendered(msg, m.width)
	case fetchedMsg:
		return m.handleFetched(msg)
	case openMsg:
		m.history = nil
		m.goTo(msg.Loc)
	case adjacentMsg:
		return m.adjacent(msg.Dir)
	case backMsg:
		m.back()
	case toListMsg:
		m.toList()
	case toggleModeMsg:
		m.mode = 1 - m.mode
		m.article.SetMode(m.mode)
	case cancelMsg:
		return m.cancelFetch("loading cancelled")
	case helpMsg:
		m.helpFrom, m.screen, m.helpTop = m.screen, screenHelp, 0
	case browseMsg:
		return externalCmd(m.openURL, msg.URL, "opened in the browser")
	case copyMsg:
		return externalCmd(m.copy, msg.URL, "link copied")
	case externalMsg:
		if msg.Err != nil {
			return m.setStatus(msg.Err.Error())
		}
		return m.setStatus(msg.Done)
	case statusMsg:
		cmd := m.setStatus(msg.Text)
		m.statusOn.loc = "" // from the background, about no article
		return cmd
	case clearStatusMsg:
		if msg.ID == m.statusID {
			m.status = ""
		}
	case spinMsg:
		return m.handleSpin(msg)
	}
	return nil
}

// setSize records the window size and hands the children theirs.
func (m *Model) setSize(w, h int) {
	if w != m.width {
		m.cache.keepWidth(w)
	}
	m.width, m.height = w, h
	m.list.SetSize(w, max(h-m.listChrome(), rowHeight))
	m.article.SetSize(w, max(h-barLines, 3))
	m.help.Width = w - 2
}

// barLines is the status bar and the help line under every screen.
const barLines = 2

// listChrome is the lines around the list: its title and the bars.
func (m Model) listChrome() int {
	if m.height < 14 {
		return 1 + barLines
	}
	return 2 + barLines
}

// handleKey gives a key to the screen that has the keyboard.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	// Keys typed faster than the terminal is read arrive as one message
	// ("/mackerel"): take them one at a time, as typed.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		return m.handleRunes(msg)
	}
	var cmd tea.Cmd
	switch m.screen {
	case screenHelp:
		k := newHelpKeyMap()
		switch {
		case key.Matches(msg, k.Close):
			m.screen = m.helpFrom
		case key.Matches(msg, k.Down):
			m.helpTop = min(m.helpTop+1, m.helpMaxTop())
		case key.Matches(msg, k.Up):
			m.helpTop = max(m.helpTop-1, 0)
		}
	case screenList:
		m.list, cmd = m.list.Update(msg)
	case screenArticle:
		m.article, cmd = m.article.Update(msg, m.fetch.cancel != nil)
	}
	return tea.Batch(cmd, m.handleIntents())
}

// handleIntents handles what a child's Update asked of the root, at
// once, so that the next key finds the screen it brought about.
func (m *Model) handleIntents() tea.Cmd {
	var cmds []tea.Cmd
	if in := m.list.intent; in != nil {
		m.list.intent = nil
		cmds = append(cmds, m.update(in))
	}
	if in := m.article.intent; in != nil {
		m.article.intent = nil
		cmds = append(cmds, m.update(in))
	}
	return tea.Batch(cmds...)
}

// handleRunes handles keys that arrived together ("/mackerel" typed
// faster than the terminal is read) one at a time, in order: each key's
// intent is handled before the next key (see handleIntents).
func (m *Model) handleRunes(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

// handleMouse scrolls the list or the article.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	var cmd tea.Cmd
	switch m.screen {
	case screenList:
		m.list, cmd = m.list.Update(msg)
	case screenArticle:
		m.article, cmd = m.article.Update(msg, false)
	}
	return tea.Batch(cmd, m.handleIntents())
}
