package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/glamour/styles"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/present"
	"github.com/brief-news/brief/ui/termbg"
)

// plainArticle is the article as plain text (present.PlainArticle),
// with its previous/next lines as the reader's footer and keys have
// them (present.RouteLines).
func plainArticle(a *reader.Article, rs reader.Routes) string {
	return present.PlainArticle(a, present.RouteLines(rs))
}

// markdownArticle is the article as one markdown document for glamour
// (present.ArticleMarkdown), with its previous/next lines: body is cut
// to the display limits with a notice (hint is the command that prints
// it all); tail is markdown that follows the body.
func markdownArticle(a *reader.Article, rs reader.Routes, body, tail, hint string) string {
	return present.ArticleMarkdown(a, body, tail, hint, present.RouteLines(rs))
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
	out, err := present.Render(md, width, present.RenderOptions{Style: termbg.Style(style)})
	if err != nil {
		return "", err
	}
	return out + "\n", nil
}

// renderTo writes what render returns to w a piece at a time
// (present.SplitMarkdown): a long article's start is out at once, and
// glamour never holds the whole of it.
func renderTo(w io.Writer, md, style string, width int) error {
	o := present.RenderOptions{Style: termbg.Style(style)}
	for i, p := range present.SplitMarkdown(md, present.FirstPieceBytes) {
		out, err := present.RenderPiece(p, i, width, o)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, out); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// streamWriter buffers rows for w: big enough to make few writes, small
// enough that the first rows are out at once (jsonout.Array streams
// --json the same way).
func streamWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 32<<10) }
