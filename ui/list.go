package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// rowHeight is the lines one article takes in the list.
const rowHeight = 2

// filterState says whether the list is filtered and by whom.
type filterState int

const (
	filterOff     filterState = iota
	filterEditing             // the prompt has the keyboard
	filterApplied             // enter kept the filter
)

// listModel is the article list under its title: rows of headline,
// meta and the first summary sentence, with a word filter. It owns the
// selection and what it lists (in library mode a view or a search's
// results, which Replace changes); it asks the marks which rows are read
// and saved, and the root gives it the summary lines.
type listModel struct {
	asks
	keys    listKeyMap
	input   inputKeyMap
	styles  *Styles
	marks   *marks
	items   []*reader.Article
	snippet map[string]string // first summary sentence by location

	// In library mode: the view's name beside the title ("unread ·
	// Harbour News"), and the search listed ("" for the view) with its
	// snippets, which stand in for the rows' summary lines.
	title string
	query string
	snips map[string]string

	shown  []int // indexes into items, in display order
	cursor int   // index into shown
	offset int   // first row of shown on screen
	state  filterState
	filter textinput.Model

	width      int
	height     int // the rows' lines, under the title
	titleLines int
}

func newListModel(items []*reader.Article, st *Styles, k keyMaps, mk *marks) listModel {
	m := listModel{
		keys: k.list, input: k.filter, styles: st, marks: mk,
		items: items, snippet: map[string]string{}, filter: newFilterInput(st),
	}
	m.applyFilter()
	return m
}

// newFilterInput is the / prompt, empty.
func newFilterInput(st *Styles) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "filter by title or source"
	ti.PromptStyle = st.Prompt
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// SetSize gives the list the lines it may fill: the title takes one or,
// with room, two (a blank line under it); the rows get the rest.
func (m *listModel) SetSize(w, h int) {
	m.titleLines = 2
	if h < 12 {
		m.titleLines = 1
	}
	m.width, m.height = w, max(h-m.titleLines, rowHeight)
	m.filter.Width = max(w/2-4, 8)
	m.clamp()
}

// Replace lists other articles (library mode: the answer to a change of
// view, a search or a reload), keeping the summary lines already made;
// a search's snippets replace them. A reload keeps the filter and the
// article the user moved the cursor to; a cursor on the first row stays
// on the first row, so that new articles arriving above it (a refresh)
// are not skipped. A new view or search (fresh) starts at the top,
// unfiltered.
func (m *listModel) Replace(arts []*reader.Article, title, query string, snips map[string]string, fresh bool) {
	sel := m.Selected()
	if m.cursor == 0 {
		sel = nil
	}
	m.items, m.title, m.query, m.snips = arts, title, query, snips
	for loc, s := range snips {
		m.snippet[loc] = s
	}
	if fresh {
		m.filter, m.state = newFilterInput(m.styles), filterOff
		m.filter.Width = max(m.width/2-4, 8)
	}
	m.applyFilter()
	if sel != nil && !fresh {
		m.Select(sel.Location)
	}
}

// SetLine sets an article's summary line; a search's results keep their
// snippets.
func (m *listModel) SetLine(loc, line string) {
	if m.query != "" && m.snips[loc] != "" {
		return
	}
	m.snippet[loc] = line
}

// rowsOnScreen is how many articles fit.
func (m listModel) rowsOnScreen() int { return max(m.height/rowHeight, 1) }

// Selected returns the article under the cursor, or nil.
func (m listModel) Selected() *reader.Article {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return nil
	}
	return m.items[m.shown[m.cursor]]
}

// Select moves the cursor to the article at loc when it is shown.
func (m *listModel) Select(loc string) {
	for i, idx := range m.shown {
		if m.items[idx].Location == loc {
			m.cursor = i
			m.clamp()
			return
		}
	}
}

// Visible lists the articles on screen, for lazy summary lines.
func (m listModel) Visible() []*reader.Article {
	var out []*reader.Article
	for i := m.offset; i < len(m.shown) && i < m.offset+m.rowsOnScreen(); i++ {
		out = append(out, m.items[m.shown[i]])
	}
	return out
}

// Editing reports whether the filter prompt has the keyboard.
func (m listModel) Editing() bool { return m.state == filterEditing }

// ShortHelp is the help line: the prompt's keys while it is open.
func (m listModel) ShortHelp() []key.Binding {
	if m.state == filterEditing {
		return m.input.ShortHelp()
	}
	k := m.keys
	k.ClearFilter.SetEnabled(m.state == filterApplied)
	return k.ShortHelp()
}

// FullHelp is every key of the list, for the help screen.
func (m listModel) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// FilterText describes the filter for the status bar ("" when off).
func (m listModel) FilterText() string {
	if m.state == filterOff {
		return ""
	}
	return "filter “" + m.filter.Value() + "”"
}

// PromptView is the / prompt, for the status bar while it has the
// keyboard.
func (m listModel) PromptView() string { return m.filter.View() }

// Len is the number of articles listed.
func (m listModel) Len() int { return len(m.items) }

