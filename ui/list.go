package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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

// listModel is the article list: rows of headline, meta and the first
// summary sentence, with a word filter. It owns the selection; the root
// gives it the read marks and summary lines.
type listModel struct {
	intent  tea.Msg // asked of the root by the last key (see articleModel.ask)
	keys    listKeyMap
	input   inputKeyMap
	styles  *Styles
	read    ReadState
	seen    map[string]bool // opened this session, shown read at once
	items   []*reader.Article
	snippet map[string]string // first summary sentence by location

	shown  []int // indexes into items, in display order
	cursor int   // index into shown
	offset int   // first row of shown on screen
	state  filterState
	filter textinput.Model

	width, height int
}

func newListModel(items []*reader.Article, st *Styles, read ReadState) listModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "filter by title or source"
	ti.PromptStyle = st.Prompt
	ti.Cursor.SetMode(cursor.CursorStatic)
	m := listModel{
		keys: newListKeyMap(), input: newInputKeyMap("keep filter", "clear filter"),
		styles: st, read: read, seen: map[string]bool{}, items: items, snippet: map[string]string{}, filter: ti,
	}
	m.applyFilter()
	return m
}

// SetSize gives the list the lines it may fill.
func (m *listModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.Width = max(w/2-4, 8)
	m.clamp()
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

// Help is the key map for the help line and screen.
func (m listModel) Help() keyHelp {
	if m.state == filterEditing {
		return m.input
	}
	k := m.keys
	k.ClearFilter.SetEnabled(m.state == filterApplied)
	return k
}

// FilterText describes the filter for the status bar ("" when off).
func (m listModel) FilterText() string {
	if m.state == filterOff {
		return ""
	}
	return "filter “" + m.filter.Value() + "”"
}

// Shown is the number of articles the filter lets through.
func (m listModel) Shown() int { return len(m.shown) }

// ask records an intent for the root (see articleModel.ask).
func (m listModel) ask(in tea.Msg) (listModel, tea.Cmd) {
	m.intent = in
	return m, nil
}

// Update handles keys and the mouse wheel.
func (m listModel) Update(msg tea.Msg) (listModel, tea.Cmd) {
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
		return m, nil
	case tea.KeyMsg:
		if m.state == filterEditing {
			return m.updateFilter(msg)
		}
		return m.updateKeys(msg)
	}
	return m, nil
}

func (m listModel) updateKeys(msg tea.KeyMsg) (listModel, tea.Cmd) {
	k := m.keys
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
	case key.Matches(msg, k.Open):
		if a := m.Selected(); a != nil {
			return m.ask(openMsg{Loc: a.Location})
		}
	case key.Matches(msg, k.Filter):
		m.state = filterEditing
		return m, m.filter.Focus()
	case key.Matches(msg, k.ClearFilter) && m.state == filterApplied:
		m.clearFilter()
	case key.Matches(msg, k.Help):
		return m.ask(helpMsg{})
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	}
	return m, nil
}

func (m listModel) updateFilter(msg tea.KeyMsg) (listModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.input.Accept):
		m.filter.Blur()
		m.state = filterApplied
		if m.filter.Value() == "" {
			m.state = filterOff
		}
		return m, nil
	case key.Matches(msg, m.input.Cancel):
		m.clearFilter()
		return m, nil
	}
	var cmd tea.Cmd
	before := m.filter.Value()
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.applyFilter()
	}
	return m, cmd
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

// View draws the rows on screen, padded to the list's height.
func (m listModel) View() string {
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
