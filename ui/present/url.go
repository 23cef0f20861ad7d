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
