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
	ListReload ListOp = iota // read the view or the search again
	ListView                 // next view: all → unread → saved (v)
	ListFeed                 // next feed (F)
	ListSearch               // search the library, "" back to the view
)
