package remote

// The Google Reader API's pull: the id lists, the new articles' content.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/brief-news/brief/library/feed"
	"github.com/brief-news/brief/library/syncstore"
)

// ids lists a stream's article ids (decimal), excluding the stream
// exclude when it is not "".
func (g *GReader) ids(ctx context.Context, stream, exclude string) ([]string, error) {
	var out []string
	cont := ""
	for {
		q := url.Values{"s": {stream}, "n": {"10000"}, "output": {"json"}}
		if exclude != "" {
			q.Set("xt", exclude)
		}
		if cont != "" {
			q.Set("c", cont)
		}
		var res struct {
			ItemRefs []struct {
				ID string `json:"id"`
			} `json:"itemRefs"`
			Continuation json.RawMessage `json:"continuation"`
		}
		if err := g.call(ctx, "listing articles", http.MethodGet, "stream/items/ids", q, &res); err != nil {
			return nil, err
		}
		for _, r := range res.ItemRefs {
			if id := decimalID(r.ID); id != "" {
				out = append(out, id)
			}
		}
		next := strings.Trim(string(res.Continuation), `"`)
		if next == "" || next == "null" || next == "0" || next == cont || len(res.ItemRefs) == 0 {
			return out, nil
		}
		cont = next
	}
}

// decimalID is an item id in the short, decimal form; the long form
// (tag:google.com,2005:reader/item/ and 16 hex digits) is converted.
func decimalID(id string) string {
	if h, ok := strings.CutPrefix(id, longIDPrefix); ok {
		v, err := strconv.ParseUint(h, 16, 64)
		if err != nil {
			return ""
		}
		return strconv.FormatInt(int64(v), 10)
	}
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		return ""
	}
	return id
}

type grItem struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published int64  `json:"published"`
	Canonical []struct {
		Href string `json:"href"`
	} `json:"canonical"`
	Alternate []struct {
		Href string `json:"href"`
	} `json:"alternate"`
	Summary struct {
		Content string `json:"content"`
	} `json:"summary"`
	Content struct {
		Content string `json:"content"`
	} `json:"content"`
	Origin struct {
		StreamID string `json:"streamId"`
	} `json:"origin"`
}

func (it *grItem) entry(unread, starred map[string]bool) syncstore.Entry {
	link := ""
	for _, l := range append(it.Canonical, it.Alternate...) {
		if l.Href != "" {
			link = l.Href
			break
		}
	}
	content := it.Content.Content
	if content == "" {
		content = it.Summary.Content
	}
	var pub time.Time
	if it.Published > 0 {
		pub = time.Unix(it.Published, 0)
	}
	id := decimalID(it.ID)
	return syncstore.Entry{
		RemoteID:   id,
		RemoteFeed: it.Origin.StreamID,
		Item:       feed.RemoteItem(link, it.Title, it.Author, "", content, pub),
		Read:       !unread[id],
		Saved:      starred[id],
	}
}

// Pull lists the ids, fetches the new articles, and gives the marks of
// the known ones; its state is only the time of the last pull.
func (g *GReader) Pull(ctx context.Context, _ map[string]string, unknown func([]string) ([]string, error), page func(Page) error) error {
	all, err := g.ids(ctx, streamReading, "")
	if err != nil {
		return err
	}
	unreadIDs, err := g.ids(ctx, streamReading, streamRead)
	if err != nil {
		return err
	}
	starredIDs, err := g.ids(ctx, streamStarred, "")
	if err != nil {
		return err
	}
	unread, starred := set(unreadIDs), set(starredIDs)
	seen := set(all)
	for _, id := range starredIDs {
		if !seen[id] {
			seen[id] = true
			all = append(all, id) // starred, but out of the reading list
		}
	}
	fresh, err := unknown(all)
	if err != nil {
		return err
	}
	isNew := set(fresh)
	done, total := 0, len(all)
	for len(fresh) > 0 {
		part := fresh[:min(len(fresh), pageSize)]
		fresh = fresh[len(part):]
		form := url.Values{"output": {"json"}}
		for _, id := range part {
			form.Add("i", id)
		}
		var res struct {
			Items []grItem `json:"items"`
		}
		if err := g.call(ctx, "fetching articles", http.MethodPost, "stream/items/contents", form, &res); err != nil {
			return err
		}
		p := Page{}
		for i := range res.Items {
			p.Entries = append(p.Entries, res.Items[i].entry(unread, starred))
		}
		done += len(part)
		p.Done, p.Total = done, total
		if err := page(p); err != nil {
			return err
		}
	}
	p := Page{State: map[string]string{"gr_pulled": strconv.FormatInt(time.Now().Unix(), 10)}}
	for _, id := range all {
		if !isNew[id] {
			p.Marks = append(p.Marks, syncstore.Mark{RemoteID: id, Read: !unread[id], Saved: starred[id]})
		}
	}
	p.Done, p.Total = total, total
	return page(p)
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
