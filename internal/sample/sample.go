// Package sample holds brief's built-in sample edition: a welcome that
// teaches the keys and says how to go on, then eight short articles, in
// the scraped-page text form, embedded in the binary, that form one
// previous/next chain. A new user sees brief work with no setup, no
// network and no files of their own.
package sample

import (
	"embed"
	"io/fs"
	"path"

	"github.com/brief-news/brief/reader"
)

//go:embed edition/*.txt
var edition embed.FS

// Dir is the pseudo-folder the sample articles' locations are under.
const Dir = "sample"

// Site is the source the sample articles name.
const Site = "brief sample edition"

// IsSample reports whether an article is one of the sample edition's:
// its location is an embedded file's, not one on disk, so the reader
// does not show it as a file name.
func IsSample(a *reader.Article) bool {
	return a.Site == Site && path.Dir(a.Location) == Dir
}

// Collection parses the sample edition. Its articles are fully read
// (they are small and embedded) and their locations are "sample/<file>".
func Collection() (*reader.Collection, error) {
	names, err := fs.Glob(edition, "edition/*.txt")
	if err != nil {
		return nil, err
	}
	arts := make([]*reader.Article, 0, len(names))
	for _, n := range names {
		data, err := edition.ReadFile(n)
		if err != nil {
			return nil, err
		}
		a, err := reader.ParseText(path.Join(Dir, path.Base(n)), data, true)
		if err != nil {
			return nil, err
		}
		a.Site = Site
		arts = append(arts, a)
	}
	return reader.NewCollection(arts), nil
}
