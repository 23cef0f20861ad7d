package reader

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var interesting = regexp.MustCompile(`(?i)\b(prev|previous|next|older|newer)\b|[←→«»‹›]`)

func TestZZNavDump(t *testing.T) {
	if os.Getenv("NAVDUMP") == "" {
		t.Skip()
	}
	dir := evalDir(t)
	for _, name := range evalPages(t) {
		if f := os.Getenv("NAVDUMP"); f != "1" && f != name {
			continue
		}
		src, _ := os.ReadFile(filepath.Join(dir, name, "source.html"))
		a, err := ParseHTML(filepath.Join(dir, name, "source.html"), src, "", false)
		if err != nil {
			t.Logf("%s ERR %v", name, err)
			continue
		}
		t.Logf("=== %s url=%q", name, a.URL)
		for _, l := range []*Link{a.Prev, a.Next} {
			if l != nil {
				t.Logf("   FOUND %+v", *l)
			}
		}
		doc, _ := html.Parse(strings.NewReader(decodeHTML(src, "")))
		for _, l := range findAll(doc, atom.Link) {
			if hasToken(l, "rel", "prev", "next", "previous") {
				t.Logf("   headlink rel=%s href=%s", attr(l, "rel"), attr(l, "href"))
			}
		}
		for _, x := range anchors(doc) {
			txt := textOf(x)
			s := attr(x, "rel") + " " + attr(x, "class") + " " + txt
			if interesting.MatchString(s) {
				if len(txt) > 80 {
					txt = txt[:80]
				}
				anc := ""
				for p := x.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
					if c := attr(p, "class") + "#" + attr(p, "id"); c != "#" {
						anc += " < " + p.Data + "." + c
					}
				}
				if len(anc) > 200 {
					anc = anc[:200]
				}
				t.Logf("   a rel=%q class=%q href=%q text=%q %s", attr(x, "rel"), attr(x, "class"), attr(x, "href"), txt, anc)
			}
		}
	}
}
