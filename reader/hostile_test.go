package reader

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
)

// checkClean fails unless every string an article shows is inert.
func checkClean(t *testing.T, what string, a *Article) {
	t.Helper()
	fields := map[string]string{"title": a.Title, "byline": a.Byline, "site": a.Site, "lang": a.Lang,
		"url": a.URL, "body": a.Body, "display title": a.DisplayTitle(), "source": a.Source()}
	for dir, l := range map[string]*Link{"prev": a.Prev, "next": a.Next} {
		if l != nil {
			fields[dir+" title"], fields[dir+" label"], fields[dir+" url"] = l.Title, l.Label, l.URL
		}
	}
	for name, s := range fields {
		if err := hostiletest.Check([]byte(s)); err != nil {
			t.Errorf("%s: %s: %v", what, name, err)
		}
	}
}

// shown is every field of a, for CheckShown.
func shown(a *Article) []byte {
	s := a.Title + "\n" + a.Byline + "\n" + a.Site + "\n" + a.Body
	for _, l := range []*Link{a.Prev, a.Next} {
		if l != nil {
			s += "\n" + l.Label + "\n" + l.Title
		}
	}
	return []byte(s)
}

func TestCleanHostilePayloads(t *testing.T) {
	for _, p := range hostiletest.Payloads {
		for name, clean := range map[string]func(string) string{"Clean": Clean, "CleanLine": CleanLine, "CleanMarkdown": CleanMarkdown} {
			got := clean("before " + p.Text)
			if err := hostiletest.Check([]byte(got)); err != nil {
				t.Errorf("%s(%s): %v", name, p.Name, err)
			}
			if err := hostiletest.CheckShown([]byte(got), p); err != nil {
				t.Errorf("%s(%s) = %q: %v", name, p.Name, got, err)
			}
			if !strings.HasPrefix(got, "before ") {
				t.Errorf("%s(%s) = %q ate the text before it", name, p.Name, got)
			}
		}
	}
}

// TestCleanUnterminatedKeepsNextLine: a control string with no end ends
// at its line, so that it cannot swallow the rest of an article.
func TestCleanUnterminatedKeepsNextLine(t *testing.T) {
	for _, in := range []string{"a\x1b]0;PWNED\nnext line", "a\u009d0;x\nnext line", "a\x1bPq\nnext line"} {
		if got := Clean(in); !strings.HasSuffix(got, "\nnext line") || strings.Contains(got, "\x1b") {
			t.Errorf("Clean(%q) = %q", in, got)
		}
	}
}

// TestCleanInvisiblePolicy pins which invisible characters go (they can
// hide or disguise text) and which stay (scripts and emoji need them).
func TestCleanInvisiblePolicy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zero\u200bwidth", "zerowidth"},
		{"word\u2060joiner\u2061\u2062\u2063\u2064", "wordjoiner"},
		{"bom \ufeffinside", "bom inside"},
		{"\ufeffbom first", "bom first"},
		{"mongolian\u180evs", "mongolianvs"},
		{"deprecated\u206a\u206f", "deprecated"},
		{"annotation\ufff9a\ufffab\ufffb", "annotationab"},
		{"tags\U000E0001\U000E0068\U000E0069\U000E007F", "tags"},
		{"line\u2028sep\u2029para", "line\nsep\npara"},
		// kept
		{"👩\u200d💻 coder", "👩\u200d💻 coder"},                 // ZWJ in an emoji sequence
		{"می\u200cخواهم", "می\u200cخواهم"},                   // ZWNJ in Persian
		{"क्\u200dष", "क्\u200dष"},                           // ZWJ in Devanagari
		{"a\u200eb\u200fc\u061cd", "a\u200eb\u200fc\u061cd"}, // LRM, RLM, ALM
		{"soft\u00adhyphen", "soft\u00adhyphen"},             // soft hyphen
		{"❤\ufe0f heart", "❤\ufe0f heart"},                   // variation selector
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := CleanLine("title\u2028second"); got != "title second" {
		t.Errorf("CleanLine with U+2028 = %q", got)
	}
}

