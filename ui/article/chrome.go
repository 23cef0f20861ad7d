// The article view's header, footer and error view.

package article

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/present"
)

// footerLines is the height of the footer: the previous/next line.
const footerLines = 1

// textColumn returns the left padding and width of the reading column,
// the same column glamour fills.
func (m Model) textColumn() (pad, w int) {
	rw := present.ReadWidth(m.width)
	pad = max((m.width-rw)/2, 0) + 2
	return pad, max(rw-4, 10)
}

// header draws the headline, the meta line with the mode badge, and a rule.
func (m Model) header() string {
	if m.art == nil {
		return ""
	}
	st := m.styles
	pad, w := m.textColumn()
	title := st.Headline.Width(w).Render(m.art.DisplayTitle())
	if m.height < 16 {
		// A short window keeps its lines for the text: the headline
		// takes one.
		title = st.Headline.Render(ansi.Truncate(m.art.DisplayTitle(), w, "…"))
	}
	badge := st.BadgeFull.Render(m.mode.String())
	if m.mode == common.ModeSummary {
		label := m.mode.String()
		if m.sumBadge != "" {
			label = m.sumBadge
		}
		badge = st.BadgeSum.Render(label)
	}
	metaText := present.Meta(m.art)
	if m.err != nil {
		// Nothing was read: no reading time, no text to be a summary
		// or the full text of.
		metaText, badge = present.Host(m.art.Location)+" · not loaded", ""
		if m.art.Location == "" || !reader.IsURL(m.art.Location) {
			metaText = "not loaded"
		}
	}
	meta := ansi.Truncate(metaText, max(w-lipgloss.Width(badge)-1, 1), "…")
	gap := max(w-lipgloss.Width(meta)-lipgloss.Width(badge), 1)
	metaLine := st.Byline.Render(meta) + strings.Repeat(" ", gap) + badge
	lines := []string{"", title, metaLine, st.Rule.Render(strings.Repeat("─", w))}
	// In a short window the body needs the lines more than the spacing.
	if m.height < 16 {
		lines = lines[1:]
	}
	if m.height < 12 {
		lines = lines[:len(lines)-1]
	}
	return lipgloss.NewStyle().PaddingLeft(pad).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// Footer is the line under the text: the previous and next articles
// around the scroll position, or the search prompt while it is open.
// It spans the reading column, so that on a wide screen the targets sit
// under the text rather than at the screen's edges; the percentage has
// a fixed width, so that nothing shifts between 0% and 100%.
func (m Model) Footer() string {
	st := m.styles
	if m.search.Editing() {
		return m.search.View()
	}
	pad, width := m.footerColumn()
	pct := st.Footer.Render(fmt.Sprintf("%3d%%", int(m.vp.ScrollPercent()*100+0.5)))
	if m.search.Active() {
		pct = st.Footer.Render(m.search.Status()) + "  " + pct
	}
	if m.rendering {
		pct = st.Footer.Render("rendering the rest…") + "  " + pct
	}
	p := lipgloss.Width(pct)
	lw, rw := splitRoom(width-p-4, linkWidth("← ", m.prev, ""), linkWidth("", m.next, " →"))
	// A note ("(not here)") that one side must drop, both drop: the two
	// targets read alike.
	notes := !dropsNote("← ", m.prev, "", lw) && !dropsNote("", m.next, " →", rw)
	left := linkText(st, "← ", m.prev, "", lw, notes)
	right := linkText(st, "", m.next, " →", rw, notes)
	// The percentage sits in the middle unless a long target needs room.
	at := max((width-p)/2, lipgloss.Width(left)+2)
	at = max(min(at, width-p-lipgloss.Width(right)-2), 0)
	line := left + strings.Repeat(" ", max(at-lipgloss.Width(left), 0)) + pct
	gap := max(width-lipgloss.Width(line)-lipgloss.Width(right), 2)
	return ansi.Truncate(strings.Repeat(" ", pad)+line+strings.Repeat(" ", gap)+right, m.width, "")
}

// footerColumn is where the footer goes: the reading column, widened
// evenly on both sides as far as the targets' whole headlines need, or
// the whole width when the column leaves no margin worth keeping.
func (m Model) footerColumn() (pad, w int) {
	pad, w = m.textColumn()
	if m.width-w < 8 {
		return 0, m.width
	}
	need := linkWidth("← ", m.prev, "") + linkWidth("", m.next, " →") + len(" 100% ") + 8
	if need > w {
		grow := min(need, m.width) - w
		pad, w = max(pad-grow/2, 0), w+grow
	}
	return pad, min(w, m.width-pad)
}

// RouteLink is what the footer says of a route: the target's headline
// and the note brief read uses too; nothing where it leads nowhere.
func RouteLink(r reader.Route) Link {
	if r.Title == "" {
		return Link{}
	}
	return Link{Text: r.Title, Note: present.RouteNote(r), OK: r.Leads()}
}

// linkWidth is the columns a footer target takes untruncated.
func linkWidth(pre string, l Link, post string) int {
	if l.Text == "" {
		return 0
	}
	n := ansi.StringWidth(pre + l.Text + post)
	if l.Note != "" {
		n += 1 + ansi.StringWidth(l.Note)
	}
	return n
}

// splitRoom shares room between two widths: each gets what it needs when
// both fit, else half, with what one leaves going to the other.
func splitRoom(room, a, b int) (int, int) {
	room = max(room, 8)
	if a+b <= room {
		return a, b
	}
	half := room / 2
	switch {
	case a < half:
		return a, room - a
	case b < half:
		return room - b, b
	}
	return half, room - half
}

// dropsNote reports whether a target's note does not fit in w columns.
func dropsNote(pre string, l Link, post string, w int) bool {
	if l.Text == "" || l.Note == "" {
		return false
	}
	return w-ansi.StringWidth(pre+" "+l.Note+post) < 4
}

// linkText draws one footer target in at most w columns, with its note
// when notes is set.
func linkText(st *common.Styles, pre string, l Link, post string, w int, notes bool) string {
	if l.Text == "" {
		return ""
	}
	s := st.LinkOff
	if l.OK {
		s = st.LinkOK
	}
	note := ""
	if l.Note != "" && notes {
		note = " " + l.Note
	}
	room := w - ansi.StringWidth(pre+note+post)
	if room < 4 {
		note, room = "", w-ansi.StringWidth(pre+post)
	}
	return s.Render(pre + ansi.Truncate(l.Text, max(room, 1), "…") + note + post)
}

// errorView explains a failed article.
func (m Model) errorView() string {
	pad, w := m.textColumn()
	st := m.styles
	text := lipgloss.JoinVertical(lipgloss.Left,
		"",
		st.ErrorHead.Render("This article cannot be shown."),
		"",
		st.ErrorText.Width(w).Render(reader.Clean(m.err.Error())),
		"",
		st.Empty.Render(m.errorKeys()),
	)
	return lipgloss.NewStyle().Height(m.vp.Height).MaxHeight(m.vp.Height).PaddingLeft(pad).Render(text)
}

// errorKeys says where the keys lead from a failed article: n and p
// only when they lead somewhere (the footer's targets), then back and
// the list.
func (m Model) errorKeys() string {
	var parts []string
	if m.next.OK {
		parts = append(parts, firstKey(m.keys.Next)+" next")
	}
	if m.prev.OK {
		parts = append(parts, firstKey(m.keys.Prev)+" previous")
	}
	if k := firstKey(m.keys.Back); k != "" {
		parts = append(parts, k+" back")
	}
	if k := firstKey(m.keys.List); k != "" {
		parts = append(parts, k+" list")
	}
	return strings.Join(parts, " · ")
}
