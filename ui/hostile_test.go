package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

// withColour renders in 256 colours for the test, so that the screens
// carry brief's own styling for hostiletest.Check to tell apart.
func withColour(t *testing.T) {
	prof, render := lipgloss.ColorProfile(), testRender
	lipgloss.SetColorProfile(termenv.ANSI256)
	testRender = renderOptions{Style: "dark", Profile: termenv.ANSI256}
	t.Cleanup(func() { lipgloss.SetColorProfile(prof); testRender = render })
}

// checkScreen fails if the screen, as the program would write it, holds
// anything but text and brief's styling.
func checkScreen(t *testing.T, what, screen string) {
	t.Helper()
	if err := hostiletest.Check([]byte(screen)); err != nil {
		t.Errorf("%s: %v", what, err)
	}
	if !strings.Contains(screen, "\x1b[") {
		t.Errorf("%s: no styling: the check proves less than it should", what)
	}
}

// hostileCollection is articles read the way brief reads files, with
// every payload in their headlines, bodies and link headlines.
func hostileCollection(t *testing.T) *reader.Collection {
	ps := hostiletest.ForFiles()
	var paras []string
	for _, p := range ps {
		paras = append(paras, "This paragraph carries "+p.Text)
	}
	paras = append(paras, "Character references &#27;]0;REFTITLE&#7; and &#x1b;[2J and &#x202e;RLO in the text.")
	a := textArticle(t, "news/h1.txt", "First "+hostiletest.Join(ps, " "), "Gone "+hostiletest.Join(hostiletest.Terminated(), " "),
		"Second story", paras...)
	b := textArticle(t, "news/h2.txt", "Second story", "First "+hostiletest.Join(ps, " "), "Next "+hostiletest.Join(ps, " "),
		"A plain story. It links back to the hostile one.")
	html := `<html><head><title>Page ` + hostiletest.Join(hostiletest.Terminated(), " ") + `</title>
<meta name="author" content="Ann ` + hostiletest.Join(hostiletest.Terminated(), " ") + `">
<meta property="og:site_name" content="Site ` + hostiletest.Join(hostiletest.Terminated(), " ") + `">
<link rel="canonical" href="https://h.example/story"></head>
<body><article><p>` + strings.Repeat("Words of an ordinary article about trams and harbours. ", 12) + hostiletest.Join(hostiletest.Terminated(), " ") + `</p></article>
<a rel="next" href="https://h.example/next">Next ` + hostiletest.Join(hostiletest.Terminated(), " ") + `</a></body></html>`
	c, err := reader.ParseDocument("news/h3.html", []byte(html), true)
	if err != nil {
		t.Fatal(err)
	}
	return reader.NewCollection([]*reader.Article{a, b, c})
}

