package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/reader"
)

// A status message about one article goes when another article opens.
func TestStatusClearedWhenAnotherArticleOpens(t *testing.T) {
	x := textArticle(t, "news/x.txt", "Xylo Opens", "", "Yarrow Closes", "The first story. It links on.")
	y := textArticle(t, "news/y.txt", "Yarrow Closes", "Xylo Opens", "", "The last story. It has no next link.")
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{x, y}), 80, 24)
	tm.keys("enter", "n")
	tm.expect("Yarrow Closes")
	tm.keys("n")
	tm.expect("no next article: this is the last of the list")
	tm.keys("backspace")
	tm.expect("Xylo Opens")
	tm.expectNot("no next article")
}

// A message about the hop itself stays on the article it led to.
func TestStatusAboutTheHopStays(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "n", "n", "n")
	tm.expect("Delta Web Linked Story", "showing the list's next")
}

// The timeout of an older message never clears a newer one; the newer
// one's own timeout does.
func TestStatusStaleTimeoutKeepsTheNewerMessage(t *testing.T) {
	var fades []clearStatusMsg
	after := func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if c, ok := msg.(clearStatusMsg); ok {
			fades = append(fades, c)
		}
		return nil
	}
	st := DefaultStyles()
	s := newStatusModel(&st, after)
	s.Set("first", "", statusTTL)
	s.Set("second", "", statusTTL)
	if len(fades) != 2 || fades[0].ID == fades[1].ID {
		t.Fatalf("fades %v: each message needs its own generation", fades)
	}
	s.Clear(fades[0].ID)
	if s.Text() != "second" {
		t.Fatalf("the first message's timeout cleared the second: %q", s.Text())
	}
	s.Clear(fades[1].ID)
	if s.Text() != "" {
		t.Fatalf("the second message's timeout did not clear it: %q", s.Text())
	}
}

// A message about an article goes when another opens; one about none
// stays; the task shows when there is no message, with the spinner.
func TestStatusAboutAnArticleAndTask(t *testing.T) {
	st := DefaultStyles()
	s := newStatusModel(&st, func(time.Duration, tea.Msg) tea.Cmd { return nil })
	s.Set("about a", "a", statusTTL)
	s.Leave("a")
	if s.Text() != "about a" {
		t.Fatal("reopening the same article cleared its message")
	}
	s.Leave("b")
	if s.Text() != "" {
		t.Fatal("opening another article kept the message about a")
	}
	s.Set("from the background", "", statusTTL)
	s.Leave("b")
	if s.Text() != "from the background" {
		t.Fatal("a message about no article was cleared")
	}
	s.SetTask("refreshing 3/12")
	if v := ansi.Strip(s.View("")); v != "from the background" {
		t.Errorf("the task hides the message: %q", v)
	}
	s.Clear(s.gen)
	if v := ansi.Strip(s.View("")); !strings.HasSuffix(v, " refreshing 3/12") {
		t.Errorf("no task: %q", v)
	}
	s.Spin(false)
	if !s.spinning {
		t.Error("the spinner does not turn for a task")
	}
	if v := ansi.Strip(s.View("loading")); !strings.HasSuffix(v, " loading") {
		t.Errorf("loading is not shown first: %q", v)
	}
}
