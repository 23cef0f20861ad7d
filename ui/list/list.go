// Package list is the reader's article list: a child view (a
// common.Component) that owns the selection and the word filter and asks
// the root, through intents, to open an article or change what it lists.
package list

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// RowHeight is the lines one article takes in the list: its headline
// and its summary line.
const RowHeight = 2

// Marks tells the list how to mark a row: the root's marks, which own
// the read and saved state; the list only reads them.
type Marks interface {
	IsRead(loc string) bool
	IsSaved(loc string) bool
}

// Model is the article list under its title: rows of headline,
// meta and the first summary sentence, with a word filter. It owns the
// selection and what it lists (in library mode a view or a search's
// results, which Replace changes); it asks the marks which rows are read
// and saved, and the root gives it the summary lines.
type Model struct {
	common.Asks
	keys    common.ListKeyMap
	input   common.InputKeyMap
	styles  *common.Styles
	marks   Marks
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

// New lists items with the list's keys and those of its / prompt (the
// root builds both for its mode); marks says which rows are read and
// saved.
func New(items []*reader.Article, st *common.Styles, keys common.ListKeyMap, input common.InputKeyMap, mk Marks) Model {
	m := Model{
		keys: keys, input: input, styles: st, marks: mk,
		items: items, snippet: map[string]string{}, filter: newFilterInput(st),
	}
	m.applyFilter()
	return m
}

// SetSize gives the list the lines it may fill: the title takes one or,
// with room, two (a blank line under it); the rows get the rest.
func (m *Model) SetSize(w, h int) {
	m.titleLines = 2
	if h < 12 {
		m.titleLines = 1
	}
	m.width, m.height = w, max(h-m.titleLines, RowHeight)
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
func (m *Model) Replace(arts []*reader.Article, title, query string, snips map[string]string, fresh bool) {
	sel := m.Selected()
	if m.cursor == 0 {
		sel = nil
	}
	// The search's snippets stand in for the summary lines while its
	// results are listed, and are dropped with them: back on the view a
	// row shows its first sentence again.
	m.items, m.title, m.query, m.snips = arts, title, query, snips
	if fresh {
		m.filter, m.state = newFilterInput(m.styles), filterOff
		m.filter.Width = max(m.width/2-4, 8)
	}
	m.applyFilter()
	if sel != nil && !fresh {
		m.Select(sel.Location)
	}
}

// SetLine sets an article's summary line (a search's results show
// their snippets instead while they are listed).
func (m *Model) SetLine(loc, line string) { m.snippet[loc] = line }

// line is the row's second line: the search snippet while a search is
// listed, else the first summary sentence.
func (m Model) line(loc string) string {
	if s := m.snips[loc]; m.query != "" && s != "" {
		return s
	}
	return m.snippet[loc]
}

// SetTitle sets the view's name shown beside the title (library mode).
func (m *Model) SetTitle(title string) { m.title = title }

// Title is the view's name shown beside the title ("" outside library
// mode).
func (m Model) Title() string { return m.title }

// Query is the library search listed, "" for the view.
func (m Model) Query() string { return m.query }

// Items are every article listed, filtered or not, in list order.
func (m Model) Items() []*reader.Article { return m.items }

// Listed are the articles the filter lets through, in display order.
func (m Model) Listed() []*reader.Article {
	out := make([]*reader.Article, len(m.shown))
	for i, idx := range m.shown {
		out[i] = m.items[idx]
	}
	return out
}

// Position is the cursor's row among those listed and the first row on
// screen.
func (m Model) Position() (cursor, offset int) { return m.cursor, m.offset }

// rowsOnScreen is how many articles fit.
func (m Model) rowsOnScreen() int { return max(m.height/RowHeight, 1) }

// Selected returns the article under the cursor, or nil.
func (m Model) Selected() *reader.Article {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return nil
	}
	return m.items[m.shown[m.cursor]]
}

// Select moves the cursor to the article at loc when it is shown.
func (m *Model) Select(loc string) {
	for i, idx := range m.shown {
		if m.items[idx].Location == loc {
			m.cursor = i
			m.clamp()
			return
		}
	}
}

// Visible lists the articles on screen, for lazy summary lines.
func (m Model) Visible() []*reader.Article {
	var out []*reader.Article
	for i := m.offset; i < len(m.shown) && i < m.offset+m.rowsOnScreen(); i++ {
		out = append(out, m.items[m.shown[i]])
	}
	return out
}

// Editing reports whether the filter prompt has the keyboard.
func (m Model) Editing() bool { return m.state == filterEditing }

// ShortHelp is the help line: the prompt's keys while it is open.
func (m Model) ShortHelp() []key.Binding {
	if m.state == filterEditing {
		return m.input.ShortHelp()
	}
	k := m.keys
	k.ClearFilter.SetEnabled(m.state == filterApplied)
	return k.ShortHelp()
}

// FullHelp is every key of the list, for the help screen.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// FilterText describes the filter for the status bar ("" when off).
func (m Model) FilterText() string {
	if m.state == filterOff {
		return ""
	}
	return "filter “" + m.filter.Value() + "”"
}

// PromptView is the / prompt, for the status bar while it has the
// keyboard.
func (m Model) PromptView() string { return m.filter.View() }

// Len is the number of articles listed.
func (m Model) Len() int { return len(m.items) }

// Shown is the number of articles the filter lets through.
func (m Model) Shown() int { return len(m.shown) }

// Update handles keys and the mouse wheel.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
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

func (m *Model) updateKeys(msg tea.KeyMsg) tea.Cmd {
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
		return m.Ask(common.OpenMsg{Loc: sel.Location})
	case key.Matches(msg, k.Filter):
		m.state = filterEditing
		return m.filter.Focus()
	case key.Matches(msg, k.ClearFilter) && m.query != "":
		return m.Ask(common.ListRequestMsg{Op: common.ListSearch}) // back to the view
	case key.Matches(msg, k.ClearFilter) && m.state == filterApplied:
		m.clearFilter()
	case key.Matches(msg, k.Help):
		return m.Ask(common.HelpMsg{})
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Read) && sel != nil:
		return m.Ask(common.ToggleReadMsg{Loc: sel.Location})
	case key.Matches(msg, k.Save) && sel != nil:
		return m.Ask(common.ToggleSavedMsg{Loc: sel.Location})
	case key.Matches(msg, k.Refresh):
		return m.Ask(common.StartRefreshMsg{ByKey: true})
	case key.Matches(msg, k.View):
		return m.Ask(common.ListRequestMsg{Op: common.ListView})
	case key.Matches(msg, k.Feed):
		return m.Ask(common.FeedsMsg{})
	case key.Matches(msg, k.MarkAll):
		return m.Ask(common.ListRequestMsg{Op: common.ListMarkAll})
	}
	return nil
}

func (m *Model) move(d int) {
	m.cursor += d
	m.clamp()
}

// clamp keeps the cursor on a row and that row on screen.
func (m *Model) clamp() {
	m.cursor, m.offset = common.Scroll(m.cursor, m.offset, len(m.shown), m.rowsOnScreen())
}

// View draws the title and the rows on screen, padded to the list's
// height.
func (m Model) View() string {
	title := " " + m.styles.AppTitle.Render("brief")
	if m.title != "" {
		title = ansi.Truncate(title+"  "+m.styles.Meta.Render(m.title), m.width, "…")
	}
	return title + strings.Repeat("\n", m.titleLines) + m.rows()
}

// rows draws the rows on screen, padded to their height.
func (m Model) rows() string {
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
	for i := m.offset; i < len(m.shown) && lines+RowHeight <= m.height; i++ {
		b.WriteString(m.row(m.items[m.shown[i]], i == m.cursor, drop))
		lines += RowHeight
	}
	return lipgloss.NewStyle().Height(m.height).MaxHeight(m.height).Render(strings.TrimSuffix(b.String(), "\n"))
}
