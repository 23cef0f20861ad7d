package remote

// The Google Reader API as FreshRSS, Miniflux, Inoreader, The Old Reader
// and BazQux serve it: ClientLogin with a user and password gives an
// Auth token sent as "Authorization: GoogleLogin auth=…"; a second,
// short-lived token (reader/api/0/token) goes with each POST as T.
//
// A sync lists the ids of the reading list, of the unread articles and
// of the starred ones (stream/items/ids, a few bytes per article, paged
// by continuation), fetches the content of the ids the library has
// never stored (stream/items/contents, by pages of pageSize), and takes
// the marks of the others from the id lists. Only new articles'
// content travels.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/brief-news/brief/library/syncstore"
)

// The streams and tags of the protocol.
const (
	streamReading = "user/-/state/com.google/reading-list"
	streamRead    = "user/-/state/com.google/read"
	streamStarred = "user/-/state/com.google/starred"
	longIDPrefix  = "tag:google.com,2005:reader/item/"
	// maxAnswer bounds one answer: a page of full articles.
	maxAnswer = 64 << 20
)

// GReader is an account on a Google Reader API server.
type GReader struct {
	URL            string // the API's base: https://host/api/greader.php for FreshRSS
	User, Password string
	hc             *http.Client

	mu         sync.Mutex
	auth, post string // the ClientLogin and POST tokens, "" until asked for
}

// NewGReader connects to the Google Reader API at base.
func NewGReader(base, user, password string, hc *http.Client) *GReader {
	return &GReader{URL: strings.TrimRight(base, "/"), User: user, Password: password, hc: hc}
}

