package ui

// Library mode: the reader on the subscriptions library (brief with no
// arguments once there are subscriptions). It wraps the reader's Model
// and adds, on the list and in the article: m (read ⇄ unread), b (save),
// r (refresh in the background, new articles appear as they arrive), v
// (all → unread → saved), F (every feed → one feed → …), and on the list
// enter in the / prompt searches every stored article (full text) where
// the plain reader only filters the list.

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// Library is the subscriptions library as the reader uses it;
// reader/library.Source implements it. The article list it serves
// (Articles) is one view at a time: changing the view or searching
// replaces it.
type Library interface {
	Source
	ReadState
	SetRead(loc string, read bool) error
	IsSaved(loc string) bool
	SetSaved(loc string, saved bool) error
	// NextView cycles all → unread → saved; NextFeed cycles every feed →
	// each feed in turn. Both reload Articles.
	NextView(ctx context.Context) error
	NextFeed(ctx context.Context) error
	// Search replaces Articles with the articles matching query across
	// the whole library, best first; "" goes back to the view.
	Search(ctx context.Context, query string) error
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

// libraryKeyMap holds the keys library mode adds.
type libraryKeyMap struct {
	Read, Save, Refresh, View, Feed key.Binding
}

func newLibraryKeyMap() libraryKeyMap {
	return libraryKeyMap{
		Read:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read ⇄ unread")),
		Save:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "save")),
		Refresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		View:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "all/unread/saved")),
		Feed:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "feed")),
	}
}

// Messages of library mode.
type (
	refreshProgressMsg struct{ done, total, added int }
	refreshDoneMsg     struct {
		summary string
		err     error
	}
	refreshTickMsg  struct{}
	startRefreshMsg struct{}
	searchDoneMsg   struct {
		query string
		err   error
	}
)

// libraryModel is the reader in library mode.
type libraryModel struct {
	Model
	lib  Library
	keys libraryKeyMap

	refreshing bool
	progress   refreshProgressMsg
	events     chan tea.Msg
	frame      int
	searching  string // the query whose results are shown, "" for the view
}

func newLibraryModel(m Model, lib Library) libraryModel {
	adaptListKeys(&m.list)
	m.article.keys.PageUp = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	return libraryModel{Model: m, lib: lib, keys: newLibraryKeyMap()}
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
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if cmd, ok := m.handleLibraryKey(msg); ok {
			return m, cmd
		}
		if m.screen == screenList && m.list.Editing() && key.Matches(msg, m.list.input.Accept) {
			q := strings.TrimSpace(m.list.filter.Value())
			inner, cmd := m.Model.Update(msg)
			m.Model = inner.(Model)
			if q == "" {
				return m, cmd
			}
			return m, tea.Batch(cmd, m.searchCmd(q))
		}
		if m.screen == screenList && !m.list.Editing() && m.searching != "" && key.Matches(msg, m.list.keys.ClearFilter) {
			return m, m.searchCmd("")
		}
	case refreshProgressMsg:
		m.progress = msg
		if msg.added > 0 && m.searching == "" {
			m.reloadList()
		}
		return m, m.waitEvent()
	case refreshDoneMsg:
		m.refreshing = false
		m.events = nil
		text := msg.summary
		if msg.err != nil {
			text = "refresh: " + msg.err.Error()
		}
		if m.searching == "" {
			m.reloadList()
		}
		m.statusID++
		m.status = reader.Clean(text)
		return m, m.after(statusLongTTL, clearStatusMsg{ID: m.statusID})
	case startRefreshMsg:
		if m.refreshing {
			return m, nil
		}
		return m, m.startRefresh()
	case refreshTickMsg:
		if !m.refreshing {
			return m, nil
		}
		m.frame++
		return m, m.after(spinnerEvery, refreshTickMsg{})
	case searchDoneMsg:
		if msg.err != nil {
			return m, m.setStatus("search: " + msg.err.Error())
		}
		m.searching = msg.query
		m.reloadList()
		if msg.query != "" {
			m.list.clearFilter()
			for _, a := range m.list.items {
				if s, hl := m.lib.Snippet(a.Location); s != "" {
					m.list.snippet[a.Location] = highlightSnippet(s, hl)
				}
			}
			return m, m.setStatus(plural(len(m.list.items), "article") + " match “" + msg.query + "” (esc: back to the list)")
		}
		return m, m.setStatus(m.lib.Describe())
	}
	inner, cmd := m.Model.Update(msg)
	m.Model = inner.(Model)
	if lm, ok := msg.(loadedMsg); ok && m.searching != "" {
		// Search results keep their snippets over the summary line.
		if s, hl := m.lib.Snippet(lm.Loc); s != "" {
			m.list.snippet[lm.Loc] = highlightSnippet(s, hl)
		}
	}
	return m, cmd
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
		return tea.Batch(m.setStatus(text), markCmd(func() error { return m.lib.SetRead(loc, read) })), true
	case key.Matches(msg, k.Save) && loc != "":
		saved := !m.lib.IsSaved(loc)
		text := "no longer saved"
		if saved {
			text = "saved: kept for good, listed under saved (v)"
		}
		return tea.Batch(m.setStatus(text), markCmd(func() error { return m.lib.SetSaved(loc, saved) })), true
	case key.Matches(msg, k.Refresh):
		if m.refreshing {
			return m.setStatus("already refreshing"), true
		}
		return m.startRefresh(), true
	case key.Matches(msg, k.View) && m.screen == screenList:
		return m.switchView(m.lib.NextView), true
	case key.Matches(msg, k.Feed) && m.screen == screenList:
		return m.switchView(m.lib.NextFeed), true
	}
	return nil, false
}

