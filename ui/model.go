package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/article"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/feeds"
	"github.com/brief-news/brief/ui/help"
	"github.com/brief-news/brief/ui/list"
	"github.com/brief-news/brief/ui/modelsum"
	"github.com/brief-news/brief/ui/present"
	"github.com/brief-news/brief/ui/status"
)

// screen is what fills the window.
type screen int

const (
	screenList screen = iota
	screenArticle
	screenHelp
	screenFeeds // library mode's feed list
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
	skippedListMax = 3 // file warnings named in the status bar
)

// deps are the model's collaborators, all replaceable in tests. lib is
// a capability: the subscriptions library in library mode, nil outside
// it (then src and read are the collection and its marks).
type deps struct {
	src     Source
	sum     Summarizer
	read    ReadState
	lib     Library
	after   afterFunc
	openURL func(string) error
	copy    func(string) error
	// keys and colors are the user's [keys] and [colors] (config.toml);
	// the zero values are the defaults.
	keys   config.Keys
	colors config.Colors
	// model asks a language model for summaries (S); nil without a
	// [model] section. modelFirst (summary = "model") asks for the
	// open article's by itself.
	model      ModelSummarizer
	modelFirst bool
}

// visit is a place in the path taken: an article and how far down it
// the reader was.
type visit struct {
	loc    string
	offset int
}

// Model is the reader's root: it owns the screen, which article is open,
// the path taken, the caches and all background work, and dispatches
// keys to the view in front (a child, a common.Component: the list in
// ui/list, the article in ui/article, or the help screen in ui/help). In library mode (deps.lib) it also runs the library's list
// requests and refresh (library.go).
type Model struct {
	deps
	ctx    context.Context
	styles *common.Styles
	ropts  renderOptions

	width, height int
	screen        screen
	helpFrom      screen // the screen the help screen returns to

	list     list.Model
	article  article.Model
	help     help.Model
	feeds    feeds.Model
	helpLine help.Line
	status   status.Model
	marks    *marks

	current string  // location of the open article; "" on the list
	mode    mode    // full text or summary, kept from article to article
	history []visit // the articles read before current, for back
	web     map[string]*reader.Article
	routes  routeCache // where n and p lead from current (adjacent.go)

	cache    *cache
	shown    renderKey // what the article view shows
	shownLen int       // the bytes of its text shown: more pieces may follow

	fetch struct {
		id     int
		url    string
		title  string // the link's headline, for an error view
		cancel context.CancelFunc
	}
	libmode libraryState   // library mode's refresh and list requests
	models  modelsum.State // the model's summaries (S, ui/modelsum; modelsummary.go)
}

// newModel builds the root over its collaborators; the keys are those of
// library mode when d.lib is set.
func newModel(ctx context.Context, d deps, ro renderOptions) Model {
	st := common.NewStyles(d.colors)
	var saved savedMarks
	if d.lib != nil {
		saved = d.lib
	}
	k := common.NewKeyMaps(d.lib != nil, d.keys)
	mk := newMarks(d.read, saved)
	m := Model{
		deps: d, ctx: ctx, styles: &st, ropts: ro,
		list:     list.New(d.src.Articles(), &st, k.List, k.Filter, mk),
		article:  article.New(&st, k.Article, k.Search),
		help:     help.New(&st, k.Help),
		feeds:    feeds.New(&st, k.Feeds),
		helpLine: help.NewLine(&st),
		status:   status.New(status.Styles{Spinner: st.Spinner, Text: st.Status, Message: st.StatusMsg}, status.After(d.after)),
		marks:    mk,
		web:      map[string]*reader.Article{},
		cache:    newCache(),
		models:   modelsum.New(d.model, d.modelFirst),
	}
	if d.lib != nil {
		m.list.SetTitle(d.lib.Describe())
	}
	if s := present.SkippedNotice(d.src.Skipped(), skippedListMax); s != "" {
		m.status.Set(s, "", statusLongTTL) // Init fades it
	}
	return m
}

// Init fades the start-up warnings, and in library mode refreshes the
// library in the background when it says so (refresh_on_start), while
// the stored articles show at once.
func (m Model) Init() tea.Cmd {
	var cmd tea.Cmd
	if m.status.Text() != "" {
		cmd = m.status.Fade(statusLongTTL)
	}
	if m.lib != nil && m.lib.RefreshOnStart() {
		cmd = tea.Batch(cmd, send(common.StartRefreshMsg{}))
	}
	return cmd
}

