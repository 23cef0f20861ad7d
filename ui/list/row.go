// How one article is drawn as a row of the list.

package list

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/internal/sample"
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
	inner := max(m.width-4, 10) // bar, mark and a space
	if m.keys.Library {
		// Saved beside read, not instead: a saved article still says
		// whether it was read.
		star := " "
		if m.marks.IsSaved(a.Location) {
			star = st.Unread.Render("★")
		}
		mark += star
		inner--
	}
	meta := fitMeta(metaLevel(metaParts(a), drop), m.metaRoom())
	tw := inner - ansi.StringWidth(meta) - 2
	if meta == "" {
		tw = inner
	}
	t := ansi.Truncate(a.DisplayTitle(), tw, "…")
	gap := max(inner-ansi.StringWidth(t)-ansi.StringWidth(meta), 1)
	line1 := bar + mark + " " + title.Render(t) + strings.Repeat(" ", gap) + st.Meta.Render(meta)
	snip := m.line(a.Location)
	line2 := bar + "  " + st.Snippet.Render(ansi.Truncate(snip, inner, "…"))
	return line1 + "\n" + line2 + "\n"
}

// metaRoom is the widest the meta column may be.
func (m Model) metaRoom() int { return max(m.width-4, 10) * 2 / 5 }

// metaDrop is how many meta parts to leave out (metaLevel) so that every
// row on screen shows the same ones.
func (m Model) metaDrop() int {
	drop := 0
	for _, a := range m.Visible() {
		parts := metaParts(a)
		for drop < 2 && ansi.StringWidth(strings.Join(metaLevel(parts, drop), " · ")) > m.metaRoom() {
			drop++
		}
	}
	return drop
}

// metaLevel leaves out meta parts, the date (or file) first, then the
// reading time: the source always shows, so that two feeds carrying
// the same story never show as identical rows.
func metaLevel(parts []string, drop int) []string {
	switch {
	case drop <= 0 || len(parts) == 1:
		return parts
	case drop == 1 && len(parts) == 3:
		return []string{parts[0], parts[2]}
	}
	return parts[:1]
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
// or "" (the sample edition's are embedded: no file to name).
func rowFile(a *reader.Article) string {
	if a.Location == "" || a.Location == "-" || reader.IsURL(a.Location) || reader.IsItemLocation(a.Location) || sample.IsSample(a) {
		return ""
	}
	return reader.Clean(filepath.Base(a.Location)) // file names can hold any byte
}

// fitMeta joins the parts in w columns: metaLevel's choice, cut short
// when even the source alone is too long.
func fitMeta(parts []string, w int) string {
	for drop := 0; drop <= 2; drop++ {
		if s := strings.Join(metaLevel(parts, drop), " · "); ansi.StringWidth(s) <= w || drop == 2 {
			return ansi.Truncate(s, w, "…")
		}
	}
	return ""
}

func minutes(a *reader.Article) string {
	return strconv.Itoa(a.ReadingMinutes()) + " min"
}
