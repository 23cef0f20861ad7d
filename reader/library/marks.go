package library

// The Source's read and saved marks: shown at once, written in order by
// one goroutine at a time, flushed before the library closes.

import (
	"context"
	"sync"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/reader/store"
)

// IsRead reports the persisted read mark.
func (s *Source) IsRead(loc string) bool {
	it, ok := s.Item(loc)
	return ok && it.Read
}

// MarkRead persists a read mark.
func (s *Source) MarkRead(loc string) error { return s.SetRead(loc, true) }

// SetRead sets or clears the read mark (the m key) and waits for the
// write.
func (s *Source) SetRead(loc string, read bool) error { return s.QueueRead(loc, read)() }

// SetSaved sets or clears the saved mark (the b key) and waits for the
// write.
func (s *Source) SetSaved(loc string, saved bool) error { return s.QueueSaved(loc, saved)() }

// QueueRead sets or clears the read mark at once, in memory, and queues
// its write without waiting: marks are written one at a time, in the
// order they were made (a refresh's transaction may hold the library).
// wait blocks until this one is written and returns its error; a failed
// write takes the mark back. Flush waits for them all.
func (s *Source) QueueRead(loc string, read bool) (wait func() error) {
	return s.queue(loc, func(ctx context.Context, id int64) error { return s.Lib.SetRead(ctx, id, read) },
		func(it *store.Item) { it.Read = read })
}

// QueueSaved is QueueRead for the saved mark.
func (s *Source) QueueSaved(loc string, saved bool) (wait func() error) {
	return s.queue(loc, func(ctx context.Context, id int64) error { return s.Lib.SetSaved(ctx, id, saved) },
		func(it *store.Item) { it.Saved = saved })
}

// Flush waits until every mark queued is written, and returns the
// first error since the last Flush. Call it before closing the library.
func (s *Source) Flush() error {
	s.marks.pending.Wait()
	s.marks.mu.Lock()
	defer s.marks.mu.Unlock()
	err := s.marks.err
	s.marks.err = nil
	return err
}

// marks is the queue of mark writes, written by one goroutine at a
// time, in order.
type marks struct {
	pending sync.WaitGroup // writes queued and not yet made
	mu      sync.Mutex
	queue   []func()
	writing bool
	err     error
}

func (s *Source) queue(loc string, write func(context.Context, int64) error, local func(*store.Item)) func() error {
	s.mu.Lock()
	i, ok := s.byLoc[loc]
	var before store.Item
	if ok {
		before = s.items[i]
		local(&s.items[i])
	}
	items := s.items
	s.mu.Unlock()
	if !ok {
		err := &reader.FileError{Path: loc, Reason: "is not in the library"}
		return func() error { return err }
	}
	done := make(chan struct{})
	var werr error
	job := func() {
		defer close(done)
		if werr = write(context.Background(), before.ID); werr != nil {
			s.mu.Lock()
			if i < len(items) && len(s.items) == len(items) && &s.items[0] == &items[0] {
				s.items[i] = before
			}
			s.mu.Unlock()
			s.marks.mu.Lock()
			if s.marks.err == nil {
				s.marks.err = werr
			}
			s.marks.mu.Unlock()
		}
	}
	s.marks.pending.Add(1)
	s.marks.mu.Lock()
	s.marks.queue = append(s.marks.queue, job)
	start := !s.marks.writing
	s.marks.writing = true
	s.marks.mu.Unlock()
	if start {
		go s.writeMarks()
	}
	return func() error { <-done; return werr }
}

// writeMarks makes the queued writes until there are none.
func (s *Source) writeMarks() {
	for {
		s.marks.mu.Lock()
		if len(s.marks.queue) == 0 {
			s.marks.writing = false
			s.marks.mu.Unlock()
			return
		}
		job := s.marks.queue[0]
		s.marks.queue = s.marks.queue[1:]
		s.marks.mu.Unlock()
		job()
		s.marks.pending.Done()
	}
}
