package ui

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestMain(m *testing.M) {
	// A fixed colour profile and background make the golden files the
	// same on every terminal, CI included.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// testRender is glamour with a fixed style, not auto.
var testRender = renderOptions{Style: "dark", Profile: termenv.Ascii}

// fakeSource serves articles from memory and counts what is opened.
type fakeSource struct {
	c       *reader.Collection
	skipped []error
	fail    map[string]error // Open fails for these locations
	fetch   func(ctx context.Context, url string) (*reader.Article, error)

	mu     sync.Mutex
	opened map[string]int
}

func (s *fakeSource) Articles() []*reader.Article       { return s.c.Articles }
func (s *fakeSource) Skipped() []error                  { return s.skipped }
func (s *fakeSource) Lookup(loc string) *reader.Article { return s.c.Lookup(loc) }
func (s *fakeSource) Open(ctx context.Context, a *reader.Article) (*reader.Article, error) {
	s.mu.Lock()
	s.opened[a.Location]++
	s.mu.Unlock()
	if err := s.fail[a.Location]; err != nil {
		return nil, err
	}
	return s.c.Open(ctx, a) // a itself unless the collection only scanned it
}
func (s *fakeSource) Fetch(ctx context.Context, url string) (*reader.Article, error) {
	if s.fetch == nil {
		return nil, errors.New("no network in tests")
	}
	return s.fetch(ctx, url)
}

// fakeSummarizer keeps the first two sentences, split at ". ".
type fakeSummarizer struct{}

func (fakeSummarizer) Summarize(a *reader.Article) (summarizer.Summary, error) {
	body := strings.Join(strings.Fields(a.Body), " ")
	if body == "" {
		return summarizer.Summary{}, summarizer.ErrEmpty
	}
	parts := strings.SplitAfter(body, ". ")
	if len(parts) > 2 {
		parts = parts[:2]
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return summarizer.Summary{Sentences: parts}, nil
}

// textArticle parses an article in the scraped-page text form.
func textArticle(t testing.TB, loc, title, prev, next string, paras ...string) *reader.Article {
	t.Helper()
	var b strings.Builder
	b.WriteString(title + "\n\n")
	for _, p := range paras {
		b.WriteString(p + "\n\n")
	}
	if prev != "" {
		b.WriteString("Previous Article\n\n" + prev + "\n\n")
	}
	if next != "" {
		b.WriteString("Next Article\n\n" + next + "\n")
	}
	a, err := reader.ParseText(loc, []byte(b.String()), true)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// testCollection: a chain alpha → beta → gamma whose first Previous is
// not in the collection, delta with a web link, and epsilon with none.
func testCollection(t testing.TB) *reader.Collection {
	lorem := "The council met on Tuesday. It voted eleven to four. The service starts in March. Costs are shared by the city and the venues."
	a := textArticle(t, "news/a.txt", "Alpha Council Opens Night Trams", "Harbour Timetable Published", "Beta Glacier Riverbed Mapped",
		lorem, "Residents welcomed the news. Some worried about noise.")
	b := textArticle(t, "news/b.txt", "Beta Glacier Riverbed Mapped", "Alpha Council Opens Night Trams", "Gamma Inflation Eases",
		"Researchers mapped a riverbed under the ice. The radar survey took two winters.")
	c := textArticle(t, "news/c.txt", "Gamma Inflation Eases", "Beta Glacier Riverbed Mapped", "",
		"Inflation slowed to 3 percent. Fuel prices fell.")
	d := textArticle(t, "news/d.txt", "Delta Web Linked Story", "", "",
		"This story links to the web. Its next article is a page.")
	d.Next = &reader.Link{Label: "Next", Title: "Web Story", URL: "https://example.com/web-story", Kind: reader.KindRel, Resolved: true}
	e := textArticle(t, "news/e.txt", "Epsilon Has No Links", "", "",
		"A story with no previous or next article. Its neighbours come from the list.")
	return reader.NewCollection([]*reader.Article{a, b, c, d, e})
}

// testModel drives the root model as the program would, running the
// Cmds it returns and feeding their messages back.
type testModel struct {
	t    testing.TB
	m    Model
	src  *fakeSource
	quit bool
	// pending holds Cmds still running (a fetch waiting on the network).
	pending []chan tea.Msg
	// patience is how long a Cmd may run before it is left pending.
	patience time.Duration
}

type testOption func(*fakeSource)

// newTestModel builds a model over the test collection, sized w×h.
func newTestModel(t testing.TB, w, h int, opts ...testOption) *testModel {
	t.Helper()
	return newTestModelOn(t, testCollection(t), w, h, opts...)
}

func newTestModelOn(t testing.TB, c *reader.Collection, w, h int, opts ...testOption) *testModel {
	src := &fakeSource{c: c, opened: map[string]int{}, fail: map[string]error{}}
	for _, o := range opts {
		o(src)
	}
	d := deps{
		src: src, sum: fakeSummarizer{}, read: NewMemoryReadState(),
		after:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
		openURL: func(string) error { return nil },
		copy:    func(string) error { return nil },
	}
	tm := &testModel{t: t, src: src, m: newModel(context.Background(), d, testRender), patience: 10 * time.Second}
	for _, msg := range tm.exec(tm.m.Init()) {
		tm.send(msg)
	}
	tm.send(tea.WindowSizeMsg{Width: w, Height: h})
	return tm
}

// send delivers a message and everything that follows from it.
func (tm *testModel) send(msg tea.Msg) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 || tm.collect(&queue) {
		msg, queue = queue[0], queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			tm.quit = true
			continue
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				queue = append(queue, tm.exec(c)...)
			}
			continue
		}
		next, cmd := tm.m.Update(msg)
		tm.m = next.(Model)
		queue = append(queue, tm.exec(cmd)...)
	}
}

