package ui

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/ui/common"
)

func TestMarksAreWrittenBeforeRunReturns(t *testing.T) {
	d := newLibTest(t, 3)
	src := d.m.lib.(*library.Source)
	slow := &slowLib{Library: src.Lib, delay: 300 * time.Millisecond}
	src.Lib = slow
	loc := d.m.list.Selected().Location
	// m, b and opening an article, then quitting before any Cmd runs.
	d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("m")})
	d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("b")})
	d.update(common.OpenMsg{Loc: d.m.list.Items()[1].Location})
	if err := src.Flush(); err != nil { // what Run does before it returns
		t.Fatal(err)
	}
	items, err := src.Lib.Items(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.Item{}
	for _, it := range items {
		got[it.URL] = it
	}
	if it := got[loc]; !it.Read || !it.Saved {
		t.Errorf("m and b lost: %+v", it)
	}
	if it := got[d.m.list.Items()[1].Location]; !it.Read {
		t.Errorf("the opened article's read mark was lost: %+v", it)
	}
}

// slowLib writes marks slowly, as a library busy with a refresh does.
type slowLib struct {
	library.Library
	delay time.Duration
}

func (l *slowLib) SetRead(ctx context.Context, id int64, read bool) error {
	time.Sleep(l.delay)
	return l.Library.SetRead(ctx, id, read)
}

func (l *slowLib) SetSaved(ctx context.Context, id int64, saved bool) error {
	time.Sleep(l.delay)
	return l.Library.SetSaved(ctx, id, saved)
}

func TestRunWritesMarksBeforeReturning(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, libFeed(srv.URL, 3))
	}))
	defer srv.Close()
	_, src, lib := newLibDriver(t, srv.URL+"/feed.xml")
	src.Lib = &slowLib{Library: lib, delay: 300 * time.Millisecond}
	first := src.Articles()[0].Location
	// m then q: Run returns at once, the marks' Cmds still waiting.
	err := Run(context.Background(), nil, Options{Library: src, Style: "dark", Input: strings.NewReader("mbq"), Output: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	id, err := lib.Store.Lookup(context.Background(), first)
	if err != nil {
		t.Fatal(err)
	}
	it, err := lib.Store.Item(context.Background(), id)
	if err != nil || !it.Read || !it.Saved {
		t.Errorf("marks lost on quitting: read %v saved %v (%v)", it.Read, it.Saved, err)
	}
}
