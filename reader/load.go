package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/brief-news/brief/reader/internal/textenc"
)

// MaxFileSize caps what brief reads from one file or stream: no news
// article comes near it, and a mistaken path to a disk image must not
// exhaust memory.
const MaxFileSize = 32 << 20

// articleExts are the file types read from folders.
var articleExts = map[string]bool{".txt": true, ".html": true, ".htm": true, ".md": true, ".markdown": true}

// MaxConcurrentURLs bounds the web pages Load fetches at once: a few
// servers are asked in parallel, so one slow or stalled server holds
// up none of the others, without opening a connection per argument.
const MaxConcurrentURLs = 4

// Load reads sources — files, folders (recursively, hidden entries
// skipped), http(s) URLs and "-" for stdin — into one collection with
// its links resolved and its list ordered as the sources were given.
// Files found in folders are only scanned (titles and links);
// Collection.Open reads an article's body. URLs are fetched
// concurrently, MaxConcurrentURLs at a time, while the files are read.
//
// A source named directly that cannot be read is an error; Load still
// returns the collection of everything else, and the error joins one
// *FileError (or other error) per failed source. Files inside folders
// that cannot be read become Collection.Skipped warnings instead.
//
// Cancelling ctx stops what is still loading (its sources fail with
// "was not fetched: cancelled") and keeps what arrived: the collection
// is always complete for those.
func Load(ctx context.Context, sources []string, stdin io.Reader) (*Collection, error) {
	type loaded struct {
		arts    []*Article
		skipped []error
		passed  int // files of a folder that are not articles
		err     error
	}
	results := make([]loaded, len(sources))
	var wg sync.WaitGroup
	slots := make(chan struct{}, MaxConcurrentURLs)
	for i, src := range sources {
		if !IsURL(src) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
			case <-ctx.Done():
			}
			// A cancelled context fails at once, with the fetcher's
			// one-line "was not fetched: cancelled" naming the URL.
			r := &results[i]
			r.arts, r.skipped, r.passed, r.err = loadSource(ctx, src, stdin)
		}()
	}
	for i, src := range sources {
		if IsURL(src) {
			continue
		}
		r := &results[i]
		if ctx.Err() != nil && src != "-" {
			r.err = &FileError{Path: src, Reason: "was not read: cancelled"}
			continue
		}
		r.arts, r.skipped, r.passed, r.err = loadSource(ctx, src, stdin)
	}
	wg.Wait()
	c := &Collection{}
	var errs []error
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
		}
		c.Articles = append(c.Articles, r.arts...)
		c.Skipped = append(c.Skipped, r.skipped...)
		c.PassedOver += r.passed
	}
	c.finish()
	return c, errors.Join(errs...)
}

// loadSource reads one command-line source: its articles, the warnings
// for a folder's files that look like articles and cannot be read, and
// the number of a folder's files passed over as plainly not articles.
func loadSource(ctx context.Context, src string, stdin io.Reader) ([]*Article, []error, int, error) {
	if src == "-" {
		data, err := readCapped("-", stdin)
		if err != nil {
			return nil, nil, 0, err
		}
		if err := checkNamed("-", data); err != nil {
			return nil, nil, 0, err
		}
		a, err := ParseDocument("-", data, true)
		if err != nil {
			return nil, nil, 0, err
		}
		return []*Article{a}, nil, 0, nil
	}
	if IsURL(src) {
		a, err := loadURL(ctx, src)
		if err != nil {
			return nil, nil, 0, err
		}
		return []*Article{a}, nil, 0, nil
	}
	if scheme, _, ok := strings.Cut(src, "://"); ok && !strings.ContainsAny(scheme, "/\\.") {
		return nil, nil, 0, &FileError{Path: src, Reason: "is not an http(s) URL (brief fetches only http and https)"}
	}
	info, err := os.Stat(src)
	if err != nil {
		return nil, nil, 0, &FileError{Path: src, Reason: describeOSError(err)}
	}
	if !info.IsDir() {
		a, err := readNamed(filepath.Clean(src))
		if err != nil {
			return nil, nil, 0, err
		}
		return []*Article{a}, nil, 0, nil
	}
	files, skipped, passed, err := listFolder(filepath.Clean(src))
	if err != nil {
		return nil, skipped, passed, err
	}
	arts, bad := scanFiles(ctx, files)
	return arts, append(skipped, bad...), passed, nil
}

