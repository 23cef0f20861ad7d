package ui

// Library mode: the reader on the subscriptions library (brief with no
// arguments once there are subscriptions). The root has it when its
// deps hold a Library; its key maps then add, on the list and in the
// article: m (read ⇄ unread), b (save), r (refresh in the background,
// new articles appear as they arrive), v (all → unread → saved), F
// (every feed → one feed → …), and on the list enter in the / prompt
// searches every stored article (full text) where the plain reader only
// filters the list. The views ask for these (messages.go); the root
// handles the asks here, the list requests in library_list.go and the
// refresh in library_refresh.go.

import (
	"context"

	"github.com/brief-news/brief/library"

	"github.com/brief-news/brief/ui/common"
	tea "github.com/charmbracelet/bubbletea"
)

// Library is the subscriptions library as the reader uses it;
// library.Source implements it. The article list it serves
// (Articles) is one view at a time: changing the view or searching
// replaces it. The methods that read the database are called in Cmds;
// the others answer from memory.
type Library interface {
	Source
	Previewer
	ReadState
	IsSaved(loc string) bool
	// QueueSaved is QueueRead for the saved mark.
	QueueSaved(loc string, saved bool) (wait func() error)
	// NextView cycles all → unread → saved; NextFeed cycles every feed →
	// each feed in turn. Both reload Articles.
	NextView(ctx context.Context) error
	NextFeed(ctx context.Context) error
	// FeedList lists every feed with its unread and total counts, a
	// row for them all first; FeedShown is the feed listed (0: every
	// feed); ShowFeed lists one (0: every feed) and reloads Articles.
	FeedList(ctx context.Context) ([]library.FeedRow, error)
	FeedShown() int64
	ShowFeed(ctx context.Context, id int64) error
	// MarkAllRead marks every unread article of what is shown read (the
	// whole view of the feed shown, or a search's results); MarkFeedRead
	// those of one feed (0: every feed). Both return how many.
	MarkAllRead(ctx context.Context) (int, error)
	MarkFeedRead(ctx context.Context, id int64) (int, error)
	// Search replaces Articles with the articles matching query across
	// the whole library, best first; "" goes back to the view. Query is
	// the search shown.
	Search(ctx context.Context, query string) error
	Query() string
	// Snippet is the search snippet of an article of the results, with
	// the matched words' byte ranges.
	Snippet(loc string) (string, [][2]int)
	// Refresh fetches every feed; progress is called after each feed.
	// It returns the closing summary line.
	Refresh(ctx context.Context, progress func(done, total, added int)) (string, error)
	// Reload reads the current view again.
	Reload(ctx context.Context) error
	// Describe names the view for the title bar: "unread · Harbour
	// News", "search “tram”".
	Describe() string
	// RefreshOnStart reports whether the reader refreshes the library
	// in the background as it opens (refresh_on_start).
	RefreshOnStart() bool
}

// libraryState is what library mode keeps beside the reader: the
// refresh under way and the list requests. The list it shows (the view's
// name, the search and its snippets) is the list's.
type libraryState struct {
	refreshing bool
	events     chan tea.Msg // the refresh's progress and end

	// List requests run one at a time, in order: listID is the one
	// under way (0 for none), queued the ones after it.
	listID  int
	listSeq int
	queued  []listRequest
}

// updateLibrary handles library mode's messages.
func (m *Model) updateLibrary(msg tea.Msg) tea.Cmd {
	if m.lib == nil {
		return nil
	}
	switch msg := msg.(type) {
	case common.StartRefreshMsg:
		return m.startRefresh(msg.ByKey)
	case refreshProgressMsg:
		return m.handleProgress(msg)
	case refreshDoneMsg:
		return m.handleRefreshDone(msg)
	case common.ListRequestMsg:
		return m.requestList(listRequest{op: msg.Op, query: msg.Query})
	case listLoadedMsg:
		return m.handleList(msg)
	case common.ToggleReadMsg:
		loc := m.markedLoc(msg.Loc)
		if loc == "" {
			return nil
		}
		read := !m.marks.IsRead(loc)
		text := "marked unread"
		if read {
			text = "marked read"
		}
		return tea.Batch(m.setStatus(text), m.marks.SetRead(loc, read))
	case common.ToggleSavedMsg:
		loc := m.markedLoc(msg.Loc)
		if loc == "" {
			return nil
		}
		saved := !m.marks.IsSaved(loc)
		text := "no longer saved"
		if saved {
			text = "saved: kept for good, listed under saved (v)"
		}
		return tea.Batch(m.setStatus(text), m.marks.SetSaved(loc, saved))
	}
	return nil
}

// markedLoc is the article a mark is asked for: loc, or the open one.
func (m *Model) markedLoc(loc string) string {
	if loc == "" {
		return m.current
	}
	return loc
}