// Update dispatches a message, then keeps the article view in step with
// the caches and starts whatever background work the new state needs.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	cmd = tea.Batch(cmd, m.syncModel())
	m.sync()
	m.article.SetLoading(m.cancellable())
	cmd = tea.Batch(cmd, m.pump(), m.status.Spin(m.busy()), m.marks.Pending())
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return tea.Batch(m.child().Update(msg), m.handleIntents())
	case loadedMsg:
		if m.cache.loaded(msg) && msg.Err == nil {
			m.list.SetLine(msg.Loc, firstSentence(msg.Summary))
			if msg.Loc == m.current && msg.Article != nil {
				m.article.SetMeta(msg.Article)
			}
		}
	case renderedMsg:
		if k := msg.Key; m.models.Stale(k.Loc, k.Mode, k.Variant) {
			m.cache.stop(k) // a model summary's older piece
			return nil
		}
		return m.cache.rendered(msg, m.width, m.ropts)
	case pieceMsg:
		if k := msg.Key; m.models.Stale(k.Loc, k.Mode, k.Variant) {
			m.cache.stop(k)
			return nil
		}
		return m.cache.piece(msg, m.width)
	case fetchedMsg:
		return m.handleFetched(msg)
	case common.OpenMsg:
		m.history = nil
		m.goTo(msg.Loc)
	case common.AdjacentMsg:
		return m.adjacent(msg.Dir)
	case common.BackMsg:
		m.back()
	case common.ToListMsg:
		m.toList()
	case common.ToggleModeMsg:
		m.mode = 1 - m.mode
		m.article.SetMode(m.mode)
	case common.CancelMsg:
		if m.fetch.cancel == nil && m.models.Cancel(m.current) {
			return m.setStatus("summary cancelled")
		}
		return m.cancelFetch("loading cancelled")
	case common.ModelSummaryMsg, modelProgressMsg, modelDoneMsg:
		return m.updateModelSummary(msg)
	case common.HelpMsg:
		m.showHelp()
	case common.CloseHelpMsg:
		m.screen = m.helpFrom
	case common.BrowseMsg:
		return externalCmd(m.openURL, msg.URL, "opened in the browser")
	case common.CopyMsg:
		return externalCmd(m.copy, msg.URL, "link copied")
	case common.FollowLinkMsg:
		return m.followLink(msg.URL, msg.Title)
	case common.StatusMsg:
		return m.setStatus(msg.Text)
	case externalMsg:
		if msg.Err != nil {
			return m.setStatus(msg.Err.Error())
		}
		return m.setStatus(msg.Done)
	case statusMsg:
		return m.status.Set(msg.Text, "", statusTTL) // from the background, about no article
	case status.ClearMsg:
		m.status.Clear(msg)
	case status.TickMsg:
		return m.status.Tick(msg, m.busy())
	case common.FeedsMsg, feedsLoadedMsg, common.ShowFeedMsg, common.MarkFeedReadMsg, common.CloseFeedsMsg:
		return m.updateFeeds(msg)
	case common.StartRefreshMsg, refreshProgressMsg, refreshDoneMsg, common.ListRequestMsg, listLoadedMsg, common.ToggleReadMsg, common.ToggleSavedMsg:
		return m.updateLibrary(msg)
	}
	return nil
}

// setSize records the window size and hands every child the lines above
// the status bar and the help line.
func (m *Model) setSize(w, h int) {
	if w != m.width {
		m.cache.keepWidth(w)
	}
	m.width, m.height = w, h
	for _, c := range []common.Component{&m.list, &m.article, &m.help, &m.feeds} {
		c.SetSize(w, max(h-barLines, 3))
	}
}

// barLines is the status bar and the help line under every screen.
const barLines = 2

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
	m.article.SetLoading(m.cancellable())
	return tea.Batch(m.child().Update(msg), m.handleIntents())
}

// handleIntents handles what a child's Update asked of the root, at
// once, so that the next key finds the screen it brought about.
func (m *Model) handleIntents() tea.Cmd {
	var cmds []tea.Cmd
	for _, c := range []common.Component{&m.list, &m.article, &m.help, &m.feeds} {
		if in := c.TakeIntent(); in != nil {
			cmds = append(cmds, m.update(in))
		}
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

// showHelp shows every key of the screen in front.
func (m *Model) showHelp() {
	name := "list"
	switch m.screen {
	case screenArticle:
		name = "article"
	case screenFeeds:
		name = "feeds"
	}
	if m.lib != nil {
		name += " (library)"
	}
	m.help.Show(name, m.child().FullHelp())
	m.helpFrom, m.screen = m.screen, screenHelp
}

// setStatus shows a message about the open article: opening another
// clears it.
func (m *Model) setStatus(s string) tea.Cmd { return m.status.Set(s, m.current, statusTTL) }

// cancellable reports whether esc in the article cancels something: a
// web load, or the open article's model summary.
func (m Model) cancellable() bool {
	return m.fetch.cancel != nil || m.models.LiveFor(m.current)
}

// busy reports whether something the reader waits for is loading.
func (m Model) busy() bool {
	if m.fetch.cancel != nil {
		return true
	}
	return m.screen == screenArticle && m.current != "" && !m.article.Ready()
}

// child is the view in front.
func (m *Model) child() common.Component {
	switch m.screen {
	case screenList:
		return &m.list
	case screenArticle:
		return &m.article
	case screenFeeds:
		return &m.feeds
	}
	return &m.help
}
