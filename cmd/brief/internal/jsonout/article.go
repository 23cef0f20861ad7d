// Package jsonout is brief's --json output: the objects scripts read
// from read, summary, list, open, search and feeds, and the encoder
// that writes them. A stable interface: add fields freely; never rename
// these. Every string comes from text brief has already cleaned (reader
// and library clean an article's fields as they parse and store them),
// so a script that prints a value is as safe as brief.
package jsonout

import (
	"encoding/json"
	"io"
	"time"

	"github.com/brief-news/brief/reader"
)

// Article is the --json form of an article.
type Article struct {
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
	Prev           *Link     `json:"prev"`
	Next           *Link     `json:"next"`
	// Route is where previous and next lead (read --json; routes.go).
	Route *Routes `json:"route,omitempty"`
}

// Link is a previous/next link in --json output.
type Link struct {
	Title    string  `json:"title"`
	Label    string  `json:"label"`
	URL      *string `json:"url"`
	Location *string `json:"location"`
	Kind     string  `json:"kind"`
	Resolved bool    `json:"resolved"`
}

// Summary is `brief summary --json`'s object: the article with its
// summary, and which engine wrote it.
type Summary struct {
	Article
	Engine string  `json:"engine"` // "model" or "offline"
	Model  *string `json:"model"`  // the model's name; null for the offline summary
	// Short: the article was too short to summarise; summary is all
	// of its sentences (summarizer.Summary.Short).
	Short bool `json:"short,omitempty"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toLink(l *reader.Link) *Link {
	if l == nil {
		return nil
	}
	return &Link{Title: l.Title, Label: l.Label, URL: optional(reader.Clean(l.URL)),
		Location: optional(reader.Clean(l.Target)), Kind: string(l.Kind), Resolved: l.Resolved}
}

// FromArticle converts an article; withBody adds text and summary (read
// and summary do, list does not). The locations are file names, which
// can hold any byte: one with control characters is shown cleaned (and
// so no longer names its file).
func FromArticle(a *reader.Article, withBody bool, summary []string) Article {
	j := Article{Title: a.Title, Byline: a.Byline, Site: a.Site, Location: reader.Clean(a.Location),
		URL: optional(reader.Clean(a.URL)), Words: a.Words, ReadingMinutes: a.ReadingMinutes(),
		Prev: toLink(a.Prev), Next: toLink(a.Next)}
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

// Write writes v as indented JSON, HTML characters as they are.
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
