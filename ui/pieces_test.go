package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/present"
)

// longBody is an article body of about words words in paragraphs of
// 58, numbered, ending in "Zephyr closes the report."
func longBody(words int) string {
	var b strings.Builder
	for i := 0; i*58 < words; i++ {
		fmt.Fprintf(&b, "Paragraph %d. %s%s%s%s\n\n", i+1, prose, prose, prose, prose)
	}
	return b.String() + "Zephyr closes the report."
}

// TestLongArticleIsWhole: a 20,000-word article is shown whole, with no
// notice: its last word is on screen after G.
func TestLongArticleIsWhole(t *testing.T) {
	a := hugeArticle(t, "news/long.txt", longBody(20_000))
	if a.Words < 20_000 {
		t.Fatalf("%d words", a.Words)
	}
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	tm.keys("enter")
	tm.expect("Paragraph 1.")
	tm.keys("G")
	tm.expect("Zephyr closes the report.", "100%")
	tm.expectNot("Article truncated", "rendering the rest")
	// Re-opened, it is all there at once: the cache holds the whole.
	tm.keys("q", "enter", "G")
	tm.expect("Zephyr closes the report.")
}

// drive runs one message through Update and returns the messages its
// Cmds produce, without delivering them: the test delivers them.
func drive(t *testing.T, m Model, msg tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	next, cmd := m.Update(msg)
	var out []tea.Msg
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		default:
			out = append(out, msg)
		}
	}
	run(cmd)
	return next.(Model), out
}

// only returns the one message of type T among msgs.
func only[T tea.Msg](t *testing.T, msgs []tea.Msg) T {
	t.Helper()
	var found []T
	for _, m := range msgs {
		if x, ok := m.(T); ok {
			found = append(found, x)
		}
	}
	if len(found) != 1 {
		var zero T
		t.Fatalf("%d messages of type %T in %d", len(found), zero, len(msgs))
	}
	return found[0]
}

// fullRender is the render of the full text among msgs.
func fullRender(t *testing.T, msgs []tea.Msg) renderedMsg {
	t.Helper()
	for _, msg := range msgs {
		if r, ok := msg.(renderedMsg); ok && r.Key.Mode == modeFull {
			return r
		}
	}
	t.Fatalf("no render of the full text in %d messages", len(msgs))
	return renderedMsg{}
}

// TestPiecesArriveInOrder: the first piece shows the article's start at
// once, with a note that the rest is rendering; each later piece is
// appended where the reader is; pieces of another article, width, mode
// or render are dropped.
func TestPiecesArriveInOrder(t *testing.T) {
	a := hugeArticle(t, "news/long.txt", longBody(20_000))
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	m, msgs := drive(t, tm.m, keyMsg("enter")) // read already, for the list
	first := fullRender(t, msgs)
	if len(first.Rest) < 3 {
		t.Fatalf("%d pieces after the first", len(first.Rest))
	}
	m, msgs = drive(t, m, first)
	screen := func() string { tm.m = m; return tm.view() }
	if s := screen(); !strings.Contains(s, "Paragraph 1.") || !strings.Contains(s, "rendering the rest…") {
		t.Fatalf("the first piece is not on screen:\n%s", s)
	}
	k := first.Key
	shown := len(m.cache.renders[k])
	m, _ = drive(t, m, keyMsg("pgdown"))
	off, _ := m.article.Scroll()
	next := only[pieceMsg](t, msgs)

	// Stale pieces: another width, another article, another render, a
	// piece out of order. None changes the text.
	stale := []pieceMsg{next, next, next, next}
	stale[0].Key.Width = 80
	stale[1].Key.Loc = "news/other.txt"
	stale[2].ID++
	stale[3].Index++
	for i, p := range stale {
		p.Content = "STALE"
		var out []tea.Msg
		m, out = drive(t, m, p)
		for _, o := range out {
			if _, ok := o.(pieceMsg); ok {
				t.Errorf("stale piece %d started another", i)
			}
		}
		if len(m.cache.renders[k]) != shown || m.cache.renders[stale[1].Key] != "" {
			t.Fatalf("stale piece %d was kept", i)
		}
	}

	// The pieces in order: each is appended, the reader stays put.
	for n := 1; ; n++ {
		m, msgs = drive(t, m, next)
		if got := len(m.cache.renders[k]); got != shown+len(next.Content) {
			t.Fatalf("piece %d: %d bytes, want %d", n, got, shown+len(next.Content))
		}
		shown = len(m.cache.renders[k])
		if o, _ := m.article.Scroll(); o != off {
			t.Fatalf("piece %d moved the reader from line %d to %d", n, off, o)
		}
		var more []pieceMsg
		for _, msg := range msgs {
			if p, ok := msg.(pieceMsg); ok {
				more = append(more, p)
			}
		}
		if len(more) == 0 {
			if n != len(first.Rest) {
				t.Fatalf("%d pieces of %d arrived", n, len(first.Rest))
			}
			break
		}
		next = more[0]
	}
	m, _ = drive(t, m, keyMsg("G"))
	if s := screen(); !strings.Contains(s, "Zephyr closes the report.") || strings.Contains(s, "rendering the rest") || strings.Contains(s, "STALE") {
		t.Fatalf("the end is not on screen:\n%s", s)
	}
	// The pieces joined are the article rendered whole.
	d := m.cache.docs[a.Location]
	whole, err := present.Render(documentMarkdown(d, modeFull), k.Width, testRender)
	if err != nil || whole != m.cache.renders[k] {
		t.Error("the pieces joined differ from the article rendered whole")
	}
}

