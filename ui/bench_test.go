package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/ui/internal/prosetest"
	"github.com/brief-news/brief/ui/present"
)

// longChain is three 2,000-word articles linked first to last.
func longChain(b *testing.B) *reader.Collection {
	p := prosetest.LongParagraphs(2000)
	x := textArticle(b, "long/x.txt", "Harbour Wall Plan Approved", "", "Harbour Crews Ask for Timetable", p...)
	y := textArticle(b, "long/y.txt", "Harbour Crews Ask for Timetable", "Harbour Wall Plan Approved", "Harbour Work Begins", p...)
	z := textArticle(b, "long/z.txt", "Harbour Work Begins", "Harbour Crews Ask for Timetable", "", p...)
	return reader.NewCollection([]*reader.Article{x, y, z})
}

// BenchmarkRenderCold renders a 2,000-word article with glamour from
// scratch, as a Cmd does the first time an article is shown at a width.
func BenchmarkRenderCold(b *testing.B) {
	md := strings.Join(prosetest.LongParagraphs(2000), "\n\n")
	for _, w := range []int{80, 120} {
		b.Run(fmt.Sprintf("2000words/%d", w), func(b *testing.B) {
			o := renderOptions{Style: "dark", Profile: termenv.ANSI256}
			for b.Loop() {
				if _, err := present.Render(md, w, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// step delivers a key (the root handles the intent it asks for within
// the same Update), then draws the screen: what the program does between
// a key press and the next frame when everything needed is cached. The
// Cmds it starts (preparing the next neighbours) run in the background
// and are not part of the frame.
func step(tm *testModel, k string) {
	next, _ := tm.m.Update(keyMsg(k))
	tm.m = next.(Model)
	_ = tm.m.View()
}

// BenchmarkToggleCached switches a 2,000-word article between full text
// and summary with both renderings cached.
func BenchmarkToggleCached(b *testing.B) {
	tm := newTestModelOn(b, longChain(b), 120, 40)
	tm.keys("enter", "s", "s") // open; both modes rendered in the background
	for b.Loop() {
		step(tm, "s")
	}
	if !tm.m.article.Ready() {
		b.Fatal("toggle was not served from the cache")
	}
}

// BenchmarkNextPrepared moves n/p between 2,000-word articles whose
// neighbours were prepared in the background.
func BenchmarkNextPrepared(b *testing.B) {
	tm := newTestModelOn(b, longChain(b), 120, 40)
	tm.keys("enter", "n", "p") // open, and let the neighbours render
	keys := []string{"n", "p"}
	i := 0
	for b.Loop() {
		step(tm, keys[i%2])
		i++
	}
	if !tm.m.article.Ready() {
		b.Fatal("n/p was not served from the cache")
	}
}

// BenchmarkListView draws the list of the sample-sized collection.
func BenchmarkListView(b *testing.B) {
	tm := newTestModel(b, 120, 40)
	for b.Loop() {
		_ = tm.m.View()
	}
}

// BenchmarkOpenCold is the background work before a 2,000-word article
// first shows: open it, summarise it with the real summarizer, render
// its full text (the Cmds of a cold open, run one after the other).
func BenchmarkOpenCold(b *testing.B) {
	c := longChain(b)
	src := &fakeSource{c: c, opened: map[string]int{}}
	a := c.Articles[0]
	for b.Loop() {
		msg := loadCmd(context.Background(), src, defaultSummarizer{}, a, true, 0)().(loadedMsg)
		if msg.Err != nil || msg.SumErr != nil {
			b.Fatal(msg.Err, msg.SumErr)
		}
		d := &doc{art: msg.Article, sum: msg.Summary}
		k := renderKey{Loc: a.Location, Mode: modeFull, Width: 120, Style: "dark"}
		if r := docRenderCmd(k, 1, d, modeFull, renderOptions{Style: "dark", Profile: termenv.ANSI256})().(renderedMsg); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}
