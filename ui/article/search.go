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
	plain   []string // the rendered lines without styling
	lower   []string // plain, lower-cased
	matches []match  // every occurrence of the query, in text order
	cur     int
	// stepKeys name the keys that move between matches ("n/N"), and
	// endKey the one that ends the search, for the footer.
	stepKeys, endKey string
}

// match is one occurrence of the query: a line and the byte range of
// its plain text.
type match struct{ line, start, end int }

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
	s.plain, s.lower = nil, nil
	s.AppendText(rendered)
}

// AppendText indexes rendered text that follows the text indexed (the
// next piece of a long article): only the new lines are read.
func (s *searchModel) AppendText(more string) {
	lines := strings.Split(more, "\n")
	if n := len(s.plain); n > 0 { // the first new line ends the last old one
		s.plain[n-1] += ansi.Strip(lines[0])
		s.lower[n-1] = strings.ToLower(s.plain[n-1])
		lines = lines[1:]
	}
	for _, l := range lines {
		p := ansi.Strip(l)
		s.plain = append(s.plain, p)
		s.lower = append(s.lower, strings.ToLower(p))
	}
	line, had := s.Line()
	s.find(s.query)
	if had { // stay on the match nearest the old one
		for i, mt := range s.matches {
			if mt.line >= line {
				s.cur = i
				break
			}
		}
	}
}

// find runs a query over the text: every occurrence is a match, the
// first becomes current.
func (s *searchModel) find(q string) {
	s.query, s.matches, s.cur = q, nil, 0
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return
	}
	for i, l := range s.lower {
		for at := 0; at < len(l); {
			j := strings.Index(l[at:], q)
			if j < 0 {
				break
			}
			s.matches = append(s.matches, match{i, at + j, at + j + len(q)})
			at += j + len(q)
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
	return s.matches[s.cur].line, true
}

// Highlight marks every match in the rendered text: the matched words,
// not the whole line; the current one in reverse video, the others
// underlined. A line with a match is redrawn from its plain text (its
// own colours give way to the marks).
func (s searchModel) Highlight(rendered string) string {
	if len(s.matches) == 0 {
		return rendered
	}
	lines := strings.Split(rendered, "\n")
	byLine := map[int][]int{} // line → indexes into matches
	for i, mt := range s.matches {
		byLine[mt.line] = append(byLine[mt.line], i)
	}
	for line, idx := range byLine {
		if line >= len(lines) || len(s.plain[line]) != len(s.lower[line]) {
			continue // lower-casing moved the bytes: leave the line be
		}
		text := s.plain[line]
		var b strings.Builder
		at := 0
		for _, i := range idx {
			mt := s.matches[i]
			b.WriteString(text[at:mt.start])
			b.WriteString(s.mark(text[mt.start:mt.end], i == s.cur))
			at = mt.end
		}
		b.WriteString(text[at:])
		lines[line] = b.String()
	}
	return strings.Join(lines, "\n")
}

// mark styles one match: the current one reverse, the others
// underlined. Without colours (NO_COLOR) the profile drops every
// attribute, but reverse video and underline are no colour: keep them.
func (s searchModel) mark(text string, current bool) string {
	st, raw := s.styles.MatchAll, ansi.Style{}.Underline(true)
	if current {
		st, raw = s.styles.Match, ansi.Style{}.Reverse(true)
	}
	if hl := st.Render(text); hl != text {
		return hl
	}
	return raw.Styled(text)
}

// Status is "match 2/5" or "no match".
func (s searchModel) Status() string {
	if len(s.matches) == 0 {
		return "no match for “" + s.query + "”"
	}
	st := "match " + strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.matches))
	if s.stepKeys != "" {
		st += " (" + s.stepKeys + ", " + s.endKey + " ends)"
	}
	return st
}

// View is the prompt line.
func (s searchModel) View() string {
	v := s.input.View()
	if s.query != "" {
		v += "  " + s.styles.Footer.Render(s.Status())
	}
	return v
}