// markCmd writes a mark off the UI loop (the library may be busy with a
// refresh's transaction); the mark shows at once, an error comes back.
func markCmd(write func() error) tea.Cmd {
	return func() tea.Msg {
		if err := write(); err != nil {
			return statusMsg{Text: err.Error()}
		}
		return nil
	}
}

func (m *libraryModel) switchView(next func(context.Context) error) tea.Cmd {
	m.searching = ""
	if err := next(m.ctx); err != nil {
		return m.setStatus(err.Error())
	}
	m.list.clearFilter()
	m.reloadList()
	m.list.cursor, m.list.offset = 0, 0
	m.list.clamp()
	return m.setStatus(m.lib.Describe())
}

// startRefresh runs the refresh in the background; its progress comes
// back as messages, one feed at a time.
func (m *libraryModel) startRefresh() tea.Cmd {
	m.refreshing = true
	m.progress = refreshProgressMsg{}
	events := make(chan tea.Msg, 16)
	m.events = events
	lib, ctx := m.lib, m.ctx
	go func() {
		summary, err := lib.Refresh(ctx, func(done, total, added int) {
			events <- refreshProgressMsg{done: done, total: total, added: added}
		})
		events <- refreshDoneMsg{summary: summary, err: err}
	}()
	return tea.Batch(m.waitEvent(), m.after(spinnerEvery, refreshTickMsg{}))
}

// waitEvent delivers the refresh's next message.
func (m libraryModel) waitEvent() tea.Cmd {
	ch := m.events
	if ch == nil {
		return nil
	}
	return func() tea.Msg { return <-ch }
}

func (m libraryModel) searchCmd(q string) tea.Cmd {
	lib, ctx := m.lib, m.ctx
	return func() tea.Msg { return searchDoneMsg{query: q, err: lib.Search(ctx, q)} }
}

// reloadList shows the library's current articles, keeping the
// selection and the summary lines already made.
func (m *libraryModel) reloadList() {
	if m.searching == "" {
		if err := m.lib.Reload(m.ctx); err != nil {
			m.status = reader.Clean(err.Error())
			return
		}
	}
	sel := m.list.Selected()
	lm := newListModel(m.lib.Articles(), m.styles, m.read)
	lm.snippet = m.list.snippet
	lm.seen = m.list.seen
	adaptListKeys(&lm)
	lm.SetSize(m.list.width, m.list.height)
	m.list = lm
	if sel != nil {
		m.list.Select(sel.Location)
	}
}

