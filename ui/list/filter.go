// The list's word filter: the / prompt and the rows it lets through.

package list

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/ui/common"
)

// filterState says whether the list is filtered and by whom.
type filterState int

const (
	filterOff     filterState = iota
	filterEditing             // the prompt has the keyboard
	filterApplied             // enter kept the filter
)

// newFilterInput is the / prompt, empty.
func newFilterInput(st *common.Styles) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "filter by title or source"
	ti.PromptStyle = st.Prompt
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// updateFilter edits the filter; in library mode enter then searches
// the whole library for it.
func (m *Model) updateFilter(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.input.Accept):
		m.filter.Blur()
		m.state = filterApplied
		if m.filter.Value() == "" {
			m.state = filterOff
		}
		if q := strings.TrimSpace(m.filter.Value()); q != "" && m.keys.Library {
			return m.Ask(common.ListRequestMsg{Op: common.ListSearch, Query: q})
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

func (m *Model) clearFilter() {
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
func (m *Model) applyFilter() {
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
