package status

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The timeout of an older message never clears a newer one; the newer
// one's own timeout does.
func TestStatusStaleTimeoutKeepsTheNewerMessage(t *testing.T) {
	var fades []ClearMsg
	after := func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if c, ok := msg.(ClearMsg); ok {
			fades = append(fades, c)
		}
		return nil
	}
	s := New(Styles{}, after)
	s.Set("first", "", time.Second)
	s.Set("second", "", time.Second)
	if len(fades) != 2 || fades[0].ID == fades[1].ID {
		t.Fatalf("fades %v: each message needs its own generation", fades)
	}
	s.Clear(fades[0])
	if s.Text() != "second" {
		t.Fatalf("the first message's timeout cleared the second: %q", s.Text())
	}
	s.Clear(fades[1])
	if s.Text() != "" {
		t.Fatalf("the second message's timeout did not clear it: %q", s.Text())
	}
}

// A message about an article goes when another opens; one about none
// stays; the task shows when there is no message, with the spinner.
func TestStatusAboutAnArticleAndTask(t *testing.T) {
	s := New(Styles{}, func(time.Duration, tea.Msg) tea.Cmd { return nil })
	s.Set("about a", "a", time.Second)
	s.Leave("a")
	if s.Text() != "about a" {
		t.Fatal("reopening the same article cleared its message")
	}
	s.Leave("b")
	if s.Text() != "" {
		t.Fatal("opening another article kept the message about a")
	}
	s.Set("from the background", "", time.Second)
	s.Leave("b")
	if s.Text() != "from the background" {
		t.Fatal("a message about no article was cleared")
	}
	s.SetTask("refreshing 3/12")
	if v := ansi.Strip(s.View("")); v != "from the background" {
		t.Errorf("the task hides the message: %q", v)
	}
	s.Clear(ClearMsg{ID: s.Gen()})
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
