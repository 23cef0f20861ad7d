package common

// The intents views ask of the root, which owns the collection, the
// history and the caches and so decides what they mean. A view records
// one (Asks.Ask) and the root handles it as soon as the view's Update
// returns, before the next key: keys act in the order typed.

// OpenMsg asks to open the article at Loc from the list.
type OpenMsg struct{ Loc string }

// AdjacentMsg asks for the next (Dir 1) or previous (Dir -1) article.
type AdjacentMsg struct{ Dir int }

// BackMsg asks to return along the path taken (backspace).
type BackMsg struct{}

// ToListMsg asks to leave the article for the list.
type ToListMsg struct{}

// ToggleModeMsg asks to switch between the full text and the summary.
type ToggleModeMsg struct{}

// ModelSummaryMsg asks for the model's summary of the open article (S):
// shown in the summary view, asked for unless it is there or on its way.
type ModelSummaryMsg struct{}

// BrowseMsg asks to open URL in the web browser.
type BrowseMsg struct{ URL string }

// CopyMsg asks to copy URL to the clipboard.
type CopyMsg struct{ URL string }

// FollowLinkMsg asks to follow a link of the article's text (a number
// typed after f): in brief when it is an article of the collection or
// looks like an article page, in the browser otherwise. Title is the
// link's text, for the page's headline until it loads.
type FollowLinkMsg struct{ URL, Title string }

// StatusMsg asks to say something about the open article in the status
// bar.
type StatusMsg struct{ Text string }

// HelpMsg asks for the full help of the current view.
type HelpMsg struct{}

// CloseHelpMsg asks to leave the help screen for the view it shows the
// keys of.
type CloseHelpMsg struct{}

// CancelMsg asks to cancel the web load under way.
type CancelMsg struct{}

// Library mode's intents.

// StartRefreshMsg asks library mode to refresh the library in the
// background (refresh_on_start sends it on start-up). ByKey is set when
// r asked for it: a refresh already under way is then said to be.
type StartRefreshMsg struct{ ByKey bool }

// ToggleReadMsg asks to switch an article's read mark (m): the article
// at Loc, or the open one when Loc is "".
type ToggleReadMsg struct{ Loc string }

// ToggleSavedMsg asks to switch an article's saved mark (b): the
// article at Loc, or the open one when Loc is "".
type ToggleSavedMsg struct{ Loc string }

// ListRequestMsg asks library mode for a list: the next view (v) or
// feed (F), the library searched for Query (enter in the / prompt), or
// back to the view (ListSearch with no query: esc on a search's
// results).
type ListRequestMsg struct {
	Op    ListOp
	Query string
}

// ListOp says what a library list request does.
type ListOp int

// The list requests.
const (
	ListReload   ListOp = iota // read the view or the search again
	ListView                   // next view: all → unread → saved (v)
	ListFeed                   // next feed (F)
	ListSearch                 // search the library, "" back to the view
	ListShowFeed               // one feed (Query: its id, "0" every feed)
	ListMarkAll                // mark what is shown read (A), then read it again
	ListMarkFeed               // mark a feed read (Query: its id), then read the view again
)

// The feed list's intents (library mode).

// FeedsMsg asks for the feed list (F on the article list).
type FeedsMsg struct{}

// ShowFeedMsg asks to list one feed's articles (ID 0: every feed).
type ShowFeedMsg struct{ ID int64 }

// MarkFeedReadMsg asks to mark every article of a feed read (A on the
// feed list; ID 0: every feed). Name is for the status line.
type MarkFeedReadMsg struct {
	ID   int64
	Name string
}

// CloseFeedsMsg asks to leave the feed list for the article list.
type CloseFeedsMsg struct{}
