package reader

// Folders: listing the article files under a folder (hidden entries,
// links to folders and non-article files passed over, with why) and
// scanning them for titles and links on all cores.

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// listFolder walks root for article files (.txt, .html, .htm, .md).
// Hidden files and folders are skipped silently; other files, and the
// resource folders of saved pages ("story_files"), are passed over and
// only counted: a folder of saved pages or a test suite holds more
// scripts, pictures and data than articles, and a warning each would
// bury the ones that matter, about files that look like articles and
// cannot be read.
func listFolder(root string) (files []string, skipped []error, passed int, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			skipped = append(skipped, &FileError{Path: path, Reason: describeOSError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && isResourceFolder(d.Name()) {
				passed += countFiles(path)
				return fs.SkipDir
			}
			return nil
		}
		why := notRegular(path, d)
		if !articleExts[strings.ToLower(filepath.Ext(path))] && why != linkToFolder {
			passed++
			return nil
		}
		if why != "" {
			skipped = append(skipped, &FileError{Path: path, Reason: why})
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, skipped, passed, &FileError{Path: root, Reason: describeOSError(err)}
	}
	return files, skipped, passed, nil
}

// countFiles counts the files under dir, for the passed-over count.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// linkToFolder is the warning for a link to a folder in a folder: one a
// user made, expecting it read.
const linkToFolder = "is a link to a folder (not followed)"

// notRegular says why an entry of a folder is not read as a file, or ""
// for a regular file or a link to one. Links to folders are not followed
// (they could loop); devices and pipes are never opened (a pipe would
// block the load).
func notRegular(path string, d fs.DirEntry) string {
	if d.Type().IsRegular() {
		return ""
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return "is not a regular file"
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return "is a broken link"
	case info.IsDir():
		return linkToFolder
	case !info.Mode().IsRegular():
		return "is a link to something that is not a regular file"
	}
	return ""
}

// scanFiles reads the titles and links of many files in parallel,
// keeping their order. Unreadable files come back as warnings.
func scanFiles(ctx context.Context, files []string) ([]*Article, []error) {
	arts := make([]*Article, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One read buffer a worker, reused file after file: the
			// parsers copy what they keep into strings, and 10,000
			// fresh buffers were a third of a folder listing's
			// allocation (and of the collections it costs).
			var buf bytes.Buffer
			for i := range next {
				arts[i], errs[i] = scanFile(files[i], &buf)
				if buf.Cap() > 1<<20 {
					buf = bytes.Buffer{} // not kept for one big file
				}
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	var out []*Article
	var bad []error
	for i := range files {
		if arts[i] != nil {
			out = append(out, arts[i])
		} else if errs[i] != nil {
			bad = append(bad, errs[i])
		}
	}
	return out, bad
}
