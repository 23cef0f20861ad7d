package ui

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/present"
)

// spinFrames are the loading spinner's frames.
var spinFrames = spinner.MiniDot.Frames

// View draws the screen. It only lays out what Update prepared: no
// rendering of markdown and no I/O happen here.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	var body string
	switch m.screen {
	case screenList:
		body = m.listView()
	case screenArticle:
		body = m.article.View()
	case screenHelp:
		body = m.helpView()
	}
	bodyH := m.height - barLines
	body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(body)
	return lipgloss.JoinVertical(lipgloss.Left, body, m.statusBar(), m.helpLine())
}

// tooSmall is the note shown in a window below the minimum size.
func (m Model) tooSmall() string {
	note := m.styles.Empty.Render("window too small\n" + strconv.Itoa(minWidth) + "×" + strconv.Itoa(minHeight) + " at least")
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, note)
}

// listView is the list under its title.
func (m Model) listView() string {
	title := " " + m.styles.AppTitle.Render("brief")
	if m.subtitle != "" {
		title = ansi.Truncate(title+"  "+m.styles.Meta.Render(m.subtitle), m.width, "…")
	}
	if m.listChrome() > 1+barLines {
		title += "\n"
	}
	return title + "\n" + m.list.View()
}

// helpView is the full help of the screen help was asked from, from the
// line the reader scrolled to.
func (m Model) helpView() string {
	lines := m.helpLines()
	return strings.Join(lines[min(m.helpTop, len(lines)-1):], "\n")
}

// helpLines lays out the full help.
func (m Model) helpLines() []string {
	var name string
	var keys keyHelp
	switch m.helpFrom {
	case screenArticle:
		name, keys = "article", m.article.keys
	default:
		name, keys = "list", m.list.keys
	}
	if m.libKeys != nil {
		name += " (library)"
		keys = m.libKeys.with(keys)
	}
	page := lipgloss.NewStyle().Padding(1, 2).Render(
		m.styles.HelpTitle.Render("Keys: "+name) + "\n\n" + m.fullHelp(keys.FullHelp(), m.width-4))
	return strings.Split(page, "\n")
}

// helpMaxTop is the furthest the help screen scrolls: a window too short
// for it all scrolls it with j/k.
func (m Model) helpMaxTop() int {
	return max(len(m.helpLines())-(m.height-barLines), 0)
}

// fullHelp lays the key groups out in columns, in as many rows as the
// width needs: help truncates columns that do not fit.
func (m Model) fullHelp(groups [][]key.Binding, w int) string {
	h := m.help
	h.Width = 0
	for per := len(groups); per > 1; per-- {
		var rows []string
		for i := 0; i < len(groups); i += per {
			rows = append(rows, h.FullHelpView(groups[i:min(i+per, len(groups))]))
		}
		out := strings.Join(rows, "\n\n")
		if lipgloss.Width(out) <= w {
			return out
		}
	}
	var rows []string
	for _, g := range groups {
		rows = append(rows, h.FullHelpView([][]key.Binding{g}))
	}
	return strings.Join(rows, "\n\n")
}

// statusBar shows loading, the latest message, and on the right the
// number of articles and the filter.
func (m Model) statusBar() string {
	st := m.styles
	var left string
	switch {
	case m.fetch.cancel != nil:
		left = st.Spinner.Render(spinFrames[m.spin%len(spinFrames)]) + " " +
			st.Status.Render("loading "+present.ShortURL(reader.Clean(m.fetch.url))+" (esc cancels)")
	case m.busy():
		left = st.Spinner.Render(spinFrames[m.spin%len(spinFrames)]) + " " + st.Status.Render("loading")
	case m.status != "":
		left = st.StatusMsg.Render(m.status)
	case m.task != "":
		left = st.Spinner.Render(spinFrames[m.spin%len(spinFrames)]) + " " + st.Status.Render(m.task)
	}
	right := m.countText(m.status == "")
	if m.screen == screenList && m.list.Editing() {
		left = m.list.filter.View()
		right = strconv.Itoa(m.list.Shown()) + " of " + strconv.Itoa(len(m.list.items))
	}
	right = st.Status.Render(right)
	room := m.width - lipgloss.Width(right) - 2
	left = ansi.Truncate(left, max(room, 0), "…")
	gap := max(m.width-lipgloss.Width(left)-lipgloss.Width(right)-1, 1)
	return ansi.Truncate(" "+left+strings.Repeat(" ", gap)+right, m.width, "")
}

// countText is "8 articles", or "3 of 8 · filter “x”", and with
// withSkipped how many files were skipped, which stays after the message
// naming them fades.
func (m Model) countText(withSkipped bool) string {
	n := len(m.list.items)
	s := reader.Plural(n, "article")
	if f := m.list.FilterText(); f != "" {
		s = strconv.Itoa(m.list.Shown()) + " of " + strconv.Itoa(n) + " · " + f
	}
	if k := len(m.src.Skipped()); k > 0 && withSkipped {
		s += " · " + strconv.Itoa(k) + " skipped"
	}
	return s
}

// helpLine is the short help of the screen in front.
func (m Model) helpLine() string {
	var keys keyHelp
	switch m.screen {
	case screenList:
		keys = m.list.Help()
	case screenArticle:
		keys = m.article.Help(m.fetch.cancel != nil)
	default:
		keys = newHelpKeyMap()
	}
	if m.libKeys != nil {
		keys = m.libKeys.with(keys)
	}
	// help truncates with an ellipsis, but lets an item overflow when
	// the ellipsis itself does not fit: cut to the width as well.
	return ansi.Truncate(" "+m.help.ShortHelpView(keys.ShortHelp()), m.width, "")
}

// skippedText sums up the files a folder load skipped, naming a few.
func skippedText(errs []error) string {
	if len(errs) == 0 {
		return ""
	}
	var names []string
	for i, err := range errs {
		if i == skippedListMax {
			names = append(names, "…")
			break
		}
		var fe *reader.FileError
		if errors.As(err, &fe) {
			// A file name can hold any byte: cleaned, as FileError.Error is.
			names = append(names, reader.CleanLine(filepath.Base(fe.Path)+" "+shortReason(fe.Reason)))
		} else {
			names = append(names, reader.CleanLine(err.Error()))
		}
	}
	return reader.Plural(len(errs), "file") + " skipped: " + strings.Join(names, ", ")
}

// shortReason drops the detail in brackets: "is not text (image/jpeg)"
// becomes "is not text".
func shortReason(r string) string {
	if i := strings.Index(r, " ("); i > 0 {
		return r[:i]
	}
	return r
}
