// Package remote speaks to feed servers for the library's sync: the
// Miniflux API (through its official client, miniflux.app/v2/client)
// and the Google Reader API (ClientLogin, as FreshRSS, Miniflux,
// Inoreader, The Old Reader and BazQux serve it). Each is a Server; the
// library's sync (library/sync.go) drives them and the store keeps
// what they bring.
package remote

import (
	"context"
	"net/http"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/library/syncstore"
)

// Page is one page of what changed on the server since the sync state
// the pull started from. The caller stores it, with State, in one
// transaction before the pull asks the server for the next page, so
// that a sync killed at any point resumes after the last page stored.
type Page struct {
	Entries []syncstore.Entry // articles the library may not have
	Marks   []syncstore.Mark  // marks of articles it has
	State   map[string]string // the cursors this page brings
	// Done and Total count articles for the progress line (Total 0:
	// not known).
	Done, Total int
}

// Server is a feed server's account.
type Server interface {
	// Feeds lists the subscriptions with their folders.
	Feeds(ctx context.Context) ([]syncstore.Feed, error)
	// Subscribe subscribes to a feed on the server; one subscribed
	// already is no error.
	Subscribe(ctx context.Context, feedURL string) (syncstore.Feed, error)
	// Unsubscribe removes a subscription; one gone already is no error.
	Unsubscribe(ctx context.Context, remoteID string) error
	// SetMarks sets the read or saved mark (kind "read" or "saved") of
	// articles to value.
	SetMarks(ctx context.Context, kind string, value bool, remoteIDs []string) error
	// Pull asks for what changed since state, page by page; unknown
	// filters article ids down to those the library has never stored.
	// An error from page stops it.
	Pull(ctx context.Context, state map[string]string, unknown func([]string) ([]string, error), page func(Page) error) error
}

// New connects to the server the settings name; secret is its token
// (miniflux) or password (greader). timeout bounds each request.
func New(s config.Sync, secret string, timeout time.Duration) (Server, error) {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	hc := &http.Client{Timeout: timeout}
	switch s.Kind {
	case "miniflux":
		return NewMiniflux(s.URL, secret, hc), nil
	case "greader":
		return NewGReader(s.URL, s.User, secret, hc), nil
	}
	return nil, &Error{Server: s.URL, Problem: "sync.kind must be \"miniflux\" or \"greader\""}
}

// pageSize is how many articles one request brings.
const pageSize = 250
