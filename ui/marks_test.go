package ui

import (
	"testing"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/ui/article"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/help"
	"github.com/brief-news/brief/ui/list"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// marks shows an opened article read at once, queues its write once a
// session, reports a failed write, and m (SetRead) undoes the opening.
func TestMarksOwnTheReadState(t *testing.T) {
	store := &failingReadState{}
	k := newMarks(store, nil)
	k.Opened("a")
	k.Opened("a")
	if !k.IsRead("a") || k.IsRead("b") {
		t.Fatalf("read a %v, b %v", k.IsRead("a"), k.IsRead("b"))
	}
	if len(store.marked) != 1 || len(k.waits) != 1 {
		t.Fatalf("%v written, %d waits, for one article opened twice", store.marked, len(k.waits))
	}
	cmd := k.Pending()
	if cmd == nil || k.Pending() != nil {
		t.Fatal("Pending gives the writes once")
	}
	if msg, ok := cmd().(statusMsg); !ok || msg.Text != "could not save the read mark: disk full" {
		t.Errorf("failure reported as %#v", cmd())
	}
	k.SetRead("a", false)
	if k.IsRead("a") || len(store.marked) != 2 {
		t.Error("marked unread, a still shows read")
	}
	if k.IsSaved("a") {
		t.Error("saved outside library mode")
	}
}

// The plain reader has no library keys: b pages up, m, r, v, F, A and *
// do nothing; in library mode * saves and b still pages up, as in less
// (b is page up everywhere: one meaning for one key).
func TestKeyMapsFollowTheMode(t *testing.T) {
	plain, lib := common.NewKeyMaps(false, config.Keys{}), common.NewKeyMaps(true, config.Keys{})
	b := keyMsg("b")
	if !matches(b, plain.List.PageUp) || !matches(b, plain.Article.PageUp) {
		t.Error("b does not page up in the plain reader")
	}
	for _, k := range []string{"m", "r", "v", "F", "b", "A", "*"} {
		if matches(keyMsg(k), plain.List.Read, plain.List.Save, plain.List.Refresh, plain.List.View, plain.List.Feed, plain.List.MarkAll) {
			t.Errorf("%s is a library key outside library mode", k)
		}
	}
	star := keyMsg("*")
	if !matches(b, lib.List.PageUp) || !matches(b, lib.Article.PageUp) || matches(b, lib.List.Save) || matches(b, lib.Article.Save) {
		t.Error("b does not page up in library mode")
	}
	if !matches(star, lib.List.Save) || !matches(star, lib.Article.Save) {
		t.Error("* does not save in library mode")
	}
	if pg := keyMsg("pgup"); !matches(pg, lib.List.PageUp) || !matches(pg, lib.Article.PageUp) {
		t.Error("pgup does not page up in library mode")
	}
	tm := newTestModel(t, 100, 30)
	tm.keys("m", "r", "v", "F")
	tm.expect("5 articles")
	tm.expectNot("marked", "refreshing", "✓")
}

func matches(msg tea.KeyMsg, b ...key.Binding) bool { return key.Matches(msg, b...) }

// Every view keeps the one contract the root relies on.
var (
	_ common.Component = (*list.Model)(nil)
	_ common.Component = (*article.Model)(nil)
	_ common.Component = (*help.Model)(nil)
)
