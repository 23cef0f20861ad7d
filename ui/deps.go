package ui

import (
	"context"
	"strings"
	"sync"

	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/present"
)

// Source is where the reader's articles come from: the collection given
// on the command line, and the web for links that leave it. Tests fake it.
type Source interface {
	// Articles lists the collection in list order.
	Articles() []*reader.Article
	// Skipped lists one-line warnings for files that could not be read.
	Skipped() []error
	// Lookup finds an article of the collection by location.
	Lookup(loc string) *reader.Article
	// Open returns the article with its body; it may read a file.
	Open(ctx context.Context, a *reader.Article) (*reader.Article, error)
	// Fetch loads the article at a web address outside the collection.
	Fetch(ctx context.Context, url string) (*reader.Article, error)
}

// Previewer is a Source whose articles read two ways: Open completes
// an article (a library teaser from its page, over the network), while
// Preview returns the text at hand without the network, and whether
// that is all Open would give (complete). The reader previews the list
// rows and the articles around the one open, and opens only the one the
// user reads.
type Previewer interface {
	Preview(ctx context.Context, a *reader.Article) (art *reader.Article, complete bool, err error)
}

// Summarizer condenses an article; present.Summarize behind an
// interface so that tests can count or fake calls.
type Summarizer interface {
	Summarize(a *reader.Article) (summarizer.Summary, error)
}

// ReadState remembers which articles were opened. The in-memory one is
// the default; a persistent store plugs in through Options (the
// library's Source, library.LocationMarks for files). IsRead is
// asked while the list is drawn and must answer from memory. QueueRead
// changes the mark in memory at once and queues its write without
// blocking; wait blocks until it is written and returns its error (the
// reader calls it in a Cmd). Marks are written in the order they were
// made. Flush waits for every queued write, so that Run returns only
// once no mark can be lost. The reader shows an article as read at once,
// whatever the store does.
type ReadState interface {
	IsRead(loc string) bool
	QueueRead(loc string, read bool) (wait func() error)
	Flush() error
}

// collectionSource adapts a reader.Collection to Source.
type collectionSource struct{ c *reader.Collection }

func (s collectionSource) Articles() []*reader.Article       { return s.c.Articles }
func (s collectionSource) Skipped() []error                  { return s.c.Skipped }
func (s collectionSource) Lookup(loc string) *reader.Article { return s.c.Lookup(loc) }
func (s collectionSource) Open(ctx context.Context, a *reader.Article) (*reader.Article, error) {
	return s.c.Open(ctx, a)
}

// Fetch loads one web page as a collection of one.
func (s collectionSource) Fetch(ctx context.Context, url string) (*reader.Article, error) {
	return reader.FetchArticle(ctx, url)
}

// defaultSummarizer is brief's one summary (present.Summarize) with the
// summarizer's defaults, as `brief summary` gives it.
type defaultSummarizer struct{}

func (defaultSummarizer) Summarize(a *reader.Article) (summarizer.Summary, error) {
	return present.Summarize(a, summarizer.Options{})
}

// memoryReadState keeps read marks for the session. Safe for concurrent
// use so that a store wrapping it may be called from Cmds too.
type memoryReadState struct {
	mu   sync.Mutex
	read map[string]bool
}

// NewMemoryReadState returns a ReadState that forgets on exit.
func NewMemoryReadState() ReadState { return &memoryReadState{read: map[string]bool{}} }

func (m *memoryReadState) IsRead(loc string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.read[loc]
}

func (m *memoryReadState) QueueRead(loc string, read bool) func() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.read[loc] = read
	return func() error { return nil }
}

func (m *memoryReadState) Flush() error { return nil }

// firstSentence is the dim second line of a list row.
func firstSentence(s summarizer.Summary) string {
	if len(s.Sentences) == 0 {
		return ""
	}
	return strings.TrimSpace(s.Sentences[0])
}
