package ui

// The message catalogue: every message the reader sends itself, with the
// Cmd that produces it beside it. Results of background work carry the
// key or request id they answer, so that stale ones are recognised and
// dropped, and an Err instead of failing anywhere else.

import (
	"context"
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-news/brief/library"
	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
	"github.com/brief-news/brief/ui/common"
	"github.com/brief-news/brief/ui/list"
	"github.com/brief-news/brief/ui/present"
)

// loadedMsg carries an article read with its body, its summary and
// the links of its body (f numbers them). ID
// is the load it answers (a cancelled or superseded one is not waited
// for any more). Partial is set for a preview of a teaser that opening
// completes. Err is set when the article could not be read; SumErr when
// it could be read but not summarised (summarizer.ErrEmpty for an empty
// one).
type loadedMsg struct {
	ID      int
	Loc     string
	Article *reader.Article
	Summary summarizer.Summary
	Links   []reader.BodyLink
	Partial bool
	SumErr  error
	Err     error
}

// loadCmd reads a (and summarises it) in the background: with open, as
// the article the user reads (Source.Open), otherwise as a preview
// that never touches the network when the source can tell them apart
// (Previewer). Cancelling ctx abandons it.
func loadCmd(ctx context.Context, src Source, sum Summarizer, a *reader.Article, open bool, id int) tea.Cmd {
	return func() tea.Msg {
		var full *reader.Article
		var err error
		complete, preview := true, false
		if p, ok := src.(Previewer); ok && !open {
			preview = true
			full, complete, err = p.Preview(ctx, a)
		} else {
			full, err = src.Open(ctx, a)
		}
		if err != nil {
			// A failed preview leaves opening to try again, and say why.
			return loadedMsg{ID: id, Loc: a.Location, Partial: preview, Err: err}
		}
		// The summary is brief's one (present.Summarize): the same
		// sentences as `brief summary` gives. The links are found here
		// too, once: on a long body that takes longer than a keypress
		// may (f).
		s, serr := sum.Summarize(full)
		return loadedMsg{ID: id, Loc: a.Location, Article: full, Summary: s, Links: reader.BodyLinks(full.Body),
			Partial: !complete, SumErr: serr}
	}
}

// renderedMsg carries glamour's output for one cache key: the whole
// document, or its first piece when Rest holds the markdown of the
// pieces still to render (present.SplitMarkdown). ID is the render it
// answers (cache.start); one superseded, or for a width the window no
// longer has, is dropped.
type renderedMsg struct {
	Key     renderKey
	ID      int
	Content string
	Rest    []string
	Err     error
}

// docRenderCmd renders an article in a mode in the background: making
// its markdown reads the whole body (cutting it to the safety bounds,
// stripping link targets), so that too stays off the UI loop. Only the
// first piece, which fills the first screens, is rendered here; the
// message carries the rest for pieceCmd. The Cmd works on a copy of the
// article.
func docRenderCmd(key renderKey, id int, d *doc, m mode, opts renderOptions) tea.Cmd {
	dc, a := *d, *d.art
	dc.art = &a
	return func() tea.Msg {
		pieces := present.SplitMarkdown(documentMarkdown(&dc, m), present.FirstPieceBytes)
		out, err := present.RenderPiece(pieces[0], 0, key.Width, opts)
		return renderedMsg{Key: key, ID: id, Content: out, Rest: pieces[1:], Err: err}
	}
}

// pieceMsg carries piece Index (1 and on) of render ID, rendered with
// the separator that joins it to the text before: the cache appends it
// when that render is still under way for Key at the window's width,
// and drops it otherwise (a stale piece for another article, mode or
// width, or for a render started again since).
type pieceMsg struct {
	Key     renderKey
	ID      int
	Index   int
	Content string
	Err     error
}

// pieceCmd renders one later piece of a long document in the background.
func pieceCmd(key renderKey, id, index int, markdown string, opts renderOptions) tea.Cmd {
	return func() tea.Msg {
		out, err := present.RenderPiece(markdown, index, key.Width, opts)
		return pieceMsg{Key: key, ID: id, Index: index, Content: out, Err: err}
	}
}

// fetchedMsg answers a fetch of a web link outside the collection. ID
// is the fetch request it answers; results of cancelled or superseded
// fetches are dropped.
type fetchedMsg struct {
	ID      int
	URL     string
	Article *reader.Article
	Err     error
}

// fetchCmd loads the article at url; cancelling ctx abandons it.
func fetchCmd(ctx context.Context, src Source, id int, url string) tea.Cmd {
	return func() tea.Msg {
		a, err := src.Fetch(ctx, url)
		return fetchedMsg{ID: id, URL: url, Article: a, Err: err}
	}
}

// afterFunc schedules msg after d. The real one is tea.Tick; tests use
// one that never fires, so that no test waits on a clock.
type afterFunc func(d time.Duration, msg tea.Msg) tea.Cmd

func realAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// externalMsg reports how an action outside the program (opening the
// browser, copying to the clipboard) went: Done is the status text on
// success.
type externalMsg struct {
	Done string
	Err  error
}

// errNoURL is reported when o or y is pressed on an article read from a
// file with no web address.
var errNoURL = errors.New("this article has no web address")

// externalCmd runs fn(url) in the background and reports with done.
func externalCmd(fn func(string) error, url, done string) tea.Cmd {
	return func() tea.Msg {
		if url == "" {
			return externalMsg{Err: errNoURL}
		}
		return externalMsg{Done: done, Err: fn(url)}
	}
}

// The intents views ask of the root are in ui/common (intents.go).

// statusMsg asks the root to show Text in the status bar for a while;
// it comes from the background and stays when another article opens.
type statusMsg struct{ Text string }

