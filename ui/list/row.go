// How one article is drawn as a row of the list.

package list

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// row draws one article: mark, headline and meta; then its summary line.
func (m Model) row(a *reader.Article, selected bool, drop int) string {
	st := m.styles
	bar, title := "  ", st.Title
	if selected {
		bar, title = st.Cursor.Render("▌")+" ", st.TitleActive
	}
	mark := st.Unread.Render("•")
	read := m.marks.IsRead(a.Location)
	if read {
		mark = st.Read.Render("✓")
	}
	if m.marks.IsSaved(a.Location) {
		mark = st.Unread.Render("★") // saved, in the library
		if read {
			mark = st.Read.Render("★")
		}
	}
	inner := max(m.width-4, 10) // bar, mark and a space
	parts := metaParts(a)
	meta := fitMeta(parts[min(drop, len(parts)-1):], m.metaRoom())
	tw := inner - ansi.StringWidth(meta) - 2
	if meta == "" {
		tw = inner
	}
	t := ansi.Truncate(a.DisplayTitle(), tw, "…")
	gap := max(inner-ansi.StringWidth(t)-ansi.StringWidth(meta), 1)
	line1 := bar + mark + " " + title.Render(t) + strings.Repeat(" ", gap) + st.Meta.Render(meta)
	snip := m.snippet[a.Location]
	line2 := bar + "  " + st.Snippet.Render(ansi.Truncate(snip, inner, "…"))
	return line1 + "\n" + line2 + "\n"
}

// metaRoom is the widest the meta column may be.
func (m Model) metaRoom() int { return max(m.width-4, 10) * 2 / 5 }

// metaDrop is how many leading meta parts to leave out so that every row
// on screen shows the same ones.
func (m Model) metaDrop() int {
	drop := 0
	for _, a := range m.Visible() {
		parts := metaParts(a)
		for drop < len(parts)-1 && ansi.StringWidth(strings.Join(parts[drop:], " · ")) > m.metaRoom() {
			drop++
		}
	}
	return drop
}

// metaParts are the row's source, date (or file) and reading time.
func metaParts(a *reader.Article) []string {
	var when string
	switch {
	case !a.Published.IsZero():
		when = a.Published.Format("2 Jan 2006")
	default:
		when = rowFile(a)
	}
	parts := []string{a.Source()}
	if when != "" {
		parts = append(parts, when)
	}
	return append(parts, minutes(a))
}

// rowFile is the file name a row shows for an article read from a file,
// or "".
func rowFile(a *reader.Article) string {
	if a.Location == "" || a.Location == "-" || reader.IsURL(a.Location) || reader.IsItemLocation(a.Location) {
		return ""
	}
	return reader.Clean(filepath.Base(a.Location)) // file names can hold any byte
}

// fitMeta joins the parts that fit in w columns, dropping from the front.
func fitMeta(parts []string, w int) string {
	for len(parts) > 0 {
		s := strings.Join(parts, " · ")
		if ansi.StringWidth(s) <= w || len(parts) == 1 {
			return ansi.Truncate(s, w, "…")
		}
		parts = parts[1:]
	}
	return ""
}

func minutes(a *reader.Article) string {
	return strconv.Itoa(a.ReadingMinutes()) + " min"
}