// login asks for the Auth token (ClientLogin).
func (g *GReader) login(ctx context.Context) (string, error) {
	form := url.Values{"Email": {g.User}, "Passwd": {g.Password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL+"/accounts/ClientLogin", strings.NewReader(form.Encode()))
	if err != nil {
		return "", explain(g.URL, "logging in", 0, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := g.hc.Do(req)
	if err != nil {
		return "", explain(g.URL, "logging in", 0, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK || err != nil {
		return "", explain(g.URL, "logging in", resp.StatusCode, err)
	}
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok && v != "" {
			return v, nil
		}
	}
	return "", &Error{Server: g.URL, Problem: "logging in: the answer has no Auth token (is the URL the Google Reader API's?)"}
}

// call makes an API request and decodes its JSON answer into out (nil:
// the answer is read and dropped; a *string: kept as text). A 401 logs
// in again once: tokens expire, and a server may restart mid-sync.
func (g *GReader) call(ctx context.Context, op, method, path string, form url.Values, out any) error {
	for attempt := 0; ; attempt++ {
		status, err := g.try(ctx, method, path, form, out)
		if status == http.StatusUnauthorized && attempt == 0 {
			g.mu.Lock()
			g.auth, g.post = "", ""
			g.mu.Unlock()
			continue
		}
		return explain(g.URL, op, status, err)
	}
}

func (g *GReader) try(ctx context.Context, method, path string, form url.Values, out any) (int, error) {
	g.mu.Lock()
	auth := g.auth
	g.mu.Unlock()
	if auth == "" {
		a, err := g.login(ctx)
		if err != nil {
			return 0, err
		}
		g.mu.Lock()
		g.auth, auth = a, a
		g.mu.Unlock()
	}
	u := g.URL + "/reader/api/0/" + path
	var body io.Reader
	if method == http.MethodPost {
		if form == nil {
			form = url.Values{}
		}
		tok, status, err := g.postToken(ctx, auth)
		if err != nil || status != http.StatusOK {
			return status, err
		}
		form.Set("T", tok)
		body = strings.NewReader(form.Encode())
	} else if form != nil {
		u += "?" + form.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "GoogleLogin auth="+auth)
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := g.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return resp.StatusCode, nil
	}
	r := io.LimitReader(resp.Body, maxAnswer)
	switch o := out.(type) {
	case nil:
		_, err = io.Copy(io.Discard, r)
	case *string:
		var b []byte
		b, err = io.ReadAll(r)
		*o = strings.TrimSpace(string(b))
	default:
		if err = json.NewDecoder(r).Decode(out); err != nil && ctx.Err() == nil {
			err = fmt.Errorf("unreadable answer: %w", err)
		}
	}
	return resp.StatusCode, err
}

// postToken is the token POSTs carry, asked for once per login.
func (g *GReader) postToken(ctx context.Context, auth string) (string, int, error) {
	g.mu.Lock()
	tok := g.post
	g.mu.Unlock()
	if tok != "" {
		return tok, http.StatusOK, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.URL+"/reader/api/0/token", nil)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("Authorization", "GoogleLogin auth="+auth)
	resp, err := g.hc.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK || err != nil {
		return "", resp.StatusCode, err
	}
	tok = strings.TrimSpace(string(b))
	g.mu.Lock()
	g.post = tok
	g.mu.Unlock()
	return tok, http.StatusOK, nil
}

type grSubscription struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	HTMLURL    string `json:"htmlUrl"`
	Categories []struct {
		ID    string `json:"id"`
		Label string `json:"label"`
	} `json:"categories"`
}

func (g *GReader) Feeds(ctx context.Context) ([]syncstore.Feed, error) {
	var res struct {
		Subscriptions []grSubscription `json:"subscriptions"`
	}
	if err := g.call(ctx, "listing the subscriptions", http.MethodGet, "subscription/list", url.Values{"output": {"json"}}, &res); err != nil {
		return nil, err
	}
	out := make([]syncstore.Feed, 0, len(res.Subscriptions))
	for _, s := range res.Subscriptions {
		f := syncstore.Feed{RemoteID: s.ID, URL: s.URL, Title: s.Title, SiteURL: s.HTMLURL}
		if f.URL == "" {
			f.URL, _ = strings.CutPrefix(s.ID, "feed/") // The Old Reader names feeds by URL
		}
		for _, c := range s.Categories {
			if c.Label != "" {
				f.Category = c.Label
				break
			}
			if i := strings.LastIndex(c.ID, "/label/"); i >= 0 {
				f.Category = c.ID[i+len("/label/"):]
				break
			}
		}
		out = append(out, f)
	}
	return out, nil
}

func (g *GReader) Subscribe(ctx context.Context, feedURL string) (syncstore.Feed, error) {
	var res struct {
		NumResults int    `json:"numResults"`
		StreamID   string `json:"streamId"`
		StreamName string `json:"streamName"`
	}
	op := "subscribing to " + feedURL
	if err := g.call(ctx, op, http.MethodPost, "subscription/quickadd", url.Values{"quickadd": {feedURL}, "output": {"json"}}, &res); err != nil {
		if re, ok := err.(*Error); ok && (re.Status == http.StatusBadRequest || re.Status == http.StatusNotFound) {
			re.Refused = true
		}
		return syncstore.Feed{}, err
	}
	if res.StreamID == "" {
		return syncstore.Feed{}, &Error{Server: g.URL, Problem: op + ": the server found no feed there", Refused: true}
	}
	// The list says the feed's URL as the server stored it, and its folder.
	fs, err := g.Feeds(ctx)
	if err != nil {
		return syncstore.Feed{}, err
	}
	for _, f := range fs {
		if f.RemoteID == res.StreamID {
			return f, nil
		}
	}
	return syncstore.Feed{RemoteID: res.StreamID, URL: feedURL, Title: res.StreamName}, nil
}

func (g *GReader) Unsubscribe(ctx context.Context, remoteID string) error {
	return g.call(ctx, "unsubscribing", http.MethodPost, "subscription/edit", url.Values{"ac": {"unsubscribe"}, "s": {remoteID}}, nil)
}

func (g *GReader) SetMarks(ctx context.Context, kind string, value bool, remoteIDs []string) error {
	tag := streamRead
	if kind == "saved" {
		tag = streamStarred
	}
	op := "a"
	if !value {
		op = "r"
	}
	for len(remoteIDs) > 0 {
		part := remoteIDs[:min(len(remoteIDs), pageSize)]
		remoteIDs = remoteIDs[len(part):]
		form := url.Values{op: {tag}}
		for _, id := range part {
			form.Add("i", id)
		}
		if err := g.call(ctx, "sending marks", http.MethodPost, "edit-tag", form, nil); err != nil {
			return err
		}
	}
	return nil
}
