package ui

// The read and saved marks as the reader shows them, owned in one place.

import tea "github.com/charmbracelet/bubbletea"

// savedMarks is the library's saved mark (library mode).
type savedMarks interface {
	IsSaved(loc string) bool
	QueueSaved(loc string, saved bool) (wait func() error)
}

// marks owns the marks the reader shows: it asks the persistent
// ReadState, hands it the writes (which it queues) and returns the Cmds
// that wait for them and report a failure in the status bar. An article
// opened this session shows read at once, whatever the store does.
// Shared by the root and the list, which asks it how to draw a row.
type marks struct {
	store  ReadState
	saved  savedMarks      // nil outside library mode
	opened map[string]bool // opened this session
	waits  []func() error  // read marks of opened articles, not waited for yet
}

func newMarks(store ReadState, saved savedMarks) *marks {
	return &marks{store: store, saved: saved, opened: map[string]bool{}}
}

// IsRead reports whether an article shows as read.
func (k *marks) IsRead(loc string) bool { return k.opened[loc] || k.store.IsRead(loc) }

// IsSaved reports whether an article is saved (library mode).
func (k *marks) IsSaved(loc string) bool { return k.saved != nil && k.saved.IsSaved(loc) }

// Opened marks an article read as it opens, once a session: the write
// is queued at once, and Pending waits for it.
func (k *marks) Opened(loc string) {
	if k.opened[loc] {
		return
	}
	k.opened[loc] = true
	k.waits = append(k.waits, k.store.QueueRead(loc, true))
}

// Pending is the Cmd that waits for the writes Opened queued since the
// last call and reports the first failure; nil when there are none.
func (k *marks) Pending() tea.Cmd {
	waits := k.waits
	k.waits = nil
	return waitMarksCmd(waits, "could not save the read mark: ")
}

// SetRead sets an article's read mark (m) and waits for its write.
func (k *marks) SetRead(loc string, read bool) tea.Cmd {
	if !read {
		delete(k.opened, loc)
	}
	return waitMarksCmd([]func() error{k.store.QueueRead(loc, read)}, "could not save the mark: ")
}

// SetSaved sets an article's saved mark (b) and waits for its write.
func (k *marks) SetSaved(loc string, saved bool) tea.Cmd {
	return waitMarksCmd([]func() error{k.saved.QueueSaved(loc, saved)}, "could not save the mark: ")
}