// pieces returns the pieceMsgs among msgs.
func pieces(msgs []tea.Msg) []pieceMsg {
	var out []pieceMsg
	for _, msg := range msgs {
		if p, ok := msg.(pieceMsg); ok {
			out = append(out, p)
		}
	}
	return out
}

// TestLeaveWhileRendering: the reader leaves a long article after its
// first pieces; the rest keep coming into the cache, none shows in the
// list, and the article opened again shows what has arrived and then
// the rest, ending whole.
func TestLeaveWhileRendering(t *testing.T) {
	a := hugeArticle(t, "news/long.txt", longBody(20_000))
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	m, msgs := drive(t, tm.m, keyMsg("enter"))
	first := fullRender(t, msgs)
	m, msgs = drive(t, m, first)
	next := only[pieceMsg](t, msgs)
	m, msgs = drive(t, m, next) // the second piece, shown
	m, _ = drive(t, m, keyMsg("q"))
	next = only[pieceMsg](t, msgs)
	m, msgs = drive(t, m, next) // the third, while the list shows
	screen := func() string { tm.m = m; return tm.view() }
	if s := screen(); strings.Contains(s, "rendering the rest") || !strings.Contains(s, "1 article") {
		t.Fatalf("the article's pieces show over the list:\n%s", s)
	}
	m, out := drive(t, m, keyMsg("enter"))
	if len(pieces(out)) != 0 {
		t.Fatal("opening again started the pieces over")
	}
	if s := screen(); !strings.Contains(s, "Paragraph 1.") || !strings.Contains(s, "rendering the rest…") {
		t.Fatalf("opened again, the start is not on screen:\n%s", s)
	}
	for p := pieces(msgs); len(p) > 0; p = pieces(msgs) {
		m, msgs = drive(t, m, p[0])
	}
	m, _ = drive(t, m, keyMsg("G"))
	if s := screen(); !strings.Contains(s, "Zephyr closes the report.") || strings.Contains(s, "rendering the rest") {
		t.Fatalf("the end is not on screen:\n%s", s)
	}
	k := first.Key
	whole, err := present.Render(documentMarkdown(m.cache.docs[a.Location], modeFull), k.Width, testRender)
	if err != nil || whole != m.cache.renders[k] {
		t.Error("the pieces joined differ from the article rendered whole")
	}
}

