package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Outline is one subscription in an OPML file.
type Outline struct {
	Title   string // text or title attribute
	XMLURL  string // the feed
	HTMLURL string // the site
}

// opmlNode is an <outline> with its children (folders nest).
type opmlNode struct {
	attrs    map[string]string
	children []*opmlNode
}

func (n *opmlNode) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	n.attrs = make(map[string]string, len(start.Attr))
	for _, a := range start.Attr {
		// OPML writers disagree on case: xmlUrl, xmlURL, xmlurl.
		n.attrs[strings.ToLower(a.Name.Local)] = a.Value
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, "outline") {
				c := &opmlNode{}
				if err := c.UnmarshalXML(d, t); err != nil {
					return err
				}
				n.children = append(n.children, c)
			} else if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Body    struct {
		Outlines []*opmlNode `xml:"outline"`
	} `xml:"body"`
}

// maxOPMLDepth bounds folder nesting, so that a hostile file cannot
// exhaust the stack.
const maxOPMLDepth = 64

// ParseOPML reads the subscriptions of an OPML file (1.0 or 2.0):
// every outline with an xmlUrl, folders flattened, duplicates dropped.
// name is the file's name for error messages.
func ParseOPML(name string, data []byte) ([]Outline, error) {
	if nestingTooDeep(data) {
		return nil, fmt.Errorf("%s is not a usable OPML file: outlines nested too deeply", name)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var doc opmlDoc
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s is not an OPML file (%s)", name, opmlProblem(err))
	}
	var out []Outline
	seen := map[string]bool{}
	var walk func(ns []*opmlNode)
	walk = func(ns []*opmlNode) {
		for _, n := range ns {
			if u := absURL(nil, n.attrs["xmlurl"]); u != "" && !seen[u] {
				seen[u] = true
				t := n.attrs["text"]
				if t == "" {
					t = n.attrs["title"]
				}
				out = append(out, Outline{Title: textOf(t), XMLURL: u, HTMLURL: absURL(nil, n.attrs["htmlurl"])})
			}
			walk(n.children)
		}
	}
	walk(doc.Body.Outlines)
	return out, nil
}

// opmlProblem says in words why a document did not decode as OPML.
func opmlProblem(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "no <opml> document"
	}
	msg := err.Error()
	if _, root, ok := strings.Cut(msg, "expected element type <opml> but have "); ok {
		return "a " + oneLine(root) + " document, not <opml>"
	}
	return oneLine(msg)
}

// nestingTooDeep reports outlines nested deeper than maxOPMLDepth.
func nestingTooDeep(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxOPMLDepth {
				return true
			}
		case xml.EndElement:
			depth--
		}
	}
}

// WriteOPML writes subscriptions as an OPML 2.0 document.
func WriteOPML(w io.Writer, title string, outs []Outline, created time.Time) error {
	type outline struct {
		Type    string `xml:"type,attr"`
		Text    string `xml:"text,attr"`
		Title   string `xml:"title,attr,omitempty"`
		XMLURL  string `xml:"xmlUrl,attr"`
		HTMLURL string `xml:"htmlUrl,attr,omitempty"`
	}
	type doc struct {
		XMLName xml.Name `xml:"opml"`
		Version string   `xml:"version,attr"`
		Head    struct {
			Title       string `xml:"title"`
			DateCreated string `xml:"dateCreated,omitempty"`
		} `xml:"head"`
		Body struct {
			Outlines []outline `xml:"outline"`
		} `xml:"body"`
	}
	var d doc
	d.Version = "2.0"
	d.Head.Title = title
	if !created.IsZero() {
		d.Head.DateCreated = created.UTC().Format(time.RFC1123Z)
	}
	for _, o := range outs {
		text := o.Title
		if text == "" {
			text = o.XMLURL
		}
		d.Body.Outlines = append(d.Body.Outlines, outline{Type: "rss", Text: text, Title: o.Title, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
