package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/brief-news/brief/reader"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
)

// articleJSON is the --json form of an article: a stable interface that
// scripts depend on. Add fields freely; never rename these.
type articleJSON struct {
	Title          string    `json:"title"`
	Byline         string    `json:"byline"`
	Site           string    `json:"site"`
	Published      *string   `json:"published"`
	Location       string    `json:"location"`
	URL            *string   `json:"url"`
	Words          int       `json:"words"`
	ReadingMinutes int       `json:"reading_minutes"`
	Text           *string   `json:"text,omitempty"`
	Summary        *[]string `json:"summary,omitempty"`
	Prev           *linkJSON `json:"prev"`
	Next           *linkJSON `json:"next"`
}

// linkJSON is a previous/next link in --json output.
type linkJSON struct {
	Title    string  `json:"title"`
	Label    string  `json:"label"`
	URL      *string `json:"url"`
	Location *string `json:"location"`
	Kind     string  `json:"kind"`
	Resolved bool    `json:"resolved"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toLinkJSON(l *reader.Link) *linkJSON {
	if l == nil {
		return nil
	}
	return &linkJSON{Title: l.Title, Label: l.Label, URL: optional(reader.Clean(l.URL)),
		Location: optional(reader.Clean(l.Target)), Kind: string(l.Kind), Resolved: l.Resolved}
}

// toJSON converts an article; withBody adds text and summary (read and
// summary do, list does not). Every string is clean before it is
// encoded: a script that prints a value must be as safe as brief. The
// locations are file names, which can hold any byte: one with control
// characters is shown cleaned (and so no longer names its file).
func toJSON(a *reader.Article, withBody bool, summary []string) articleJSON {
	j := articleJSON{Title: a.Title, Byline: a.Byline, Site: a.Site, Location: reader.Clean(a.Location),
		URL: optional(reader.Clean(a.URL)), Words: a.Words, ReadingMinutes: a.ReadingMinutes(),
		Prev: toLinkJSON(a.Prev), Next: toLinkJSON(a.Next)}
	if !a.Published.IsZero() {
		j.Published = optional(a.Published.Format(time.RFC3339))
	}
	if withBody {
		text := a.Body
		if summary == nil {
			summary = []string{}
		}
		j.Text, j.Summary = &text, &summary
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// metaLine is "By Jane Doe · Site · 27 Nov 2026 · 3 min read".
func metaLine(a *reader.Article) string {
	var parts []string
	if a.Byline != "" {
		parts = append(parts, "By "+a.Byline)
	}
	if a.Site != "" {
		parts = append(parts, a.Site)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	parts = append(parts, a.ReadingTime())
	return strings.Join(parts, " · ")
}

// linkLine describes a link for people: its label, title and where it
// leads, or why it leads nowhere. Cleaned, as it can quote a file name.
func linkLine(l *reader.Link, direction string) string {
	return reader.Clean(describeLink(l, direction))
}

// describeLink uses the page's own label when it has one that says
// something ("Next story"), else the direction ("Next").
func describeLink(l *reader.Link, direction string) string {
	title := l.Title
	if title == "" {
		title = l.URL
	}
	label := strings.Trim(l.Label, " \t←→«»‹›<>:|")
	if !hasLetter(label) {
		label = direction
	}
	switch {
	case l.InCollection():
		return fmt.Sprintf("%s: %s (%s)", label, title, l.Target)
	case l.Resolved && l.URL != "":
		return fmt.Sprintf("%s: %s (%s)", label, title, l.URL)
	default:
		return fmt.Sprintf("%s: %s (not in this collection)", label, title)
	}
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// linkLines describes the article's previous and next links, a line each.
func linkLines(a *reader.Article) []string {
	var out []string
	if a.Prev != nil {
		out = append(out, linkLine(a.Prev, "Previous"))
	}
	if a.Next != nil {
		out = append(out, linkLine(a.Next, "Next"))
	}
	return out
}

// plainArticle is the article as plain text: no escape sequences, for
// pipes and NO_COLOR.
func plainArticle(a *reader.Article) string {
	var b strings.Builder
	b.WriteString(a.DisplayTitle() + "\n" + metaLine(a) + "\n\n")
	b.WriteString(strings.TrimSpace(a.Body) + "\n")
	if a.Prev != nil || a.Next != nil {
		b.WriteString("\n")
	}
	for _, l := range linkLines(a) {
		b.WriteString(l + "\n")
	}
	return reader.Clean(b.String())
}

// markdownArticle is the article as one markdown document for glamour,
// its body cut to the display limits with a notice (hint is the command
// that prints it all) when it is longer; tail is markdown that follows
// the body.
func markdownArticle(a *reader.Article, body, tail, hint string) string {
	var b strings.Builder
	b.WriteString("# " + escapeInline(a.DisplayTitle()) + "\n\n")
	b.WriteString("*" + escapeInline(metaLine(a)) + "*\n\n")
	x := reader.ExcerptMarkdown(strings.TrimSpace(body))
	b.WriteString(x.Text + "\n")
	if x.Truncated {
		b.WriteString("\n---\n\n*" + reader.TruncationNotice(x, a.Words, hint) + "*\n")
	}
	if tail != "" {
		b.WriteString("\n" + tail + "\n")
	}
	if a.Prev != nil || a.Next != nil {
		b.WriteString("\n---\n\n")
	}
	for _, l := range linkLines(a) {
		b.WriteString("- " + escapeInline(l) + "\n")
	}
	return b.String()
}

// escapeInline keeps text from being read as markdown emphasis, code or
// links.
func escapeInline(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`)
	return r.Replace(s)
}

// checkStyle rejects a --style that glamour does not have, as a usage
// error, whatever the output goes to.
func checkStyle(name string) error {
	if name == "auto" {
		return nil
	}
	if _, ok := styles.DefaultStyles[name]; ok {
		return nil
	}
	names := []string{"auto"}
	for n := range styles.DefaultStyles {
		names = append(names, n)
	}
	sort.Strings(names[1:])
	return fmt.Errorf("unknown style %q (try %s)", name, strings.Join(names, ", "))
}

// render turns markdown into styled terminal output at the given width.
func render(md, style string, width int) (string, error) {
	if width <= 0 {
		width = 80
	}
	if width > 100 {
		width = 100 // a comfortable reading measure
	}
	opts := []glamour.TermRendererOption{glamour.WithWordWrap(width - 4), glamour.WithEmoji()}
	if style == "" || style == "auto" {
		opts = append(opts, glamour.WithAutoStyle())
	} else {
		opts = append(opts, glamour.WithStandardStyle(style))
	}
	r, err := glamour.NewTermRenderer(opts...)
	if err != nil {
		return "", err
	}
	return r.Render(reader.ForRenderer(md, width-4))
}