// TestResizeWaitsForTheWholeRendering: after a resize the old text stays
// until the new width's rendering is whole, so that the reader's place
// is kept in the whole text, not in its first piece.
func TestResizeWaitsForTheWholeRendering(t *testing.T) {
	a := hugeArticle(t, "news/long.txt", longBody(20_000))
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{a}), 100, 30)
	tm.keys("enter")
	for range 300 {
		tm.keys("down")
	}
	_, total := tm.m.article.Scroll()
	m, msgs := drive(t, tm.m, tea.WindowSizeMsg{Width: 90, Height: 30})
	m, msgs = drive(t, m, fullRender(t, msgs))
	if _, n := m.article.Scroll(); n != total {
		t.Fatalf("the first piece at the new width replaced the text (%d lines, had %d)", n, total)
	}
	for p := only[pieceMsg](t, msgs); ; {
		m, msgs = drive(t, m, p)
		var more []pieceMsg
		for _, msg := range msgs {
			if q, ok := msg.(pieceMsg); ok {
				more = append(more, q)
			}
		}
		if len(more) == 0 {
			break
		}
		p = more[0]
	}
	if off, n := m.article.Scroll(); n == total || off < 250 || off > 400 {
		t.Errorf("after the resize: line %d of %d (was 300 of %d)", off, n, total)
	}
}

// BenchmarkFirstPiece20k is the wait before a 20,000-word article shows:
// its markdown made, split, and its first piece rendered, as the render
// Cmd does (BENCHMARKS.md, issue 17). BenchmarkWhole20k renders all its
// pieces one after the other, as the reader then does in the background;
// BenchmarkOneRender20k renders it whole at once, as the reader did
// before it rendered in pieces.
//
//	go test ./ui -run '^$' -bench 20k -benchmem -count 3
func BenchmarkFirstPiece20k(b *testing.B) {
	k, d, opts := bench20k(b)
	b.ReportAllocs()
	for b.Loop() {
		if r := docRenderCmd(k, 1, d, modeFull, opts)().(renderedMsg); r.Err != nil || len(r.Rest) == 0 {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkWhole20k(b *testing.B) {
	k, d, opts := bench20k(b)
	b.ReportAllocs()
	for b.Loop() {
		if r := renderWhole(b, k, d, modeFull, opts); r.Err != nil || !strings.Contains(r.Content, "Zephyr") {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkOneRender20k(b *testing.B) {
	k, d, opts := bench20k(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := present.Render(documentMarkdown(d, modeFull), k.Width, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCold20k is the wait before a 20,000-word article shows
// when it was not read ahead for the list (a cold open): read and
// summarised (loadCmd), then its first piece rendered.
func BenchmarkOpenCold20k(b *testing.B) {
	k, d, opts := bench20k(b)
	src := &fakeSource{c: reader.NewCollection([]*reader.Article{d.art}), opened: map[string]int{}}
	b.ReportAllocs()
	for b.Loop() {
		msg := loadCmd(context.Background(), src, defaultSummarizer{}, d.art, true, 0)().(loadedMsg)
		if msg.Err != nil || msg.SumErr != nil {
			b.Fatal(msg.Err, msg.SumErr)
		}
		if r := docRenderCmd(k, 1, &doc{art: msg.Article, sum: msg.Summary}, modeFull, opts)().(renderedMsg); r.Err != nil || len(r.Rest) == 0 {
			b.Fatal(r.Err)
		}
	}
}

// BenchmarkScroll20k is one key and one frame while reading a
// 20,000-word article rendered whole: a line down, a page down, and
// back, in turn.
func BenchmarkScroll20k(b *testing.B) {
	_, d, _ := bench20k(b)
	tm := newTestModelOn(b, reader.NewCollection([]*reader.Article{d.art}), 100, 30)
	tm.keys("enter", "G", "g")
	if v := tm.view(); !strings.Contains(v, "Paragraph 1.") || strings.Contains(v, "rendering the rest") {
		b.Fatalf("not rendered whole:\n%s", v)
	}
	keys := []string{"down", "pgdown", "up", "pgup"}
	i := 0
	for b.Loop() {
		step(tm, keys[i%len(keys)])
		i++
	}
}

func bench20k(b *testing.B) (renderKey, *doc, renderOptions) {
	a, err := reader.ParseText("long.txt", []byte("Long Harbour Report\n\n"+longBody(20_000)), true)
	if err != nil {
		b.Fatal(err)
	}
	return renderKey{Loc: a.Location, Mode: modeFull, Width: 100, Style: "dark"}, &doc{art: a}, renderOptions{Style: "dark", Profile: termenv.ANSI256}
}
