// Package fake is a feed server for tests: one account, in memory,
// served over both of the protocols brief syncs with (the Miniflux API
// under /v1/ and the Google Reader API under /accounts/ and
// /reader/api/0/), as httptest serves it. It speaks as much of each as
// brief uses, and can fail as real servers do (Fault).
package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Entry is an article of the account.
type Entry struct {
	ID            int64
	FeedID        int64
	URL, Title    string
	Content       string
	Published     time.Time
	Read, Starred bool
	Changed       time.Time
}

// Feed is a subscription of the account.
type Feed struct {
	ID       int64
	URL      string
	Title    string
	Category string
}

// Fault makes a request fail: it is asked about each request (its
// number, from 1, and path) and returns the status to answer instead,
// 0 for none; a negative status stalls the answer for Stall first.
type Fault func(n int, r *http.Request) int

// Server is the fake account and its HTTP server.
type Server struct {
	*httptest.Server
	Token, User, Password string
	Stall                 time.Duration

	mu       sync.Mutex
	feeds    map[int64]*Feed
	entries  map[int64]*Entry
	nextFeed int64
	nextID   int64
	fault    Fault
	requests int
	// Requests counts the requests by path, for tests.
	Requests map[string]int
	// OnSubscribe gives a new subscription its articles (nil: none).
	OnSubscribe func(f *Feed) []Entry
	now         func() time.Time
}

// New starts a fake server.
func New() *Server {
	s := &Server{Token: "token", User: "ann", Password: "secret", Stall: 5 * time.Second,
		feeds: map[int64]*Feed{}, entries: map[int64]*Entry{}, Requests: map[string]int{}, now: time.Now}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// SetFault sets (nil: clears) the failure of later requests.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault, s.requests = f, 0
}

// AddFeed adds a subscription and returns its id.
func (s *Server) AddFeed(url, title, category string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextFeed++
	s.feeds[s.nextFeed] = &Feed{ID: s.nextFeed, URL: url, Title: title, Category: category}
	return s.nextFeed
}

// AddEntries adds n articles to a feed, the newest last, and returns
// the first id.
func (s *Server) AddEntries(feedID int64, n int, content string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	first := s.nextID + 1
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		s.nextID++
		id := s.nextID
		s.entries[id] = &Entry{ID: id, FeedID: feedID, URL: fmt.Sprintf("https://news.example/%d/%d.html", feedID, id),
			Title: fmt.Sprintf("Story %d", id), Content: content, Published: t0.Add(time.Duration(id) * time.Minute), Changed: s.now()}
	}
	return first
}

// Entry returns a copy of an article.
func (s *Server) Entry(id int64) Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.entries[id]
}

// Mark sets an article's marks on the server, as another reader would.
func (s *Server) Mark(id int64, read, starred bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entries[id]
	e.Read, e.Starred, e.Changed = read, starred, s.now()
}

// Feeds lists the subscriptions by id.
func (s *Server) Feeds() []Feed {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Feed
	for _, f := range s.feeds {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	n := s.requests
	s.Requests[r.URL.Path]++
	fault := s.fault
	s.mu.Unlock()
	if fault != nil {
		if st := fault(n, r); st < 0 {
			select {
			case <-time.After(s.Stall):
			case <-r.Context().Done():
				return
			}
		} else if st > 0 {
			http.Error(w, http.StatusText(st), st)
			return
		}
	}
	switch {
	case strings.HasPrefix(r.URL.Path, "/v1/"):
		if r.Header.Get("X-Auth-Token") != s.Token {
			http.Error(w, `{"error_message":"Access Unauthorized"}`, http.StatusUnauthorized)
			return
		}
		s.miniflux(w, r)
	case r.URL.Path == "/accounts/ClientLogin":
		r.ParseForm()
		if r.PostForm.Get("Email") != s.User || r.PostForm.Get("Passwd") != s.Password {
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, "SID=%s\nLSID=%s\nAuth=%s\n", s.authToken(), s.authToken(), s.authToken())
	case strings.HasPrefix(r.URL.Path, "/reader/api/0/"):
		if r.Header.Get("Authorization") != "GoogleLogin auth="+s.authToken() {
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
			return
		}
		s.greader(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) authToken() string { return s.User + "/" + s.Password + "-auth" }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// subscribe adds a feed (or finds it) and its articles.
func (s *Server) subscribe(url string) (*Feed, bool) {
	s.mu.Lock()
	for _, f := range s.feeds {
		if f.URL == url {
			s.mu.Unlock()
			return f, false
		}
	}
	s.mu.Unlock()
	id := s.AddFeed(url, "Feed at "+url, "News")
	s.mu.Lock()
	f := s.feeds[id]
	hook := s.OnSubscribe
	s.mu.Unlock()
	if hook != nil {
		for _, e := range hook(f) {
			s.mu.Lock()
			s.nextID++
			e.ID, e.FeedID, e.Changed = s.nextID, id, s.now()
			s.entries[e.ID] = &e
			s.mu.Unlock()
		}
	}
	return f, true
}

// sortedEntries lists the articles by id.
func (s *Server) sortedEntries() []*Entry {
	out := make([]*Entry, 0, len(s.entries))
	for _, e := range s.entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func atoi(s string) int64 { v, _ := strconv.ParseInt(s, 10, 64); return v }
