package present

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

func TestMeta(t *testing.T) {
	day := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		a    reader.Article
		want string
	}{
		{reader.Article{Byline: "Jane Doe", Site: "The Courier", Published: day, Words: 700, Location: "news/a.html"},
			"By Jane Doe · The Courier · 27 Nov 2026 · 3 min read"},
		// A file without a site is from its folder, as the list says.
		{reader.Article{Location: "news/edition/one.txt", Words: 10}, "edition · 1 min read"},
		// but the current folder is nothing to name
		{reader.Article{Location: "one.txt", Words: 10}, "1 min read"},
		{reader.Article{Location: "-", Byline: "Ann"}, "By Ann · stdin · 1 min read"},
	}
	for _, c := range cases {
		if got := Meta(&c.a); got != c.want {
			t.Errorf("Meta(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain words, 2.4 million.", "plain words, 2.4 million."},
		{`a *star* _under_ [link](x) <b> \ ` + "`code`", `a \*star\* \_under\_ \[link\](x) \<b> \\ ` + "\\`code\\`"},
		{"#1 choice", `\#1 choice`},
		{"R&D ~~gone~~ &lt;", "R&amp;D &#126;&#126;gone&#126;&#126; &amp;lt;"},
		{"- not a list", `\- not a list`},
		{"> not a quote", `\> not a quote`},
		{"1998. The year", `1998\. The year`},
		{"12) twelve", `12\) twelve`},
		{"3 items", "3 items"},
	}
	for _, c := range cases {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Escaped text renders as itself: every character shows, none becomes
// markup.
func TestEscapeRendersAsWritten(t *testing.T) {
	texts := []string{
		"the *levy* and _fee_ [draft] <b>bold</b> `code` \\ back",
		"#1 choice & R&D ~~struck~~ &lt;tag&gt;",
		"- a dash", "> a quote", "1998. A year", "+ plus",
	}
	for _, s := range texts {
		out, err := Render("- "+Escape(s)+"\n", 200, testRender)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ansi.Strip(out)), "•"))
		if got != s {
			t.Errorf("%q rendered as %q", s, got)
		}
	}
}

func TestSummaryMarkdown(t *testing.T) {
	s := summarizer.Summary{Sentences: []string{"The *levy* will rise [draft].", "- Not a list."}}
	want := "**Key points**\n\n- The \\*levy\\* will rise \\[draft\\].\n- \\- Not a list.\n\n"
	if got := SummaryMarkdown(s, nil); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	s.Truncated = true
	if got := SummaryMarkdown(s, nil); got != want+"*The article is long: this summary is of its first 50,000 words.*\n\n" {
		t.Errorf("long: %q", got)
	}
	short := summarizer.Summary{Sentences: []string{"Fares stay the *same*.", "Ferries run hourly."}, Short: true}
	if got := SummaryMarkdown(short, nil); got != "**Short article: shown in full**\n\nFares stay the \\*same\\*.\nFerries run hourly.\n\n" {
		t.Errorf("short: %q", got)
	}
	if got := SummaryMarkdown(summarizer.Summary{}, summarizer.ErrEmpty); got != "*Nothing to summarise.*\n\n" {
		t.Errorf("empty: %q", got)
	}
	if got := SummaryMarkdown(summarizer.Summary{}, errors.New("bad *input*")); got != "*No summary: bad \\*input\\**\n\n" {
		t.Errorf("failed: %q", got)
	}
	if got := LongSummaryWarning("big.txt"); got != "big.txt: the article is long: this summary is of its first 50,000 words" {
		t.Errorf("warning: %q", got)
	}
}

func TestSummaryHeader(t *testing.T) {
	a := &reader.Article{Title: "Rates *held*", Byline: "Jane_Doe", Site: "Courier", Words: 100}
	if got, want := SummaryHeader(a), "# Rates \\*held\\*\n\n*Summary · By Jane\\_Doe · Courier · 1 min read*\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := SummaryHeader(&reader.Article{Body: "text"}); got != "" {
		t.Errorf("untitled: %q", got)
	}
}

func TestPlainSummaryIsClean(t *testing.T) {
	a := &reader.Article{Title: "T\x1b]0;x\x07itle"}
	got := PlainSummary(a, summarizer.Summary{Sentences: []string{"One.\x1b[2J", "Two."}})
	if strings.ContainsAny(got, "\x1b\x07") || !strings.HasPrefix(got, "T") || !strings.HasSuffix(got, "\nTwo.\n") {
		t.Errorf("%q", got)
	}
}

func TestShortURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.example.com/":                                   "example.com",
		"https://example.com/news/2026/11/27/the-harbour-wall-story": "example.com/…/the-harbour-wall-story",
		"https://example.com/a/b":                                    "example.com/a/b",
		"not a url":                                                  "not a url",
	} {
		if got := reader.ShortURL(in); got != want {
			t.Errorf("ShortURL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Host("https://www.example.com/a"); got != "example.com" {
		t.Errorf("Host = %q", got)
	}
	if got := Host("/local/file"); got != "web" {
		t.Errorf("Host of a path = %q", got)
	}
}
