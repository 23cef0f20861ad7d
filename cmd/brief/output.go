package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/glamour/styles"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/present"
	"github.com/brief-news/brief/ui/termbg"
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
	// Route is where previous and next lead (read --json; routejson.go).
	Route *routesJSON `json:"route,omitempty"`
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

// linkLines describes where the article's previous and next lead, a
// line each, as the reader's footer and keys have it (present.RouteLine).
func linkLines(rs reader.Routes) []string { return present.RouteLines(rs) }

// plainArticle is the article as plain text (present.PlainArticle),
// with its previous/next lines.
func plainArticle(a *reader.Article, rs reader.Routes) string {
	return present.PlainArticle(a, linkLines(rs))
}

// markdownArticle is the article as one markdown document for glamour
// (present.ArticleMarkdown), with its previous/next lines: body is cut
// to the display limits with a notice (hint is the command that prints
// it all); tail is markdown that follows the body.
func markdownArticle(a *reader.Article, rs reader.Routes, body, tail, hint string) string {
	return present.ArticleMarkdown(a, body, tail, hint, linkLines(rs))
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

// render turns markdown into styled terminal output for a terminal
// width columns wide, as the reader renders it (present.Render): the
// same reading measure, centred. style is a glamour style or "auto".
func render(md, style string, width int) (string, error) {
	if style == "" || style == "auto" {
		// Not glamour's "auto": termenv's query waits five seconds on a
		// terminal that never answers; termbg waits 100 ms and falls back
		// to COLORFGBG. Only called for a terminal (e.tty).
		style = "light"
		if termbg.Dark() {
			style = "dark"
		}
	}
	out, err := present.Render(md, width, present.RenderOptions{Style: style})
	if err != nil {
		return "", err
	}
	return out + "\n", nil
}