// Shown is the number of articles the filter lets through.
func (m listModel) Shown() int { return len(m.shown) }

// Update handles keys and the mouse wheel.
func (m *listModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				m.move(-1)
			case tea.MouseButtonWheelDown:
				m.move(1)
			}
		}
		return nil
	case tea.KeyMsg:
		if m.state == filterEditing {
			return m.updateFilter(msg)
		}
		return m.updateKeys(msg)
	}
	return nil
}

func (m *listModel) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	sel := m.Selected()
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.Top):
		m.move(-len(m.shown))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.shown))
	case key.Matches(msg, k.PageUp):
		m.move(-m.rowsOnScreen())
	case key.Matches(msg, k.PageDown):
		m.move(m.rowsOnScreen())
	case key.Matches(msg, k.Open) && sel != nil:
		return m.ask(openMsg{Loc: sel.Location})
	case key.Matches(msg, k.Filter):
		m.state = filterEditing
		return m.filter.Focus()
	case key.Matches(msg, k.ClearFilter) && m.query != "":
		return m.ask(listRequestMsg{Op: listSearch}) // back to the view
	case key.Matches(msg, k.ClearFilter) && m.state == filterApplied:
		m.clearFilter()
	case key.Matches(msg, k.Help):
		return m.ask(helpMsg{})
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Read) && sel != nil:
		return m.ask(toggleReadMsg{Loc: sel.Location})
	case key.Matches(msg, k.Save) && sel != nil:
		return m.ask(toggleSavedMsg{Loc: sel.Location})
	case key.Matches(msg, k.Refresh):
		return m.ask(startRefreshMsg{ByKey: true})
	case key.Matches(msg, k.View):
		return m.ask(listRequestMsg{Op: listView})
	case key.Matches(msg, k.Feed):
		return m.ask(listRequestMsg{Op: listFeed})
	}
	return nil
}

// updateFilter edits the filter; in library mode enter then searches
// the whole library for it.
func (m *listModel) updateFilter(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.input.Accept):
		m.filter.Blur()
		m.state = filterApplied
		if m.filter.Value() == "" {
			m.state = filterOff
		}
		if q := strings.TrimSpace(m.filter.Value()); q != "" && m.keys.library {
			return m.ask(listRequestMsg{Op: listSearch, Query: q})
		}
		return nil
	case key.Matches(msg, m.input.Cancel):
		m.clearFilter()
		return nil
	}
	var cmd tea.Cmd
	before := m.filter.Value()
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.applyFilter()
	}
	return cmd
}

func (m *listModel) clearFilter() {
	m.filter.Blur()
	m.filter.SetValue("")
	m.state = filterOff
	sel := m.Selected()
	m.applyFilter()
	if sel != nil {
		m.Select(sel.Location)
	}
}

// applyFilter recomputes the shown rows: those in which every word of
// the filter appears, in any case, in the title, the source or the file
// name the row shows. Title matches come first, each group in list order.
func (m *listModel) applyFilter() {
	m.shown = m.shown[:0]
	words := strings.Fields(strings.ToLower(m.filter.Value()))
	var rest []int
	for i, a := range m.items {
		title := strings.ToLower(a.DisplayTitle())
		all := title + "\n" + strings.ToLower(a.Source()+"\n"+rowFile(a))
		switch {
		case containsAll(title, words):
			m.shown = append(m.shown, i)
		case containsAll(all, words):
			rest = append(rest, i)
		}
	}
	m.shown = append(m.shown, rest...)
	m.cursor, m.offset = 0, 0
	m.clamp()
}

// containsAll reports whether s holds every word.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func (m *listModel) move(d int) {
	m.cursor += d
	m.clamp()
}

// clamp keeps the cursor on a row and that row on screen.
func (m *listModel) clamp() {
	m.cursor = max(min(m.cursor, len(m.shown)-1), 0)
	rows := m.rowsOnScreen()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = max(min(m.offset, len(m.shown)-rows), 0)
}

// View draws the title and the rows on screen, padded to the list's
// height.
func (m listModel) View() string {
	title := " " + m.styles.AppTitle.Render("brief")
	if m.title != "" {
		title = ansi.Truncate(title+"  "+m.styles.Meta.Render(m.title), m.width, "…")
	}
	return title + strings.Repeat("\n", m.titleLines) + m.rows()
}

// rows draws the rows on screen, padded to their height.
func (m listModel) rows() string {
	if len(m.shown) == 0 {
		msg := "No articles."
		if m.state != filterOff {
			msg = "No article matches the filter."
		}
		return lipgloss.NewStyle().Height(m.height).Render(m.styles.Empty.Render("  " + msg))
	}
	var b strings.Builder
	lines := 0
	drop := m.metaDrop()
	for i := m.offset; i < len(m.shown) && lines+rowHeight <= m.height; i++ {
		b.WriteString(m.row(m.items[m.shown[i]], i == m.cursor, drop))
		lines += rowHeight
	}
	return lipgloss.NewStyle().Height(m.height).MaxHeight(m.height).Render(strings.TrimSuffix(b.String(), "\n"))
}