// TestCleanMarkdownCharRefs: glamour and the summarizer decode character
// references, so a reference to a control is as hostile as the control.
func TestCleanMarkdownCharRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &#27;]0;PWNED&#7; b", "a ]0;PWNED b"},
		{"&#x1B;[2J&#X1b;[H", "[2J[H"},
		{"&#x202e;evil&#8238;", "evil"},
		{"zero&ZeroWidthSpace;&NoBreak;&#8203;&#xfeff;width", "zerowidth"},
		{"&#917601;tag", "tag"},
		{"del&#127;&#13;", "del"},
		// as html.UnescapeString (and so glamour) reads them: no ";" and
		// any number of leading zeros ("&#7" with one digit and no ";" it
		// leaves as text)
		{"a&#27[2J b&#x1b]0;X&#7 c", "a[2J b]0;X&#7 c"},
		{"&#x000000001b;]0;PWNED&#0000000027;[31m", "]0;PWNED[31m"},
		{"&#x1bad; &amp &#233 &ampersand", "&#x1bad; &amp &#233 &ampersand"},
		// printable references stay: the renderer shows them as text
		{"AT&amp;T &#233;t&eacute; &lt;b&gt; &#10; &copy;", "AT&amp;T &#233;t&eacute; &lt;b&gt; &#10; &copy;"},
		{"&#x9b; is › in HTML", "&#x9b; is › in HTML"},
		{"&nosuchentity; & ; &#;", "&nosuchentity; & ; &#;"},
		{"zwj &zwj; zwnj &zwnj; lrm &lrm;", "zwj &zwj; zwnj &zwnj; lrm &lrm;"},
	}
	for _, tt := range tests {
		if got := CleanMarkdown(tt.in); got != tt.want {
			t.Errorf("CleanMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileText is an article in the scraped-page text form with every
// payload in its headline, body and link headlines, and character
// references to controls besides.
func hostileText(md bool) string {
	ps := hostiletest.ForFiles()
	var b strings.Builder
	if md {
		b.WriteString("# ")
	}
	b.WriteString("Headline " + hostiletest.Join(ps, " ") + "\n\n")
	for _, p := range ps {
		b.WriteString("A paragraph of ordinary words carries " + p.Text + "\n\n")
	}
	b.WriteString("References &#27;]0;REFTITLE&#7; and &#x1b;[2J and &#x202e; &ZeroWidthSpace; in the text.\n\n")
	b.WriteString(strings.Repeat("Filler words keep the share of control bytes low as in real text. ", 40) + "\n\n")
	b.WriteString("Previous Article\n\nPrev " + hostiletest.Join(hostiletest.Terminated(), " ") + "\n\n")
	b.WriteString("Next Article: Next " + hostiletest.Join(ps, " ") + "\n")
	return b.String()
}

func TestParseTextHostile(t *testing.T) {
	for _, tc := range []struct {
		loc string
		md  bool
	}{{"hostile.txt", false}, {"hostile.md", true}} {
		for _, full := range []bool{true, false} {
			a, err := ParseDocument(tc.loc, []byte(hostileText(tc.md)), full)
			if err != nil {
				t.Fatalf("%s: %v", tc.loc, err)
			}
			checkClean(t, tc.loc, a)
			if a.Prev == nil || a.Next == nil {
				t.Fatalf("%s: links lost: %+v %+v", tc.loc, a.Prev, a.Next)
			}
			if !full {
				continue
			}
			if err := hostiletest.CheckShown(shown(a), hostiletest.ForFiles()...); err != nil {
				t.Errorf("%s: %v", tc.loc, err)
			}
			if strings.Contains(a.Body, "&#27;") || strings.Contains(a.Body, "&#x202e;") || !strings.Contains(a.Body, "]0;REFTITLE") {
				t.Errorf("%s: character references to controls kept:\n%s", tc.loc, a.Body)
			}
		}
	}
}

func TestParseTextInvalidUTF8Hostile(t *testing.T) {
	// A file that is not UTF-8 is read as Windows-1252, where 0x9b is "›".
	data := []byte("Headline rb<\x9b2J\x9d0;x\x07>\n\nBody text with \x9b31m raw bytes \x1b[2J in it.\n")
	a, err := ParseDocument("raw.txt", data, true)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, "raw.txt", a)
}

func TestParseHTMLHostile(t *testing.T) {
	ps := hostiletest.Terminated()
	all := hostiletest.Join(ps, " ")
	var paras strings.Builder
	for _, p := range ps {
		paras.WriteString("<p>A paragraph of ordinary words long enough to be article text carries " + p.Text + " in it, and goes on a little.</p>\n")
	}
	page := `<!doctype html><html><head><title>Page ` + all + `</title>
<meta name="author" content="Jane ` + all + `">
<meta property="og:site_name" content="Site ` + all + `">
<meta property="og:title" content="OG ` + all + `">
<link rel="canonical" href="https://news.example/story">
</head><body><article><h1>Heading ` + all + `</h1>
<p class="byline">By Jane ` + all + `</p>
` + paras.String() + `
<p>Entity-encoded: &#27;]0;PWNED&#7; and &#x1b;[2J and &amp;#27;]0;AMPREF&amp;#7; and &#x202e;RLO and &#x9b;31m, <a href="https://news.example/x">link ` + all + `</a>.</p>
<p>` + strings.Repeat("Filler words keep the page an article with enough text for the extractor to be sure. ", 10) + `</p>
</article>
<nav class="post-navigation">
<a rel="prev" href="/prev">Previous ` + all + `</a>
<a rel="next" href="/next?q=a%1b[2J">Next story: ` + all + `</a>
</nav></body></html>`
	a, err := ParseDocument("hostile.html", []byte(page), true)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, "hostile.html", a)
	if a.Prev == nil || a.Next == nil {
		t.Errorf("links lost: %+v %+v", a.Prev, a.Next)
	}
	for _, want := range []string{"AMPREF", "LINKTEXT", "DESREVER"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	if strings.Contains(a.Body, "&#27;") {
		t.Errorf("a character reference to ESC survives in the markdown:\n%s", a.Body)
	}
	if err := hostiletest.CheckShown([]byte(a.Body), ps...); err != nil {
		t.Errorf("body: %v", err)
	}
}

// Errors name a source with controls in it quoted, controls written
// out: the cleaned name could be another file that exists.
func TestShowName(t *testing.T) {
	for in, want := range map[string]string{
		"news/plain name.txt":       "news/plain name.txt",
		"no\x1b]0;X\afile.txt":      `"no\x1b]0;X\afile.txt"`,
		"a\u202eb\u200bc.txt":       `"a\u202eb\u200bc.txt"`,
		"two\nlines.txt":            `"two\nlines.txt"`,
		"bad\xffbyte.txt":           `"bad\xffbyte.txt"`,
		"https://x.example/a?q=é 中": "https://x.example/a?q=é 中",
	} {
		if got := ShowName(in); got != want {
			t.Errorf("ShowName(%q) = %s, want %s", in, got, want)
		}
	}
	err := (&FileError{Path: "no\x1b]0;X\afile.txt", Reason: "does not exist"}).Error()
	if err != `"no\x1b]0;X\afile.txt" does not exist` {
		t.Errorf("FileError: %s", err)
	}
}

// Title, byline and site are one line each: what an escape sequence
// leaves behind is no run of spaces, nor a line break.
func TestPageFieldsAreOneLine(t *testing.T) {
	page := "<html><head><title>Page \x1b]0;X\x07  H \x1b[2J\n</title><meta name=\"author\" content=\"Ann\n\x1b[31m Writer \">" +
		"<meta property=\"og:site_name\" content=\" The\u2028Site \"></head><body><article><p>" +
		strings.Repeat("Words of the page body, enough of them to be an article. ", 20) + "</p></article></body></html>"
	a, err := ParseDocument("page.html", []byte(page), true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Page H" || a.Byline != "Ann Writer" || a.Site != "The Site" {
		t.Errorf("title %q, byline %q, site %q", a.Title, a.Byline, a.Site)
	}
}
