// The article's links, numbered (link hints, f): a number follows one.

package article

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
)

// linksModel is the numbered list of the article's links, open over
// the text while the user picks one.
type linksModel struct {
	open   bool
	links  []reader.BodyLink
	typed  string // the digits typed so far
	offset int    // first link on screen
}

// SetBodyLinks gives the view the links of the article's body
// (reader.BodyLinks), which f numbers. The root finds them when it
// reads the article, in a Cmd: on a long body that takes longer than a
// keypress may.
func (m *Model) SetBodyLinks(ls []reader.BodyLink) { m.bodyLinks = ls }

// LinksOpen reports whether the link list has the keyboard.
func (m Model) LinksOpen() bool { return m.links.open }

// openLinks numbers the article's links, or says there are none.
func (m *Model) openLinks() tea.Cmd {
	ls := m.bodyLinks
	if len(ls) == 0 {
		return m.Ask(common.StatusMsg{Text: "this article has no links to follow"})
	}
	m.links = linksModel{open: true, links: ls}
	return nil
}

// updateLinks takes the keys while the link list is open: digits pick
// a link (at once when no other number starts with them), enter takes
// the number typed, backspace takes a digit back, esc or f closes.
func (m *Model) updateLinks(msg tea.KeyMsg) tea.Cmd {
	l := &m.links
	s := msg.String()
	switch {
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		l.typed += s
		n, _ := strconv.Atoi(l.typed)
		switch {
		case n < 1 || n > len(l.links):
			l.typed = ""
		case n*10 > len(l.links):
			return m.follow(n)
		}
	case s == "enter":
		if n, err := strconv.Atoi(l.typed); err == nil && n >= 1 && n <= len(l.links) {
			return m.follow(n)
		}
	case s == "backspace":
		l.typed = strings.TrimSuffix(l.typed, l.typed[max(len(l.typed)-1, 0):])
	case s == "esc" || key.Matches(msg, m.keys.Links) || key.Matches(msg, m.keys.List):
		l.open, l.typed = false, ""
	case key.Matches(msg, m.keys.Down):
		l.offset = min(l.offset+1, max(len(l.links)-1, 0))
	case key.Matches(msg, m.keys.Up):
		l.offset = max(l.offset-1, 0)
	}
	return nil
}

// follow asks the root to open link n.
func (m *Model) follow(n int) tea.Cmd {
	bl := m.links.links[n-1]
	m.links.open, m.links.typed = false, ""
	return m.Ask(common.FollowLinkMsg{URL: bl.URL, Title: bl.Text})
}

// linksView draws the numbered links in the text's place.
func (m Model) linksView() string {
	pad, w := m.textColumn()
	st := m.styles
	l := m.links
	head := st.HelpTitle.Render("Links") + "  " + st.Footer.Render("type a number to follow one; esc closes")
	if l.typed != "" {
		head = st.HelpTitle.Render("Links") + "  " + st.Prompt.Render(l.typed+"…")
	}
	lines := []string{"", head, ""}
	numW := len(strconv.Itoa(len(l.links)))
	room := max(m.vp.Height-len(lines), 1)
	for i := l.offset; i < len(l.links) && i < l.offset+room; i++ {
		bl := l.links[i]
		num := strconv.Itoa(i + 1)
		num = strings.Repeat(" ", numW-len(num)) + num
		addr := reader.ShortURL(bl.URL)
		textW := max(w-numW-2-ansi.StringWidth(addr)-2, 8)
		text := ansi.Truncate(bl.Text, textW, "…")
		gap := max(w-numW-2-ansi.StringWidth(text)-ansi.StringWidth(addr), 2)
		lines = append(lines, st.Prompt.Render(num)+"  "+st.Title.Render(text)+strings.Repeat(" ", gap)+st.Footer.Render(ansi.Truncate(addr, max(w/2, 10), "…")))
	}
	return lipgloss.NewStyle().Height(m.vp.Height).MaxHeight(m.vp.Height).PaddingLeft(pad).Render(strings.Join(lines, "\n"))
}

// linksHelp is the help line while the link list is open.
func linksHelp(n int) []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("1"), key.WithHelp("1–"+strconv.Itoa(n), "follow")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "take the number typed")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}
