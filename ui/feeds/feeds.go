// Package feeds is library mode's feed list, newsboat's first screen: a
// child view (a common.Component) listing every feed with its unread
// and total counts. Enter shows a feed's articles, A marks a feed read;
// it asks the root for both through intents.
package feeds

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/ui/common"
)

// Model is the feed list.
type Model struct {
	common.Asks
	keys   common.FeedsKeyMap
	styles *common.Styles
	rows   []library.FeedRow
	shown  int64 // the feed the article list shows, marked
	cursor int
	offset int

	width, height int
}

// New is an empty feed list with its keys.
func New(st *common.Styles, keys common.FeedsKeyMap) Model {
	return Model{keys: keys, styles: st}
}

// SetRows lists the feeds (the first row is every feed); shown is the
// one the article list shows, where the cursor starts the first time.
func (m *Model) SetRows(rows []library.FeedRow, shown int64) {
	sel, had := m.Selected()
	m.rows, m.shown = rows, shown
	m.cursor = 0
	want := shown
	if had {
		want = sel.ID
	}
	for i, r := range rows {
		if r.ID == want {
			m.cursor = i
		}
	}
	m.clamp()
}

// Reset forgets the rows, so that the next SetRows starts on the feed
// shown.
func (m *Model) Reset() { m.rows, m.cursor, m.offset = nil, 0, 0 }

// Selected is the feed under the cursor.
func (m Model) Selected() (library.FeedRow, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return library.FeedRow{}, false
	}
	return m.rows[m.cursor], true
}

// Len is the number of feeds listed, besides the every-feed row.
func (m Model) Len() int { return max(len(m.rows)-1, 0) }

// SetSize gives the list its lines.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clamp()
}

// Update moves the cursor and asks the root to open or mark a feed.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := m.keys
	sel, has := m.Selected()
	switch {
	case key.Matches(km, k.Up):
		m.cursor--
	case key.Matches(km, k.Down):
		m.cursor++
	case key.Matches(km, k.Top):
		m.cursor = 0
	case key.Matches(km, k.Bottom):
		m.cursor = len(m.rows) - 1
	case key.Matches(km, k.Open) && has:
		return m.Ask(common.ShowFeedMsg{ID: sel.ID})
	case key.Matches(km, k.MarkAll) && has:
		return m.Ask(common.MarkFeedReadMsg{ID: sel.ID, Name: sel.Name})
	case key.Matches(km, k.Refresh):
		return m.Ask(common.StartRefreshMsg{ByKey: true})
	case key.Matches(km, k.Back):
		return m.Ask(common.CloseFeedsMsg{})
	case key.Matches(km, k.Help):
		return m.Ask(common.HelpMsg{})
	}
	m.clamp()
	return nil
}

func (m *Model) clamp() {
	m.cursor, m.offset = common.Scroll(m.cursor, m.offset, len(m.rows), m.rowsOnScreen())
}

// titleLines is the title and the blank line under it.
const titleLines = 2

func (m Model) rowsOnScreen() int { return max(m.height-titleLines, 1) }

// View draws the title and the feeds: the unread count, the name, the
// total; the feed the article list shows is marked.
func (m Model) View() string {
	st := m.styles
	title := " " + st.AppTitle.Render("brief") + "  " + st.Meta.Render("feeds")
	if len(m.rows) == 0 {
		return title + "\n\n" + st.Empty.Render("  No feeds. Subscribe with: brief add URL")
	}
	countW := 1
	for _, r := range m.rows {
		countW = max(countW, len(strconv.Itoa(r.Unread)))
	}
	var b strings.Builder
	for i := m.offset; i < len(m.rows) && i < m.offset+m.rowsOnScreen(); i++ {
		b.WriteString(m.row(m.rows[i], i == m.cursor, countW))
		b.WriteByte('\n')
	}
	body := lipgloss.NewStyle().Height(m.rowsOnScreen()).MaxHeight(m.rowsOnScreen()).Render(strings.TrimSuffix(b.String(), "\n"))
	return title + "\n\n" + body
}

// row draws one feed: "▌ 12  Harbour News            40 articles".
func (m Model) row(r library.FeedRow, selected bool, countW int) string {
	st := m.styles
	bar, name := "  ", st.Title
	if selected {
		bar, name = st.Cursor.Render("▌")+" ", st.TitleActive
	}
	count := strings.Repeat(" ", countW-len(strconv.Itoa(r.Unread))) + strconv.Itoa(r.Unread)
	countSt := st.Unread
	if r.Unread == 0 {
		countSt = st.Read
	}
	mark := "  "
	if r.ID == m.shown {
		mark = st.Cursor.Render("•") + " "
	}
	right := strconv.Itoa(r.Total) + " total"
	if r.Failed {
		right = "refresh failed · " + right
	}
	inner := max(m.width-lipgloss.Width(bar)-countW-2-2-1, 10) // the count, its gap and the mark
	nw := max(inner-ansi.StringWidth(right)-2, 8)
	n := ansi.Truncate(r.Name, nw, "…")
	gap := max(inner-ansi.StringWidth(n)-ansi.StringWidth(right), 1)
	return bar + countSt.Render(count) + "  " + mark + name.Render(n) + strings.Repeat(" ", gap) + st.Meta.Render(right)
}

// ShortHelp is the help line.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is every key of the feed list.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }
