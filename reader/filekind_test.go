package reader

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet href="feed.xsl" type="text/xsl"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Science</title>
<entry><title>Comet seen</title><content type="html">&lt;p&gt;A comet.&lt;/p&gt;</content></entry></feed>`
	rssFeed  = `<?xml version="1.0"?><!-- generated --><rss version="2.0"><channel><title>News</title><item><title>A</title></item></channel></rss>`
	jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": []}`
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Files named on the command line pass the checks a folder's files do:
// a feed is refused as a feed, a data file as not an article.
func TestNamedFilesThatAreNotArticles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]struct{ data, reason string }{
		"feeds/science.atom": {atomFeed, FeedReason},
		"feeds/news.xml":     {rssFeed, FeedReason},
		"feeds/news.txt":     {rssFeed, FeedReason}, // by its content, whatever its name
		"feed.json":          {jsonFeed, FeedReason},
		"x.json":             {`{"items": []}`, "is not an article file (brief reads .txt, .html, .htm and .md)"},
		"site.css":           {"body { color: red }", "is not an article file (brief reads .txt, .html, .htm and .md)"},
		"photo.bmp":          {"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00", "is not text (image/bmp)"},
	}
	for name, c := range cases {
		path := filepath.Join(dir, name)
		writeFile(t, path, c.data)
		coll, err := Load(context.Background(), []string{path}, nil)
		var fe *FileError
		if !errors.As(err, &fe) || err.Error() != path+" "+c.reason {
			t.Errorf("%s: got %v, want %q", name, err, c.reason)
		}
		if len(coll.Articles) != 0 {
			t.Errorf("%s: listed as an article %q", name, coll.Articles[0].Title)
		}
	}
	_, err := Load(context.Background(), []string{"-"}, strings.NewReader(atomFeed))
	if err == nil || err.Error() != "standard input "+FeedReason {
		t.Errorf("feed on stdin: %v", err)
	}
}

// Text is text: a line that starts with letters some format uses as its
// signature is not that format.
func TestTextStartingWithASignature(t *testing.T) {
	dir := t.TempDir()
	for _, first := range []string{"BMW is to recall 100,000 cars", "ID3 gene found in mice", "OTTO Group posts a loss", "GIF8 artists meet", "RIFF raff on the pier", "MThd is not a word"} {
		path := filepath.Join(dir, strings.Fields(first)[0]+".txt")
		writeFile(t, path, first+"\n\nThe company said on Monday that the problem affected a part made by one supplier and that owners would be told by letter.\n")
		c, err := Load(context.Background(), []string{path}, nil)
		if err != nil || len(c.Articles) != 1 || c.Articles[0].Title != first {
			t.Errorf("%q: %v %v", first, err, c.Articles)
		}
		data, _ := os.ReadFile(path)
		if kind := binaryKind(data); kind != "" {
			t.Errorf("%q: binaryKind %q", first, kind)
		}
	}
	// Real pictures and documents are still refused.
	for kind, data := range map[string]string{
		"image/png":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
		"image/bmp":       "BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00",
		"application/pdf": "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
		"binary data":     "Title\n\nbody\x00\x01\x02",
	} {
		if got := binaryKind([]byte(data)); got != kind {
			t.Errorf("%s: binaryKind %q", kind, got)
		}
	}
}

// A folder of saved pages and test data: files plainly not articles by
// name are passed over and counted, with no warning each; a file that
// looks like an article and cannot be read is warned about.
func TestFolderPassesOverNonArticles(t *testing.T) {
	dir := t.TempDir()
	page := "<html><head><title>Night trams</title></head><body><article><p>" +
		strings.Repeat("Night trams will cross the river from March, the city said on Monday. ", 10) + "</p></article></body></html>"
	writeFile(t, filepath.Join(dir, "story.html"), page)
	for _, f := range []string{"story_files/style.css", "story_files/app.js", "story_files/frame.html", "story_files/pic.jpg",
		"expected-metadata.json", "feed.atom", "logo.png", "notes"} {
		writeFile(t, filepath.Join(dir, f), "x")
	}
	writeFile(t, filepath.Join(dir, "draft.txt"), "")
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Title != "Night trams" {
		t.Errorf("articles %v", c.Articles)
	}
	if c.PassedOver != 8 {
		t.Errorf("passed over %d, want 8", c.PassedOver)
	}
	if len(c.Skipped) != 1 || !strings.HasSuffix(c.Skipped[0].Error(), "draft.txt is empty") {
		t.Errorf("warnings %v", c.Skipped)
	}
}

// A feed's address given to read is refused as a feed, whether the
// server says so in its Content-Type or only the bytes do.
func TestFeedURLIsAFeed(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssFeed))
	})
	mux.HandleFunc("/atom-as-xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(atomFeed))
	})
	mux.HandleFunc("/json-feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(jsonFeed))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, p := range []string{"/rss", "/atom-as-xml", "/json-feed"} {
		_, err := Load(context.Background(), []string{srv.URL + p}, nil)
		if err == nil || err.Error() != srv.URL+p+" "+FeedReason {
			t.Errorf("%s: %v", p, err)
		}
	}
}
