package article

import (
	"strconv"
	"strings"

	"github.com/brief-news/brief/ui/common"
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// searchModel finds text within the rendered article: the prompt, the
// lines that match, and which match is current.
type searchModel struct {
	keys    common.InputKeyMap
	styles  *common.Styles
	input   textinput.Model
	editing bool
	query   string
	last    string   // the query before the prompt opened, for esc and ↑
	plain   []string // the rendered lines without styling, lower-cased
	matches []int    // line numbers that contain the query
	cur     int
}

func newSearchModel(st *common.Styles, k common.InputKeyMap) searchModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "search this article"
	ti.PromptStyle = st.Prompt
	ti.Cursor.SetMode(cursor.CursorStatic)
	return searchModel{keys: k, styles: st, input: ti}
}

// SetWidth fits the prompt to the terminal.
func (s *searchModel) SetWidth(w int) { s.input.Width = max(w-4, 1) }

// Start opens an empty prompt; ↑ brings back the last query.
func (s *searchModel) Start() tea.Cmd {
	s.editing = true
	if s.query != "" {
		s.last = s.query
	}
	s.input.SetValue("")
	return s.input.Focus()
}

// Editing reports whether the prompt has the keyboard.
func (s searchModel) Editing() bool { return s.editing }

// Active reports whether there is a query to show matches of.
func (s searchModel) Active() bool { return s.query != "" }

// HasMatches reports whether ] and [ have somewhere to go.
func (s searchModel) HasMatches() bool { return len(s.matches) > 0 }

// Reset forgets the query (↑ still recalls it).
func (s *searchModel) Reset() {
	if s.query != "" {
		s.last = s.query
	}
	s.editing, s.query, s.matches, s.cur = false, "", nil, 0
	s.input.Blur()
}

// Update edits the query, searching as it is typed; enter keeps it and
// esc restores the search from before the prompt opened.
func (s searchModel) Update(msg tea.KeyMsg) (searchModel, tea.Cmd) {
	switch {
	case key.Matches(msg, s.keys.Accept):
		s.editing = false
		s.input.Blur()
		s.find(s.input.Value())
		return s, nil
	case key.Matches(msg, s.keys.Cancel):
		s.editing = false
		s.input.Blur()
		s.find(s.last)
		return s, nil
	case key.Matches(msg, s.keys.Recall):
		s.input.SetValue(s.last)
		s.input.CursorEnd()
		s.find(s.last)
		return s, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.find(s.input.Value())
	return s, cmd
}

// SetText indexes newly rendered text, keeping the query.
func (s *searchModel) SetText(rendered string) {
	lines := strings.Split(rendered, "\n")
	s.plain = make([]string, len(lines))
	for i, l := range lines {
		s.plain[i] = strings.ToLower(ansi.Strip(l))
	}
	line, had := s.Line()
	s.find(s.query)
	if had { // stay on the match nearest the old one
		for i, l := range s.matches {
			if l >= line {
				s.cur = i
				break
			}
		}
	}
}

// find runs a query over the text; the first match becomes current.
func (s *searchModel) find(q string) {
	s.query, s.matches, s.cur = q, nil, 0
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return
	}
	for i, l := range s.plain {
		if strings.Contains(l, q) {
			s.matches = append(s.matches, i)
		}
	}
}

// Step moves to the next (1) or previous (-1) match, wrapping around.
func (s *searchModel) Step(d int) {
	if n := len(s.matches); n > 0 {
		s.cur = ((s.cur+d)%n + n) % n
	}
}

// Line is the line of the current match.
func (s searchModel) Line() (int, bool) {
	if len(s.matches) == 0 {
		return 0, false
	}
	return s.matches[s.cur], true
}

// Highlight marks the current match's line in the rendered text.
func (s searchModel) Highlight(rendered string) string {
	line, ok := s.Line()
	if !ok {
		return rendered
	}
	lines := strings.Split(rendered, "\n")
	if line < len(lines) {
		text := ansi.Strip(lines[line])
		hl := s.styles.Match.Render(text)
		if hl == text {
			// Without colours (NO_COLOR) the profile drops every
			// attribute, but reverse video is no colour: keep it.
			hl = ansi.Style{}.Reverse(true).Styled(text)
		}
		lines[line] = hl
	}
	return strings.Join(lines, "\n")
}

// Status is "match 2/5" or "no match".
func (s searchModel) Status() string {
	if len(s.matches) == 0 {
		return "no match for “" + s.query + "”"
	}
	return "match " + strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.matches)) + " (]/[)"
}

// View is the prompt line.
func (s searchModel) View() string {
	v := s.input.View()
	if s.query != "" {
		v += "  " + s.styles.Footer.Render(s.Status())
	}
	return v
}
