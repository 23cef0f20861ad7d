package present

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/reader"
)

// The full view's body is in reading form: link text without targets,
// no images; code keeps its brackets.
func TestBodyMarkdownIsReadable(t *testing.T) {
	body := "![logo](https://x/a.png)\n\nSee [the report](https://example.com/r) today.[[2]](https://w.org/M#cite_note-2)\n\n```\n[keep](this)\n```\n"
	got := BodyMarkdown(body, 5, "")
	want := "See the report today.[2]\n\n```\n[keep](this)\n```\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestArticleMarkdown(t *testing.T) {
	a := &reader.Article{Title: "Rates *held*", Byline: "Jane", Site: "Courier", Words: 3, Location: "a.html"}
	got := ArticleMarkdown(a, "Rates [held](https://x/r).", "*From the feed*", "", []string{"Next: [Story] (b.html)"})
	want := "# Rates \\*held\\*\n\n*By Jane · Courier · 1 min read*\n\nRates held.\n\n*From the feed*\n\n---\n\n- Next: \\[Story\\] (b.html)\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if md := ArticleMarkdown(a, "Body.", "", "", nil); strings.Contains(md, "---") {
		t.Errorf("a rule without links: %q", md)
	}
}

// Piped, the body is printed as it is, links and all, cleaned.
func TestPlainArticle(t *testing.T) {
	a := &reader.Article{Title: "Rates\x1b[2J", Site: "Courier", Words: 3, Location: "a.html", Body: "\nSee [it](https://x/r).\n"}
	got := PlainArticle(a, []string{"Next: Story (b.html)"})
	want := "Rates\nCourier · 1 min read\n\nSee [it](https://x/r).\n\nNext: Story (b.html)\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
