package library

// The Source's read and saved marks: shown at once, written in order by
// one goroutine at a time, flushed before the library closes.

import (
	"context"
	"sync"

	"github.com/brief-news/brief/library/store"
	"github.com/brief-news/brief/reader"
)

// IsRead reports the persisted read mark.
func (s *Source) IsRead(loc string) bool {
	it, ok := s.Item(loc)
	return ok && it.Read
}

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
// write takes the mark back. Flush waits for them all. A page outside
// the library (one a link led to) has no read mark to keep: nothing is
// written and nothing is wrong.
func (s *Source) QueueRead(loc string, read bool) (wait func() error) {
	if _, ok := s.index(loc); !ok {
		return func() error { return nil }
	}
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
func (s *Source) Flush() error { return s.marks.flush() }

// index is where loc is in the list, if it is.
func (s *Source) index(loc string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.byLoc[loc]
	return i, ok
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
	return s.marks.add(func() error {
		err := write(context.Background(), before.ID)
		if err != nil {
			// Take the mark back, unless the list was reloaded since.
			s.mu.Lock()
			if i < len(items) && len(s.items) == len(items) && &s.items[0] == &items[0] {
				s.items[i] = before
			}
			s.mu.Unlock()
		}
		return err
	})
}

// marks is a queue of mark writes, made by one goroutine at a time, in
// the order they were queued.
type marks struct {
	pending sync.WaitGroup // writes queued and not yet made
	mu      sync.Mutex
	queue   []func()
	writing bool
	err     error // the first failure since the last flush
}

// add queues a write; wait blocks until it is made and returns its
// error.
func (q *marks) add(write func() error) (wait func() error) {
	done := make(chan struct{})
	var werr error
	job := func() {
		defer close(done)
		if werr = write(); werr != nil {
			q.mu.Lock()
			if q.err == nil {
				q.err = werr
			}
			q.mu.Unlock()
		}
	}
	q.pending.Add(1)
	q.mu.Lock()
	q.queue = append(q.queue, job)
	start := !q.writing
	q.writing = true
	q.mu.Unlock()
	if start {
		go q.write()
	}
	return func() error { <-done; return werr }
}

// flush waits until every write queued is made, and returns the first
// error since the last flush.
func (q *marks) flush() error {
	q.pending.Wait()
	q.mu.Lock()
	defer q.mu.Unlock()
	err := q.err
	q.err = nil
	return err
}

// write makes the queued writes until there are none.
func (q *marks) write() {
	for {
		q.mu.Lock()
		if len(q.queue) == 0 {
			q.writing = false
			q.mu.Unlock()
			return
		}
		job := q.queue[0]
		q.queue = q.queue[1:]
		q.mu.Unlock()
		job()
		q.pending.Done()
	}
}