// View is the reader's, with the library's title, refresh spinner and
// keys.
func (m libraryModel) View() string {
	out := m.Model.View()
	if m.width < minWidth || m.height < minHeight || m.width == 0 {
		return out
	}
	lines := strings.Split(out, "\n")
	if m.screen == screenHelp {
		m.libraryHelp(lines)
	}
	if m.screen == screenList && len(lines) > 0 {
		title := " " + m.styles.AppTitle.Render("brief") + "  " + m.styles.Meta.Render(m.lib.Describe())
		lines[0] = ansi.Truncate(title, m.width, "…")
	}
	if m.refreshing && len(lines) >= 2 {
		p := m.progress
		text := "refreshing"
		if p.total > 0 {
			text += " " + itoa(p.done) + "/" + itoa(p.total)
		}
		left := " " + m.styles.Spinner.Render(spinFrames[m.frame%len(spinFrames)]) + " " + m.styles.Status.Render(text)
		right := m.styles.Status.Render(m.countText(false))
		gap := max(m.width-lipgloss.Width(left)-lipgloss.Width(right)-1, 1)
		lines[len(lines)-2] = ansi.Truncate(left+strings.Repeat(" ", gap)+right, m.width, "")
	}
	if (m.screen == screenList && !m.list.Editing()) || m.screen == screenArticle {
		k := m.keys
		var keys []key.Binding
		if m.screen == screenList {
			keys = []key.Binding{m.list.keys.Open, k.Read, k.Save, k.Refresh, k.View, k.Feed, m.list.keys.Filter, m.list.keys.Quit, m.list.keys.Help}
		} else {
			ak := m.article.keys
			keys = []key.Binding{ak.Toggle, ak.Next, ak.Prev, k.Read, k.Save, ak.List, ak.Help}
		}
		lines[len(lines)-1] = ansi.Truncate(" "+m.help.ShortHelpView(keys), m.width, "")
	}
	return strings.Join(lines, "\n")
}

// snippetLead is how much text a list snippet keeps before its first
// match.
const snippetLead = 40

// libraryHelp writes the help screen with the library's keys added
// over the reader's (the body lines of the screen).
func (m libraryModel) libraryHelp(lines []string) {
	var name string
	var groups [][]key.Binding
	k := m.keys
	switch m.helpFrom {
	case screenArticle:
		name, groups = "article", m.article.keys.FullHelp()
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh})
	default:
		name, groups = "list", m.list.keys.FullHelp()
		groups = append(groups, []key.Binding{k.Read, k.Save, k.Refresh, k.View, k.Feed})
	}
	page := strings.Split(lipgloss.NewStyle().Padding(1, 2).Render(
		m.styles.HelpTitle.Render("Keys: "+name+" (library)")+"\n\n"+m.fullHelp(groups, m.width-4)), "\n")
	page = page[min(m.helpTop, len(page)-1):]
	body := m.height - barLines
	for i := 0; i < body && i < len(lines); i++ {
		l := ""
		if i < len(page) {
			l = page[i]
		}
		lines[i] = ansi.Truncate(l, m.width, "")
	}
}

// highlightSnippet shows the matched words of a search snippet in
// reverse video, on one line.
func highlightSnippet(s string, hl [][2]int) string {
	// Start shortly before the first match, so that it is on screen.
	if len(hl) > 0 && hl[0][0] > snippetLead {
		cut := strings.IndexByte(s[hl[0][0]-snippetLead:], ' ')
		if cut >= 0 && hl[0][0]-snippetLead+cut < hl[0][0] {
			off := hl[0][0] - snippetLead + cut + 1
			s = "…" + s[off:]
			shifted := make([][2]int, len(hl))
			for i, r := range hl {
				shifted[i] = [2]int{r[0] - off + len("…"), r[1] - off + len("…")}
			}
			hl = shifted
		}
	}
	hi := lipgloss.NewStyle().Reverse(true)
	var b strings.Builder
	at := 0
	for _, r := range hl {
		if r[0] < at || r[1] > len(s) || r[0] >= r[1] {
			continue
		}
		b.WriteString(s[at:r[0]])
		b.WriteString(hi.Render(s[r[0]:r[1]]))
		at = r[1]
	}
	b.WriteString(s[at:])
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\n", " ")), " ")
}

func itoa(n int) string { return strconv.Itoa(n) }
