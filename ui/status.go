package ui

// The status bar's left side, which every view shares: one component
// owns its message, the message's lifetime, the background task under
// way and the spinner.

import (
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/reader"
)

// spinFrames are the loading spinner's frames.
var spinFrames = spinner.MiniDot.Frames

// statusModel is the status bar's message and activity. A message fades
// after its lifetime; each message has a generation, so that the
// timeout of an older one never clears a newer one. A message may be
// about an article: opening another clears it. The task is background
// work under way ("refreshing 3/12"), shown when there is no message;
// the spinner turns while the reader waits for something or a task
// runs.
type statusModel struct {
	after  afterFunc
	styles *Styles

	text  string
	gen   int    // the message's generation
	about string // the article the message is about, "" for none
	task  string

	spinning bool
	spinGen  int // drops the ticks of a spinner stopped and started again
	frame    int
}

func newStatusModel(st *Styles, after afterFunc) statusModel {
	return statusModel{styles: st, after: after}
}

// Set shows a message for ttl; about is the article it is about ("" for
// none: it stays when another article opens).
func (s *statusModel) Set(text, about string, ttl time.Duration) tea.Cmd {
	s.gen++
	s.text, s.about = reader.Clean(text), about
	return s.fade(ttl)
}

// fade clears the message shown now after ttl, unless a newer one
// replaced it by then.
func (s statusModel) fade(ttl time.Duration) tea.Cmd {
	return s.after(ttl, clearStatusMsg{ID: s.gen})
}

// Clear clears the message of generation gen, if it is still shown.
func (s *statusModel) Clear(gen int) {
	if gen == s.gen {
		s.text = ""
	}
}

// Leave clears a message about another article than loc.
func (s *statusModel) Leave(loc string) {
	if s.about != "" && s.about != loc {
		s.text, s.about = "", ""
	}
}

// Text is the message shown, "" for none.
func (s statusModel) Text() string { return s.text }

// SetTask names the background task under way, "" when none is.
func (s *statusModel) SetTask(task string) { s.task = task }

// Spin starts the spinner's ticks when work begins: waiting says the
// reader waits for something.
func (s *statusModel) Spin(waiting bool) tea.Cmd {
	if s.spinning || !(waiting || s.task != "") {
		return nil
	}
	s.spinning = true
	s.spinGen++
	return s.after(spinnerEvery, spinMsg{ID: s.spinGen})
}

// Tick turns the spinner, or stops it when nothing is under way.
func (s *statusModel) Tick(msg spinMsg, waiting bool) tea.Cmd {
	if msg.ID != s.spinGen {
		return nil
	}
	if !waiting && s.task == "" {
		s.spinning = false
		return nil
	}
	s.frame++
	return s.after(spinnerEvery, spinMsg{ID: s.spinGen})
}

// View is the bar's left side: what the reader waits for (loading, ""
// when it waits for nothing), else the message, else the task.
func (s statusModel) View(loading string) string {
	st := s.styles
	spin := st.Spinner.Render(spinFrames[s.frame%len(spinFrames)]) + " "
	switch {
	case loading != "":
		return spin + st.Status.Render(loading)
	case s.text != "":
		return st.StatusMsg.Render(s.text)
	case s.task != "":
		return spin + st.Status.Render(s.task)
	}
	return ""
}
