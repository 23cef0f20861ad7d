package present

import (
	"net/url"
	"strings"

	"github.com/brief-news/brief/reader"
)

// Host is the host of an address without "www.", for an article's
// source line; "web" when it has none.
func Host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "web"
	}
	return strings.TrimPrefix(reader.Clean(u.Host), "www.")
}

// ShortURL is an address for people: without its scheme, and without the
// middle of its path when long: "example.com/…/the-story". It is for
// showing, not for matching (library/feed.ShortURL is the feeds' key).
func ShortURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	host := strings.TrimPrefix(u.Host, "www.")
	path := strings.Trim(u.Path, "/")
	if path == "" {
		return host
	}
	parts := strings.Split(path, "/")
	if len(parts) > 1 && len(host)+len(path) > 40 {
		return host + "/…/" + parts[len(parts)-1]
	}
	return host + "/" + path
}
