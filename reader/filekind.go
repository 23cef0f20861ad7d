package reader

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/brief-news/brief/reader/internal/textenc"
)

// What is an article file: the checks a named file, a folder's file and
// a fetched page all pass through, so that a feed or a stylesheet is
// never shown as an "article" titled `<?xml version="1.0"…` or `{`.

// FeedReason is the reason given for a feed where an article was
// expected: brief reads a feed by subscribing to it.
const FeedReason = "is a feed: `brief add` subscribes to it"

// passedOverExts are the file types that are plainly not articles:
// what a browser's "save page, complete" writes beside a page, data
// files and media. A folder's files of these types are passed over
// quietly (and counted once); named on the command line they are
// refused, each with its own reason.
var passedOverExts = map[string]bool{
	".json": true, ".xml": true, ".rss": true, ".atom": true, ".rdf": true, ".opml": true,
	".css": true, ".js": true, ".mjs": true, ".map": true, ".wasm": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".heic": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".webm": true, ".ogg": true, ".wav": true, ".mov": true,
	".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true, ".tar": true,
	".csv": true, ".tsv": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true, ".log": true,
	".py": true, ".go": true, ".sh": true, ".rb": true, ".java": true, ".c": true, ".h": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".bin": true, ".dat": true, ".db": true, ".sqlite": true,
	".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".epub": true, ".xls": true, ".xlsx": true,
	".ppt": true, ".pptx": true,
}

// plainlyNotArticle reports a file that is not an article by its name.
func plainlyNotArticle(path string) bool {
	return passedOverExts[strings.ToLower(filepath.Ext(path))]
}

// isResourceFolder reports a folder of a saved page's resources: a
// browser saving "story.html" complete writes its pictures, scripts and
// frames to "story_files".
func isResourceFolder(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "_files")
}

// isFeed reports whether data is an RSS, Atom or RDF feed, or a JSON
// Feed, judging by its first 2 KB.
func isFeed(data []byte) bool {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, textenc.BOM), " \t\r\n")
	if bytes.HasPrefix(head, []byte("{")) {
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	s := strings.ToLower(string(head))
	// The root element after the XML declaration, comments and
	// processing instructions (a stylesheet for browsers).
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return false
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return false
			}
			s = s[i+3:]
		default:
			return strings.HasPrefix(s, "<rss") || strings.HasPrefix(s, "<rdf:rdf") ||
				strings.HasPrefix(s, "<feed") && (strings.Contains(s, "www.w3.org/2005/atom") || strings.Contains(s, "<entry"))
		}
	}
}

// checkNamed refuses a file named on the command line (or standard
// input) that is not an article: a feed, or a file plainly something
// else by its name. It returns nil for a file to parse.
func checkNamed(path string, data []byte) error {
	if isFeed(data) {
		return &FileError{Path: path, Reason: FeedReason}
	}
	if path == "-" || !plainlyNotArticle(path) {
		return nil
	}
	if kind := binaryKind(data); kind != "" {
		return &FileError{Path: path, Reason: "is not text (" + kind + ")"}
	}
	return &FileError{Path: path, Reason: "is not an article file (brief reads .txt, .html, .htm and .md)"}
}
