package present

import (
	"path/filepath"
	"strings"

	"github.com/brief-news/brief/reader"
)

// Meta is the line under an article's headline, in the reader's header
// and in `brief read`/`brief summary`: "By Jane Doe · Site · 27 Nov 2026
// · 3 min read". Every part but the reading time is left out when
// unknown. The source is the site, or for a file without one the folder
// that holds it (reader.Article.Source), as the list shows it; a file in
// the current folder has no folder worth naming.
func Meta(a *reader.Article) string {
	var parts []string
	if a.Byline != "" {
		parts = append(parts, "By "+a.Byline)
	}
	if s := a.Source(); s != "" && s != "." && s != string(filepath.Separator) {
		parts = append(parts, s)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	return strings.Join(append(parts, a.ReadingTime()), " · ")
}

// escaper escapes the characters that start markdown inline syntax:
// emphasis, code, links, autolinks and HTML, headings with a backslash;
// strikethrough and character references as references, since glamour
// shows "\~" and "\&" with their backslash.
var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, "#", `\#`, "~", "&#126;", "&", "&amp;")

// Escape keeps plain text (a headline, a meta line, a summary sentence,
// an error message) from being read as markdown when it is put into a
// markdown document: its characters all show as themselves. A line that
// starts like a block (a list item, a quote, a numbered item) has that
// start escaped too, since the text may land at the start of a line.
func Escape(s string) string {
	s = escaper.Replace(s)
	t := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(t)]
	switch {
	case t == "":
	case strings.ContainsRune("-+>=|", rune(t[0])):
		return lead + `\` + t
	case t[0] >= '0' && t[0] <= '9':
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i < len(t) && (t[i] == '.' || t[i] == ')') {
			return lead + t[:i] + `\` + t[i:]
		}
	}
	return s
}