func TestHostileTextOnEveryScreen(t *testing.T) {
	withColour(t)
	c := hostileCollection(t)
	bad := "news/\x1b]0;PWNED\x07\x1b[2J" + "missing\u202e.txt"
	c = reader.NewCollection(append(c.Articles, &reader.Article{Title: "Unreadable", Location: bad, Partial: true, Words: 10}))
	tm := newTestModelOn(t, c, 160, 50, func(s *fakeSource) {
		s.fail[bad] = &reader.FileError{Path: bad, Reason: "cannot be read"}
		s.skipped = []error{&reader.FileError{Path: "news/e\x1b[31mvil\x07.txt", Reason: "is empty"}}
		s.fetch = func(ctx context.Context, url string) (*reader.Article, error) {
			return nil, errors.New("fetching " + url + "\x1b]0;PWNED\x07\x1b[2J failed \u202eRLO")
		}
	})
	checkScreen(t, "list", tm.m.View())
	tm.expect("evil.txt is empty", "First t0«» t1«»")
	tm.keys("?")
	checkScreen(t, "help", tm.m.View())
	tm.keys("esc")
	open := func(filter string) {
		tm.keys("q", "esc", "/")
		tm.typeText(filter)
		tm.keys("enter", "enter")
		tm.wait()
	}
	open("first")
	tm.keys("p") // its previous article is not here: the status quotes the hostile headline
	checkScreen(t, "not here status", tm.m.View())
	tm.expect("not in this collection")
	tm.keys("g")
	// Page through the article: every part of it shows, and inertly.
	var seen strings.Builder
	for i := 0; i < 12; i++ {
		screen := tm.m.View()
		checkScreen(t, fmt.Sprintf("article page %d", i), screen)
		seen.Write(hostiletest.Strip([]byte(screen)))
		tm.keys("pgdown")
	}
	if err := hostiletest.CheckShown([]byte(strings.Join(strings.Fields(seen.String()), "")), hostiletest.Terminated()...); err != nil {
		t.Errorf("article: %v", err)
	}
	tm.keys("s")
	checkScreen(t, "summary", tm.m.View())
	tm.keys("?")
	checkScreen(t, "article help", tm.m.View())
	tm.keys("esc", "n")
	checkScreen(t, "next article", tm.m.View())
	open("page")
	checkScreen(t, "web article", tm.m.View())
	tm.expect("Ann t0«»")
	// A browser that fails quotes what it was given: the status is inert.
	tm.m.openURL = func(u string) error { return errors.New("xdg-open " + u + ": \x1b]0;PWNED\x07\x1b[2J no browser") }
	tm.keys("o")
	tm.wait()
	checkScreen(t, "browser error", tm.m.View())
	tm.expect("no browser")
	tm.keys("n")
	tm.wait()
	checkScreen(t, "fetch error", tm.m.View())
	tm.expect("h.example/next failed RLO") // the error quoting the hostile URL, inert
	open("unreadable")
	checkScreen(t, "open error", tm.m.View())
	// the name is quoted with its controls written out, not passed off
	// as a cleaned look-alike
	tm.expect(`"news/\x1b]0;PWNED\a\x1b[2Jmissing\u202e.txt" cannot be read`)
	tm.keys("q", "/")
	tm.typeText("first")
	checkScreen(t, "filter", tm.m.View())
}

func TestHostileFeedInLibrary(t *testing.T) {
	withColour(t)
	all := hostiletest.Join(hostiletest.ForFiles(), " ")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><link>%s/</link>
<item><title>Item %s</title><link>%s/1</link><guid>g1</guid><author>a@h.example (Ann %s)</author>
<description>&lt;p&gt;%s Story text &amp;#27;]0;REF&amp;#7; of the night trams.&lt;/p&gt;</description></item></channel></rss>`,
			all, srv.URL, all, srv.URL, all, strings.Repeat(all+" ", 3))
	}))
	defer srv.Close()
	lib, err := library.Open(filepath.Join(t.TempDir(), "brief.db"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	ctx := context.Background()
	if _, _, _, err := feed.Subscribe(ctx, lib.Store, nil, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	src, err := library.NewSource(ctx, lib, store.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	deps := deps{
		src: src, sum: fakeSummarizer{}, read: src, lib: src,
		after:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
		openURL: func(string) error { return nil },
		copy:    func(string) error { return nil },
	}
	d := &libDriver{t: t, m: newModel(ctx, deps, testRender)}
	d.send(tea.WindowSizeMsg{Width: 140, Height: 40})
	checkScreen(t, "library list", d.m.View())
	d.keys("F")
	checkScreen(t, "one feed", d.m.View())
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	checkScreen(t, "library article", d.m.View())
	d.keys("s")
	checkScreen(t, "library summary", d.m.View())
}

// TestRenderDropsControlReferences: markdown that reached the reader
// without passing through the reader package's parsers (a body stored
// by an older brief) still cannot decode to a control on the screen:
// "&#27;" is an ESC to glamour.
func TestRenderDropsControlReferences(t *testing.T) {
	withColour(t)
	a := &reader.Article{Title: "Direct &#27;]0;TITLE&#7;", Location: "news/direct.txt", Words: 30,
		Body: "Refs &#27;]0;PWNED&#7; and `&#x1b;[2J` and &#x202e;RLO and &ZeroWidthSpace;here, &#27[2J, &#x000000001b;]0;X&#7 and &#0027;[31m.\n\n" +
			"Second paragraph. It has &#x1B;[31mred&#x1b;[0m words and more words to read."}
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	tm.keys("enter")
	tm.wait()
	checkScreen(t, "article", tm.m.View())
	tm.expect("]0;PWNED")
	tm.keys("s")
	tm.wait()
	checkScreen(t, "summary", tm.m.View())
}
