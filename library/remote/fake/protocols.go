package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type mfFeed struct {
	ID       int64  `json:"id"`
	FeedURL  string `json:"feed_url"`
	SiteURL  string `json:"site_url"`
	Title    string `json:"title"`
	Category struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	} `json:"category"`
}

func toMF(f *Feed) mfFeed {
	m := mfFeed{ID: f.ID, FeedURL: f.URL, SiteURL: "https://news.example/", Title: f.Title}
	m.Category.ID, m.Category.Title = 1, f.Category
	return m
}

// miniflux serves the part of the Miniflux API brief uses.
func (s *Server) miniflux(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/v1")
	switch {
	case r.Method == http.MethodGet && path == "/feeds":
		s.mu.Lock()
		var out []mfFeed
		for _, f := range s.feeds {
			out = append(out, toMF(f))
		}
		s.mu.Unlock()
		writeJSON(w, out)
	case r.Method == http.MethodPost && path == "/feeds":
		var req struct {
			FeedURL string `json:"feed_url"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		if strings.Contains(req.FeedURL, "refused") {
			w.WriteHeader(http.StatusBadRequest)
			writeJSON(w, map[string]string{"error_message": "unable to fetch this feed"})
			return
		}
		f, added := s.subscribe(req.FeedURL)
		if !added {
			w.WriteHeader(http.StatusBadRequest)
			writeJSON(w, map[string]string{"error_message": "This feed already exists."})
			return
		}
		w.WriteHeader(http.StatusCreated)
		writeJSON(w, map[string]int64{"feed_id": f.ID})
	case strings.HasPrefix(path, "/feeds/"):
		id := atoi(strings.TrimPrefix(path, "/feeds/"))
		s.mu.Lock()
		f := s.feeds[id]
		if f != nil && r.Method == http.MethodDelete {
			delete(s.feeds, id)
			for eid, e := range s.entries {
				if e.FeedID == id {
					delete(s.entries, eid)
				}
			}
		}
		s.mu.Unlock()
		switch {
		case f == nil:
			w.WriteHeader(http.StatusNotFound)
			writeJSON(w, map[string]string{"error_message": "not found"})
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			writeJSON(w, toMF(f))
		}
	case r.Method == http.MethodGet && path == "/entries":
		s.mfEntries(w, r)
	case r.Method == http.MethodPut && path == "/entries":
		var req struct {
			IDs     []int64 `json:"entry_ids"`
			Status  string  `json:"status"`
			Starred *bool   `json:"starred"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		s.mu.Lock()
		for _, id := range req.IDs {
			if e := s.entries[id]; e != nil {
				if req.Starred != nil {
					e.Starred = *req.Starred
				} else {
					e.Read = req.Status == "read"
				}
				e.Changed = s.now()
			}
		}
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) mfEntries(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, changed, limit := atoi(q.Get("after_entry_id")), atoi(q.Get("changed_after")), int(atoi(q.Get("limit")))
	if limit <= 0 {
		limit = 100
	}
	type entry struct {
		ID        int64     `json:"id"`
		FeedID    int64     `json:"feed_id"`
		URL       string    `json:"url"`
		Title     string    `json:"title"`
		Content   string    `json:"content"`
		Status    string    `json:"status"`
		Starred   bool      `json:"starred"`
		Published time.Time `json:"published_at"`
		Changed   time.Time `json:"changed_at"`
	}
	var res struct {
		Total   int     `json:"total"`
		Entries []entry `json:"entries"`
	}
	res.Entries = []entry{}
	s.mu.Lock()
	for _, e := range s.sortedEntries() {
		if e.ID <= after || (changed > 0 && e.Changed.Unix() <= changed) {
			continue
		}
		res.Total++
		if len(res.Entries) < limit {
			st := "unread"
			if e.Read {
				st = "read"
			}
			res.Entries = append(res.Entries, entry{e.ID, e.FeedID, e.URL, e.Title, e.Content, st, e.Starred, e.Published, e.Changed})
		}
	}
	s.mu.Unlock()
	writeJSON(w, res)
}

const (
	readTag    = "user/-/state/com.google/read"
	starredTag = "user/-/state/com.google/starred"
)

// greader serves the part of the Google Reader API brief uses.
func (s *Server) greader(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/reader/api/0/")
	r.ParseForm()
	if r.Method == http.MethodPost && r.PostForm.Get("T") != "post-token" {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	switch path {
	case "token":
		fmt.Fprint(w, "post-token")
	case "subscription/list":
		type cat struct {
			ID    string `json:"id"`
			Label string `json:"label"`
		}
		type sub struct {
			ID         string `json:"id"`
			Title      string `json:"title"`
			URL        string `json:"url"`
			HTMLURL    string `json:"htmlUrl"`
			Categories []cat  `json:"categories"`
		}
		var out struct {
			Subscriptions []sub `json:"subscriptions"`
		}
		for _, f := range s.Feeds() {
			out.Subscriptions = append(out.Subscriptions, sub{fmt.Sprintf("feed/%d", f.ID), f.Title, f.URL,
				"https://news.example/", []cat{{"user/-/label/" + f.Category, f.Category}}})
		}
		writeJSON(w, out)
	case "subscription/quickadd":
		if strings.Contains(r.PostForm.Get("quickadd"), "refused") {
			writeJSON(w, map[string]any{"numResults": 0, "query": r.PostForm.Get("quickadd")})
			return
		}
		f, _ := s.subscribe(r.PostForm.Get("quickadd"))
		writeJSON(w, map[string]any{"numResults": 1, "query": f.URL, "streamId": fmt.Sprintf("feed/%d", f.ID), "streamName": f.Title})
	case "subscription/edit":
		if r.PostForm.Get("ac") == "unsubscribe" {
			id := atoi(strings.TrimPrefix(r.PostForm.Get("s"), "feed/"))
			s.mu.Lock()
			delete(s.feeds, id)
			s.mu.Unlock()
		}
		fmt.Fprint(w, "OK")
	case "stream/items/ids":
		s.grIDs(w, r)
	case "stream/items/contents":
		s.grContents(w, r)
	case "edit-tag":
		s.mu.Lock()
		for _, v := range r.PostForm["i"] {
			e := s.entries[grID(v)]
			if e == nil {
				continue
			}
			for _, a := range r.PostForm["a"] {
				e.Read = e.Read || a == readTag
				e.Starred = e.Starred || a == starredTag
			}
			for _, d := range r.PostForm["r"] {
				e.Read = e.Read && d != readTag
				e.Starred = e.Starred && d != starredTag
			}
			e.Changed = s.now()
		}
		s.mu.Unlock()
		fmt.Fprint(w, "OK")
	default:
		http.NotFound(w, r)
	}
}

// grID reads an item id in either form.
func grID(v string) int64 {
	if h, ok := strings.CutPrefix(v, "tag:google.com,2005:reader/item/"); ok {
		n, _ := strconv.ParseUint(h, 16, 64)
		return int64(n)
	}
	return atoi(v)
}

func (s *Server) grIDs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	n := int(atoi(q.Get("n")))
	if n <= 0 {
		n = 20
	}
	from := int(atoi(q.Get("c")))
	type ref struct {
		ID string `json:"id"`
	}
	var all []ref
	s.mu.Lock()
	for _, e := range s.sortedEntries() {
		if q.Get("s") == starredTag && !e.Starred {
			continue
		}
		if q.Get("xt") == readTag && e.Read {
			continue
		}
		all = append(all, ref{strconv.FormatInt(e.ID, 10)})
	}
	s.mu.Unlock()
	out := map[string]any{"itemRefs": []ref{}}
	if from < len(all) {
		end := min(len(all), from+n)
		out["itemRefs"] = all[from:end]
		if end < len(all) {
			out["continuation"] = strconv.Itoa(end)
		}
	}
	writeJSON(w, out)
}

func (s *Server) grContents(w http.ResponseWriter, r *http.Request) {
	type href struct {
		Href string `json:"href"`
	}
	type content struct {
		Content string `json:"content"`
	}
	type item struct {
		ID        string  `json:"id"`
		Title     string  `json:"title"`
		Published int64   `json:"published"`
		Canonical []href  `json:"canonical"`
		Summary   content `json:"summary"`
		Origin    struct {
			StreamID string `json:"streamId"`
		} `json:"origin"`
		Cats []string `json:"categories"`
	}
	out := struct {
		Items []item `json:"items"`
	}{Items: []item{}}
	s.mu.Lock()
	for _, v := range r.PostForm["i"] {
		e := s.entries[grID(v)]
		if e == nil {
			continue
		}
		it := item{ID: fmt.Sprintf("tag:google.com,2005:reader/item/%016x", e.ID), Title: e.Title, Published: e.Published.Unix(),
			Canonical: []href{{e.URL}}, Summary: content{e.Content}}
		it.Origin.StreamID = fmt.Sprintf("feed/%d", e.FeedID)
		out.Items = append(out.Items, it)
	}
	s.mu.Unlock()
	writeJSON(w, out)
}