// readNamed scans a file named on the command line: a named file skips
// no check a folder's file passes, so a feed or a stylesheet is refused
// rather than shown as an article titled "{".
func readNamed(path string) (*Article, error) {
	data, err := ReadSource(path, nil)
	if err != nil {
		return nil, err
	}
	if err := checkNamed(path, data); err != nil {
		return nil, err
	}
	return ParseDocument(path, data, false)
}

// IsURL reports whether a source names a web address rather than a file.
func IsURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readFile reads and parses one article file.
func readFile(path string, full bool) (*Article, error) {
	data, err := ReadSource(path, nil)
	if err != nil {
		return nil, err
	}
	return ParseDocument(path, data, full)
}

// scanFile reads and scans one article file (its body not built) into
// buf, which it reuses: nothing it returns refers to buf.
func scanFile(path string, buf *bytes.Buffer) (*Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: describeOSError(err)}
	}
	data, err := readCappedInto(path, f, buf)
	f.Close()
	if err != nil {
		return nil, err
	}
	return ParseDocument(path, data, false)
}

// readCapped reads all of r up to MaxFileSize.
func readCapped(name string, r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	return readCappedInto(name, r, &buf)
}

// readCappedInto is readCapped into buf, emptied first; the bytes it
// returns are buf's.
func readCappedInto(name string, r io.Reader, buf *bytes.Buffer) ([]byte, error) {
	buf.Reset()
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > MaxFileSize {
				// Refused by its size alone: reading 32 MB of it first
				// would cost 100 MB of memory for nothing.
				return nil, tooLargeFile(name)
			}
			buf.Grow(int(info.Size()) + bytes.MinRead) // one allocation for the common case
		}
	}
	_, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &FileError{Path: name, Reason: describeOSError(err)}
	}
	if len(data) > MaxFileSize {
		return nil, tooLargeFile(name)
	}
	return data, nil
}

func tooLargeFile(name string) error {
	return &FileError{Path: name, Reason: fmt.Sprintf("is too large (over %d MB)", MaxFileSize>>20)}
}

// ParseDocument parses an article file by its kind: HTML by extension
// or content, otherwise the scraped-page text form.
func ParseDocument(loc string, data []byte, full bool) (*Article, error) {
	ext := strings.ToLower(filepath.Ext(loc))
	if ext == ".html" || ext == ".htm" || (ext != ".txt" && looksLikeHTML(data)) {
		return ParseHTML(loc, data, "", full)
	}
	if ext == ".md" || ext == ".markdown" || (ext == "" && startsWithHeading(data)) {
		return ParseMarkdown(loc, data, full)
	}
	return ParseText(loc, data, full)
}

// startsWithHeading sniffs markdown ("# Headline") in a file without an
// extension, such as standard input.
func startsWithHeading(data []byte) bool {
	s := bytes.TrimLeft(bytes.TrimPrefix(data, textenc.BOM), " \t\r\n")
	return bytes.HasPrefix(s, []byte("# "))
}

// looksLikeHTML sniffs a document's start for HTML markup.
func looksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	s := strings.ToLower(strings.TrimSpace(string(head)))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html") ||
		(strings.HasPrefix(s, "<") && strings.Contains(s, "<head"))
}

// describeOSError turns a file-system error into the reason part of a
// one-line message.
func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read (permission denied)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot be read (" + pe.Err.Error() + ")"
	}
	return "cannot be read (" + err.Error() + ")"
}

// ReadSource reads a whole file, or stdin (r) when name is "-", up to
// MaxFileSize, with errors that name it.
func ReadSource(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return readCapped(name, stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, &FileError{Path: name, Reason: describeOSError(err)}
	}
	defer f.Close()
	return readCapped(name, f)
}

// ReadText reads plain text to work on as a whole (for example to
// summarise it) from a file path or "-" (stdin): capped, checked to be
// text, with BOM, line endings and terminal escapes cleaned.
func ReadText(name string, stdin io.Reader) (string, error) {
	data, err := ReadSource(name, stdin)
	if err != nil {
		return "", err
	}
	if data, err = checkText(name, data); err != nil {
		return "", err
	}
	return strings.Join(splitLines(data), "\n"), nil
}
