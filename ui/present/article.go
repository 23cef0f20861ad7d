package present

import (
	"strings"

	"github.com/brief-news/brief/reader"
)

// BodyMarkdown is an article's body as a full view shows it: cut to the
// display limits (ExcerptMarkdown) and in reading form (Readable), with
// the truncation notice when it was cut. words is the article's word
// count, hint the command that prints it all ("": none; see
// ReadCommand). It reads the whole body: the reader calls it in a Cmd.
func BodyMarkdown(body string, words int, hint string) string {
	x := ExcerptMarkdown(strings.TrimSpace(body))
	md := strings.TrimSpace(Readable(x.Text)) + "\n"
	if x.Truncated {
		md += "\n---\n\n*" + TruncationNotice(x, words, hint) + "*\n"
	}
	return md
}

// ArticleMarkdown is an article as one markdown document, for `brief
// read` and `brief open` on a terminal: headline, meta line, the body
// as BodyMarkdown shows it, tail (markdown after the body, "" for
// none), and links, the lines that describe its previous and next
// articles.
func ArticleMarkdown(a *reader.Article, body, tail, hint string, links []string) string {
	var b strings.Builder
	b.WriteString("# " + Escape(a.DisplayTitle()) + "\n\n")
	b.WriteString("*" + Escape(Meta(a)) + "*\n\n")
	b.WriteString(BodyMarkdown(body, a.Words, hint))
	if tail != "" {
		b.WriteString("\n" + tail + "\n")
	}
	if len(links) > 0 {
		b.WriteString("\n---\n\n")
	}
	for _, l := range links {
		b.WriteString("- " + Escape(l) + "\n")
	}
	return b.String()
}

// PlainArticle is an article as plain text, for pipes and NO_COLOR: no
// escape sequences, the body as it is (links and all), then links, the
// lines that describe its previous and next articles.
func PlainArticle(a *reader.Article, links []string) string {
	var b strings.Builder
	b.WriteString(a.DisplayTitle() + "\n" + Meta(a) + "\n\n")
	b.WriteString(strings.TrimSpace(a.Body) + "\n")
	if len(links) > 0 {
		b.WriteString("\n")
	}
	for _, l := range links {
		b.WriteString(l + "\n")
	}
	return reader.Clean(b.String())
}