// send wraps a message as a Cmd.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Library mode's messages (library.go).

// refreshProgressMsg reports a refresh's progress after each feed: Done
// of Total feeds fetched, Added new articles from the last one.
type refreshProgressMsg struct{ Done, Total, Added int }

// refreshDoneMsg ends a refresh with its summary line, or why it failed.
type refreshDoneMsg struct {
	Summary string
	Err     error
}

// refreshCmd runs a refresh, sending its progress and its end on
// events; the reader takes them with waitEventCmd.
func refreshCmd(ctx context.Context, lib Library, events chan<- tea.Msg) tea.Cmd {
	return func() tea.Msg {
		summary, err := lib.Refresh(ctx, func(done, total, added int) {
			events <- refreshProgressMsg{Done: done, Total: total, Added: added}
		})
		events <- refreshDoneMsg{Summary: summary, Err: err}
		return nil
	}
}

// waitEventCmd delivers the next message from a background task.
func waitEventCmd(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
}

// listLoadedMsg answers a list request: the articles of the view (or
// search) now shown, the view's name, the search shown ("" for the view)
// and the search snippets by location. ID is the request it answers;
// answers to requests since superseded are dropped.
type listLoadedMsg struct {
	ID       int
	Op       common.ListOp
	Articles []*reader.Article
	Title    string
	Query    string
	Snippets map[string]string
	Marked   int // articles marked read by ListMarkAll or ListMarkFeed
	Err      error
}

// listCmd runs list request r on the library (a search, a change of
// view or feed, a mark-all-read), then reads the list; id is the
// request's, for the answer.
func listCmd(ctx context.Context, lib Library, id int, r listRequest) tea.Cmd {
	return func() tea.Msg {
		var err error
		var marked int
		switch r.op {
		case common.ListReload:
			err = lib.Reload(ctx)
		case common.ListView:
			err = lib.NextView(ctx)
		case common.ListFeed:
			err = lib.NextFeed(ctx)
		case common.ListSearch:
			err = lib.Search(ctx, r.query)
		case common.ListShowFeed:
			err = lib.ShowFeed(ctx, r.feed)
		case common.ListMarkAll:
			marked, err = lib.MarkAllRead(ctx)
		case common.ListMarkFeed:
			if marked, err = lib.MarkFeedRead(ctx, r.feed); err == nil {
				err = lib.Reload(ctx)
			}
		}
		msg := listLoadedMsg{ID: id, Op: r.op, Marked: marked, Err: err}
		if err != nil {
			return msg
		}
		msg.Articles, msg.Title, msg.Query = lib.Articles(), lib.Describe(), lib.Query()
		if msg.Query != "" {
			msg.Snippets = map[string]string{}
			for _, a := range msg.Articles {
				if s, hl := lib.Snippet(a.Location); s != "" {
					msg.Snippets[a.Location] = list.HighlightSnippet(s, hl)
				}
			}
		}
		return msg
	}
}

// feedsLoadedMsg answers a request for the feed list.
type feedsLoadedMsg struct {
	Rows  []library.FeedRow
	Shown int64 // the feed the article list shows, 0 for every feed
	Err   error
}

// feedsCmd reads the feed list with its unread counts.
func feedsCmd(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		rows, err := lib.FeedList(ctx)
		return feedsLoadedMsg{Rows: rows, Shown: lib.FeedShown(), Err: err}
	}
}

// waitMarksCmd waits, off the UI loop, for mark writes queued in the
// library, and reports the first failure with prefix.
func waitMarksCmd(waits []func() error, prefix string) tea.Cmd {
	if len(waits) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, wait := range waits {
			if err := wait(); err != nil {
				return statusMsg{Text: prefix + err.Error()}
			}
		}
		return nil
	}
}

// modelProgressMsg carries a model summary's answer so far (or, for a
// long article, the part being summarised). ID is the request it
// answers: one cancelled or superseded is dropped, and then next, the
// Cmd that waits for what follows, is not run.
type modelProgressMsg struct {
	ID       int
	Loc      string
	Progress llm.Progress
	next     tea.Cmd
}

// modelDoneMsg ends a model summary: the answer, or why there is none
// (context.Canceled when it was cancelled, a one-line *llm.Error naming
// the endpoint when the request failed).
type modelDoneMsg struct {
	ID     int
	Loc    string
	Result llm.Result
	Err    error
}

// modelSummaryCmd asks the model for a's summary in the background:
// the cleaned text is made and the request streamed off the UI loop; a
// modelProgressMsg follows each piece, then a modelDoneMsg. Cancelling
// ctx abandons it.
func modelSummaryCmd(ctx context.Context, ms ModelSummarizer, a *reader.Article, id int, loc string) tea.Cmd {
	events := make(chan tea.Msg, 16)
	var wait tea.Cmd
	wait = func() tea.Msg {
		select {
		case msg := <-events:
			if p, ok := msg.(modelProgressMsg); ok {
				p.next = wait
				return p
			}
			return msg
		case <-ctx.Done():
			return modelDoneMsg{ID: id, Loc: loc, Err: context.Canceled}
		}
	}
	title, body, lang := a.Title, a.Body, a.Lang
	return func() tea.Msg {
		go func() {
			r, err := ms.Summarize(ctx, llm.Input(title, body, lang), llm.Options{Progress: func(p llm.Progress) {
				select {
				case events <- modelProgressMsg{ID: id, Loc: loc, Progress: p}:
				case <-ctx.Done():
				}
			}})
			select {
			case events <- modelDoneMsg{ID: id, Loc: loc, Result: r, Err: err}:
			case <-ctx.Done():
			}
		}()
		return wait()
	}
}
