// Package status is the reader's status bar message and activity, one
// component that every view shares: a transient message, the
// background task under way and the loading spinner.
package status

import (
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/brief-news/brief/reader"
)

// SpinEvery is how often the spinner turns.
const SpinEvery = 100 * time.Millisecond

// frames are the spinner's frames.
var frames = spinner.MiniDot.Frames

// Styles are how the status bar's left side is drawn.
type Styles struct {
	Spinner lipgloss.Style // the spinner's frame
	Text    lipgloss.Style // what the reader waits for, the task
	Message lipgloss.Style // a message
}

// After schedules msg after d: tea.Tick in the program, a stand-in in
// tests so that no test waits on a clock.
type After func(d time.Duration, msg tea.Msg) tea.Cmd

// ClearMsg fades the message of generation ID.
type ClearMsg struct{ ID int }

// TickMsg turns the spinner; ID drops the ticks of a spinner that was
// stopped and started again.
type TickMsg struct{ ID int }

// Model is the status bar's message and activity. A message fades
// after its lifetime; each message has a generation, so that the
// timeout of an older one never clears a newer one. A message may be
// about an article: opening another clears it. The task is background
// work under way ("refreshing 3/12"), shown when there is no message;
// the spinner turns while the reader waits for something or a task
// runs.
type Model struct {
	after  After
	styles Styles

	text  string
	gen   int    // the message's generation
	about string // the article the message is about, "" for none
	task  string

	spinning bool
	spinGen  int
	frame    int
}

// New returns an empty status bar.
func New(st Styles, after After) Model { return Model{styles: st, after: after} }

// Set shows a message (cleaned for the terminal) for ttl; about is the
// article it is about ("" for none: it stays when another opens).
func (s *Model) Set(text, about string, ttl time.Duration) tea.Cmd {
	s.gen++
	s.text, s.about = reader.Clean(text), about
	return s.Fade(ttl)
}

// Fade clears the message shown now after ttl, unless a newer one
// replaced it by then.
func (s Model) Fade(ttl time.Duration) tea.Cmd {
	return s.after(ttl, ClearMsg{ID: s.gen})
}

// Clear handles a ClearMsg: it clears the message of that generation,
// if it is still shown.
func (s *Model) Clear(msg ClearMsg) {
	if msg.ID == s.gen {
		s.text = ""
	}
}

// Leave clears a message about another article than loc.
func (s *Model) Leave(loc string) {
	if s.about != "" && s.about != loc {
		s.text, s.about = "", ""
	}
}

// Text is the message shown, "" for none.
func (s Model) Text() string { return s.text }

// Gen is the generation of the message shown, which its ClearMsg names.
func (s Model) Gen() int { return s.gen }

// SetTask names the background task under way, "" when none is.
func (s *Model) SetTask(task string) { s.task = task }

// Spin starts the spinner's ticks when work begins: waiting says the
// reader waits for something.
func (s *Model) Spin(waiting bool) tea.Cmd {
	if s.spinning || !(waiting || s.task != "") {
		return nil
	}
	s.spinning = true
	s.spinGen++
	return s.after(SpinEvery, TickMsg{ID: s.spinGen})
}

// Tick turns the spinner, or stops it when nothing is under way.
func (s *Model) Tick(msg TickMsg, waiting bool) tea.Cmd {
	if msg.ID != s.spinGen {
		return nil
	}
	if !waiting && s.task == "" {
		s.spinning = false
		return nil
	}
	s.frame++
	return s.after(SpinEvery, TickMsg{ID: s.spinGen})
}

// View is the bar's left side: what the reader waits for (loading, ""
// when it waits for nothing), else the message, else the task.
func (s Model) View(loading string) string {
	spin := s.styles.Spinner.Render(frames[s.frame%len(frames)]) + " "
	switch {
	case loading != "":
		return spin + s.styles.Text.Render(loading)
	case s.text != "":
		return s.styles.Message.Render(s.text)
	case s.task != "":
		return spin + s.styles.Text.Render(s.task)
	}
	return ""
}
