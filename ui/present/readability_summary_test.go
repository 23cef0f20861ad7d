package present

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/brief-news/brief/internal/evaldata"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// Every page of the readability set (../shared/eval/readability, beside
// the repository and never copied into it), summarised as brief
// summarises it: no sentence holds link or image syntax or is one of the
// page's picture captions, and the summary's quotation marks balance.
func TestReadabilitySummariesAreClean(t *testing.T) {
	pages := evaldata.ReadabilitySources(t)
	summarised := 0
	for _, page := range pages {
		name := filepath.Base(filepath.Dir(page))
		c, err := reader.Load(context.Background(), []string{page}, nil)
		if err != nil || len(c.Articles) == 0 {
			continue // not an article: brief says so, and there is no summary to check
		}
		a, err := c.Open(context.Background(), c.Articles[0])
		if err != nil {
			continue
		}
		sum, err := Summarize(a, summarizer.Options{})
		if err != nil {
			continue
		}
		summarised++
		captions := figcaptions(t, page)
		for _, s := range sum.Sentences {
			for _, bad := range []string{"](", "![", "[["} {
				if strings.Contains(s, bad) {
					t.Errorf("%s: a summary sentence holds %q: %q", name, bad, s)
				}
			}
			for _, c := range captions {
				if norm(s) == c || (len(strings.Fields(s)) >= 4 && strings.Contains(c, norm(s))) {
					t.Errorf("%s: a summary sentence is the caption %q", name, c)
				}
			}
		}
		if open, closed := quotes(sum.Sentences); open != closed {
			t.Errorf("%s: the summary opens %d quotations and closes %d: %q", name, open, closed, sum.Sentences)
		}
	}
	if summarised < len(pages)/2 {
		t.Errorf("only %d of %d pages summarised", summarised, len(pages))
	}
}

// figcaptions are the page's picture captions, whitespace folded.
func figcaptions(t *testing.T, page string) []string {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *html.Node, in bool)
	var text strings.Builder
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "figcaption" {
			text.Reset()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, true)
			}
			if s := norm(text.String()); len(strings.Fields(s)) >= 4 {
				out = append(out, s)
			}
			return
		}
		if in && n.Type == html.TextNode {
			text.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// quotes counts the quotations the sentences open and close: curly
// marks by kind, straight double quotes in pairs.
func quotes(sentences []string) (open, closed int) {
	all := strings.Join(sentences, " ")
	open, closed = strings.Count(all, "“"), strings.Count(all, "”")
	if strings.Count(all, `"`)%2 == 1 {
		open++
	}
	return open, closed
}