// exec runs a Cmd, waiting a little; one that takes longer (a blocked
// fetch) is kept pending and its message delivered when it comes.
func (tm *testModel) exec(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(tm.patience):
		tm.pending = append(tm.pending, ch)
		return nil
	}
}

// collect moves finished pending Cmds' messages to the queue.
func (tm *testModel) collect(queue *[]tea.Msg) bool {
	got := false
	keep := tm.pending[:0]
	for _, ch := range tm.pending {
		select {
		case msg := <-ch:
			if msg != nil {
				*queue = append(*queue, msg)
				got = true
			}
		default:
			keep = append(keep, ch)
		}
	}
	tm.pending = keep
	return got
}

// wait lets pending Cmds finish and delivers their messages.
func (tm *testModel) wait() {
	deadline := time.Now().Add(2 * time.Second)
	for len(tm.pending) > 0 && time.Now().Before(deadline) {
		if !tm.deliver() {
			time.Sleep(5 * time.Millisecond)
		}
	}
}

// deliver sends the messages of the pending Cmds that have finished,
// and reports whether there were any.
func (tm *testModel) deliver() bool {
	var q []tea.Msg
	if !tm.collect(&q) {
		return false
	}
	for _, msg := range q {
		tm.send(msg)
	}
	return true
}

// keys types each key in turn: "enter", "esc", "backspace", "tab",
// "up", "down", "ctrl+c", or text.
func (tm *testModel) keys(keys ...string) {
	for _, k := range keys {
		tm.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "backspace": tea.KeyBackspace,
		"tab": tea.KeyTab, "up": tea.KeyUp, "down": tea.KeyDown, "ctrl+c": tea.KeyCtrlC,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, " ": tea.KeySpace,
	}
	if t, ok := types[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types a string one rune at a time.
func (tm *testModel) typeText(s string) {
	for _, r := range s {
		tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// view is the screen as plain text.
func (tm *testModel) view() string { return ansi.Strip(tm.m.View()) }

// expect fails unless the screen shows every string.
func (tm *testModel) expect(want ...string) {
	tm.t.Helper()
	v := tm.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			tm.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

// expectNot fails if the screen shows any of the strings.
func (tm *testModel) expectNot(unwanted ...string) {
	tm.t.Helper()
	v := tm.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			tm.t.Fatalf("screen shows %q:\n%s", w, v)
		}
	}
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./ui -update rewrites it)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

// renderWhole runs a document's render Cmd and the Cmds of its later
// pieces, one after the other, as the reader does in the background,
// and returns the whole rendering as one message.
func renderWhole(tb testing.TB, k renderKey, d *doc, md mode, opts renderOptions) renderedMsg {
	tb.Helper()
	r := docRenderCmd(k, 1, d, md, opts)().(renderedMsg)
	for i, p := range r.Rest {
		if r.Err != nil {
			break
		}
		pm := pieceCmd(k, 1, i+1, p, opts)().(pieceMsg)
		r.Content += pm.Content
		r.Err = pm.Err
	}
	r.Rest = nil
	return r
}
