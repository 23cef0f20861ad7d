package ui

// Library mode: the reader on the subscriptions library (brief with no
// arguments once there are subscriptions). It wraps the reader's Model
// and adds, on the list and in the article: m (read ⇄ unread), b (save),
// r (refresh in the background, new articles appear as they arrive), v
// (all → unread → saved), F (every feed → one feed → …), and on the list
// enter in the / prompt searches every stored article (full text) where
// the plain reader only filters the list. The list requests are in
// library_list.go, the refresh in library_refresh.go.

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Library is the subscriptions library as the reader uses it;
// library.Source implements it. The article list it serves
// (Articles) is one view at a time: changing the view or searching
// replaces it. The methods that read the database are called in Cmds;
// the others answer from memory.
type Library interface {
	Source
	Previewer
	ReadState
	IsSaved(loc string) bool
	// QueueSaved is QueueRead for the saved mark.
	QueueSaved(loc string, saved bool) (wait func() error)
	// NextView cycles all → unread → saved; NextFeed cycles every feed →
	// each feed in turn. Both reload Articles.
	NextView(ctx context.Context) error
	NextFeed(ctx context.Context) error
	// Search replaces Articles with the articles matching query across
	// the whole library, best first; "" goes back to the view. Query is
	// the search shown.
	Search(ctx context.Context, query string) error
	Query() string
	// Snippet is the search snippet of an article of the results, with
	// the matched words' byte ranges.
	Snippet(loc string) (string, [][2]int)
	// Refresh fetches every feed; progress is called after each feed.
	// It returns the closing summary line.
	Refresh(ctx context.Context, progress func(done, total, added int)) (string, error)
	// Reload reads the current view again.
	Reload(ctx context.Context) error
	// Describe names the view for the title bar: "unread · Harbour
	// News", "search “tram”".
	Describe() string
}

// libraryModel is the reader in library mode.
type libraryModel struct {
	Model
	lib  Library
	keys libraryKeyMap

	refreshing bool
	progress   refreshProgressMsg
	events     chan tea.Msg

	searching string            // the query whose results are shown, "" for the view
	snips     map[string]string // the search results' snippets by location
	// List requests run one at a time, in order: listID is the one
	// under way (0 for none), queued the ones after it.
	listID  int
	listSeq int
	queued  []listRequest
}

func newLibraryModel(m Model, lib Library) libraryModel {
	adaptListKeys(&m.list)
	m.article.keys.PageUp = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	k := newLibraryKeyMap()
	m.libKeys = &k
	m.subtitle = lib.Describe()
	return libraryModel{Model: m, lib: lib, keys: k}
}

// adaptListKeys gives b to saving (page up keeps pgup) and says what
// enter does in the / prompt.
func adaptListKeys(l *listModel) {
	l.keys.PageUp = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	l.keys.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter, enter: search all"))
	l.input = newInputKeyMap("search the library", "clear filter")
}

// Init refreshes the library in the background when it says so
// (refresh_on_start), while the stored articles show at once.
func (m libraryModel) Init() tea.Cmd {
	if r, ok := m.lib.(interface{ RefreshOnStart() bool }); ok && r.RefreshOnStart() {
		return tea.Batch(m.Model.Init(), send(startRefreshMsg{}))
	}
	return m.Model.Init()
}

// Update takes the library's keys and messages, and hands the rest to
// the reader.
func (m libraryModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m.handleRunes(msg)
		}
		var ok bool
		if cmd, ok = m.handleKey(msg); !ok {
			return m.toReader(msg)
		}
	case startRefreshMsg:
		cmd = m.startRefresh()
	case refreshProgressMsg:
		cmd = m.handleProgress(msg)
	case refreshDoneMsg:
		cmd = m.handleRefreshDone(msg)
	case listLoadedMsg:
		cmd = m.handleList(msg)
	default:
		return m.toReader(msg)
	}
	return m.settle(cmd)
}

// toReader hands a message to the reader.
func (m libraryModel) toReader(msg tea.Msg) (tea.Model, tea.Cmd) {
	inner, cmd := m.Model.Update(msg)
	m.Model = inner.(Model)
	if lm, ok := msg.(loadedMsg); ok && m.searching != "" && m.snips[lm.Loc] != "" {
		// Search results keep their snippets over the summary line.
		m.list.snippet[lm.Loc] = m.snips[lm.Loc]
	}
	return m, cmd
}

// handleKey takes the library's keys, and enter and esc on the list
// (search), before the reader does.
func (m *libraryModel) handleKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if cmd, ok := m.handleLibraryKey(msg); ok {
		return cmd, true
	}
	if m.screen != screenList {
		return nil, false
	}
	if m.list.Editing() && key.Matches(msg, m.list.input.Accept) {
		q := strings.TrimSpace(m.list.filter.Value())
		inner, cmd := m.Model.Update(msg)
		m.Model = inner.(Model)
		if q == "" {
			return cmd, true
		}
		return tea.Batch(cmd, m.requestList(listSearch, q)), true
	}
	if !m.list.Editing() && m.searching != "" && key.Matches(msg, m.list.keys.ClearFilter) {
		return m.requestList(listSearch, ""), true
	}
	return nil, false
}

// handleRunes takes keys that arrived together one at a time, in order,
// each through the library's keys first. Library requests that need an
// answer queue behind each other (requestList), so "vv" steps twice.
func (m libraryModel) handleRunes(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		one := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
		cmd, ok := m.handleKey(one)
		if !ok {
			cmd = m.Model.handleKey(one)
		}
		cmds = append(cmds, cmd)
	}
	return m.settle(tea.Batch(cmds...))
}

// settle lets the reader catch up with keys handled outside its Update.
func (m libraryModel) settle(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m.sync()
	return m, tea.Batch(cmd, m.pump(), m.startSpinner(), m.saveRead())
}

// handleLibraryKey takes m, b, r, v and F where the reader does not need
// them (not while typing in a prompt).
func (m *libraryModel) handleLibraryKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	var loc string
	switch m.screen {
	case screenList:
		if m.list.Editing() {
			return nil, false
		}
		if a := m.list.Selected(); a != nil {
			loc = a.Location
		}
	case screenArticle:
		if m.article.Searching() {
			return nil, false
		}
		loc = m.current
	default:
		return nil, false
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Read) && loc != "":
		read := !(m.list.seen[loc] || m.lib.IsRead(loc))
		if !read {
			delete(m.list.seen, loc)
		}
		text := "marked unread"
		if read {
			text = "marked read"
		}
		wait := m.lib.QueueRead(loc, read)
		return tea.Batch(m.setStatus(text), waitMarksCmd([]func() error{wait}, "could not save the mark: ")), true
	case key.Matches(msg, k.Save) && loc != "":
		saved := !m.lib.IsSaved(loc)
		text := "no longer saved"
		if saved {
			text = "saved: kept for good, listed under saved (v)"
		}
		wait := m.lib.QueueSaved(loc, saved)
		return tea.Batch(m.setStatus(text), waitMarksCmd([]func() error{wait}, "could not save the mark: ")), true
	case key.Matches(msg, k.Refresh):
		if m.refreshing {
			return m.setStatus("already refreshing"), true
		}
		return send(startRefreshMsg{}), true
	case key.Matches(msg, k.View) && m.screen == screenList:
		return m.requestList(listView, ""), true
	case key.Matches(msg, k.Feed) && m.screen == screenList:
		return m.requestList(listFeed, ""), true
	}
	return nil, false
}
