package reader

// ParseFetched extracts the article of a page fetched from url (after
// redirects): unlike ParseHTML, which reads files, relative links and
// the page's address resolve against url. The library uses it to
// complete feed teasers from their pages.
func ParseFetched(url string, data []byte, contentType string, full bool) (*Article, error) {
	return parsePage(url, url, data, contentType, full)
}
