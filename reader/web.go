package reader

import (
	"context"
	"errors"
)

// errNoHTML stands until the web-articles issue brings HTML extraction.
var errNoHTML = errors.New("HTML articles are not supported yet")

// ParseHTML extracts the article of an HTML page. contentType is the
// HTTP Content-Type when the page was fetched ("" for a file).
func ParseHTML(loc string, data []byte, contentType string, full bool) (*Article, error) {
	return nil, &FileError{Path: loc, Reason: "is HTML, which this build cannot read yet"}
}

// loadURL fetches and extracts the article at an http(s) URL.
func loadURL(ctx context.Context, url string) (*Article, error) {
	return nil, &FileError{Path: url, Reason: "cannot be fetched: " + errNoHTML.Error()}
}
