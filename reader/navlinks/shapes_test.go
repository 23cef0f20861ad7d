package navlinks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-news/brief/reader/navlinks"
	"github.com/brief-news/brief/reader/page"
)

// Fixture pages in testdata/web, one per shape of previous/next link the
// issue names and one per look-alike that must give no link, read the
// way brief reads them (page.Parse gives Find the page's address).

func readFixture(t *testing.T, name string) (string, []byte) {
	t.Helper()
	path := filepath.Join("testdata", "web", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

const (
	exPrev = "https://news.example.com/2026/11/bridge-repairs"
	exNext = "https://news.example.com/2026/11/bus-fares"
	exBr   = "Bridge repairs finish early"
	exBus  = "Bus fares frozen for winter"
)

type wantLink struct {
	url, label, title string
	kind              navlinks.Kind
	web               bool
}

func checkLink(t *testing.T, side string, got *navlinks.Link, want *wantLink) {
	t.Helper()
	if want == nil {
		if got != nil {
			t.Errorf("%s: got %+v, want none", side, *got)
		}
		return
	}
	if got == nil {
		t.Errorf("%s: got none, want %s", side, want.url)
		return
	}
	if got.URL != want.url || got.Label != want.label || got.Title != want.title || got.Kind != want.kind || got.Web != want.web {
		t.Errorf("%s:\n got  %q %q %q %s web=%v\n want %q %q %q %s web=%v", side,
			got.URL, got.Label, got.Title, got.Kind, got.Web, want.url, want.label, want.title, want.kind, want.web)
	}
}

func TestNavLinkShapes(t *testing.T) {
	tests := []struct {
		file       string
		prev, next *wantLink
	}{
		{"rel.html",
			&wantLink{exPrev, "Previous", exBr, navlinks.ByRel, true},
			&wantLink{exNext, "Next", exBus, navlinks.ByRel, true}},
		{"wp-classic.html",
			&wantLink{exPrev, "Previous Post", exBr, navlinks.ByTheme, true},
			&wantLink{exNext, "Next Post", exBus, navlinks.ByTheme, true}},
		// The block theme's label is its arrow.
		{"wp-block.html",
			&wantLink{exPrev, "←", exBr, navlinks.ByTheme, true},
			&wantLink{exNext, "→", exBus, navlinks.ByTheme, true}},
		{"tagdiv.html",
			&wantLink{exPrev, "Previous article", exBr, navlinks.ByTheme, true},
			&wantLink{exNext, "Next article", exBus, navlinks.ByTheme, true}},
		{"jnews.html",
			&wantLink{exPrev, "Previous Post", exBr, navlinks.ByTheme, true},
			&wantLink{exNext, "Next Post", exBus, navlinks.ByTheme, true}},
		// Blogger: "Older Post" is the previous one.
		{"blogger.html",
			&wantLink{exPrev + ".html", "Older Post", "", navlinks.ByTheme, true},
			&wantLink{exNext + ".html", "Newer Post", "", navlinks.ByTheme, true}},
		{"squarespace.html",
			&wantLink{exPrev, "Previous", exBr, navlinks.ByTheme, true},
			&wantLink{exNext, "Next", exBus, navlinks.ByTheme, true}},
		// PaperMod's "Prev" may well be the newer post: the site's word
		// decides, not the date.
		{"hugo.html",
			&wantLink{"https://news.example.com/posts/bus-fares/", "Prev", exBus, navlinks.ByTheme, true},
			&wantLink{"https://news.example.com/posts/bridge-repairs/", "Next", exBr, navlinks.ByTheme, true}},
		{"jekyll.html",
			&wantLink{exPrev + "/", "Previous", exBr, navlinks.ByTheme, true},
			&wantLink{exNext + "/", "Next", exBus, navlinks.ByTheme, true}},
		{"headlink.html",
			&wantLink{exPrev, "", exBr, navlinks.ByHeadLink, true},
			&wantLink{exNext, "", exBus, navlinks.ByHeadLink, true}},
		{"label-en.html",
			&wantLink{exPrev, "Previous story", exBr, navlinks.ByLabel, true},
			&wantLink{exNext, "Next story", exBus, navlinks.ByLabel, true}},
		{"label-fr.html",
			&wantLink{"https://actu.example.fr/2026/11/travaux-du-pont", "Article précédent", "Les travaux du pont finissent en avance", navlinks.ByLabel, true},
			&wantLink{"https://actu.example.fr/2026/11/tarifs-bus", "Article suivant", "Les tarifs des bus gelés pour l'hiver", navlinks.ByLabel, true}},
		{"label-de.html",
			&wantLink{"https://nachrichten.example.de/2026/11/brueckenreparatur", "Vorheriger Artikel", "Brückenreparatur früher fertig", navlinks.ByLabel, true},
			&wantLink{"https://nachrichten.example.de/2026/11/busfahrpreise", "Nächster Artikel", "Busfahrpreise im Winter eingefroren", navlinks.ByLabel, true}},
		{"arrows.html",
			&wantLink{exPrev, "«", exBr, navlinks.ByArrow, true},
			&wantLink{exNext, "»", exBus, navlinks.ByArrow, true}},
		// <base href> wins over the page's own location.
		{"base.html",
			&wantLink{"https://mirror.example.org/news/bridge-repairs.html", "Older article", "", navlinks.ByRel, true},
			&wantLink{"https://mirror.example.org/news/bus-fares.html", "Newer article", "", navlinks.ByRel, true}},
		// Shown, never followed.
		{"unsafe.html",
			&wantLink{"file:///etc/passwd", "Previous article", "", navlinks.ByRel, false},
			&wantLink{"javascript:alert(1)", "Next article", "", navlinks.ByRel, false}},
		{"lookalike-comments.html", nil, nil},
		{"lookalike-pages.html", nil, nil},
		{"lookalike-archive.html", nil, nil},
		{"lookalike-gallery.html", nil, nil},
		{"lookalike-upnext.html", nil, nil},
		{"lookalike-buttons.html", nil, nil},
		{"lookalike-tokens.html", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path, data := readFixture(t, tt.file)
			for _, full := range []bool{false, true} {
				a, err := page.Parse(data, "", path, "", full)
				if err != nil {
					t.Fatal(err)
				}
				checkLink(t, fmt.Sprintf("prev (full=%v)", full), a.Prev, tt.prev)
				checkLink(t, fmt.Sprintf("next (full=%v)", full), a.Next, tt.next)
			}
		})
	}
}

// A label or an arrow (a weak signal) never yields a link brief cannot
// follow, whatever its scheme (a crasher FuzzParseHTML found: "A0:0");
// a rel link keeps it, shown but unresolved.
func TestNavLinksWeakOtherScheme(t *testing.T) {
	for _, pg := range []string{
		"<B ClAss=A!prev><A href=A0:0>Older",
		"<div class=post-navigation><a href='tg://msg?x'>Next story →</a></div>",
	} {
		a, err := page.Parse([]byte(pg), "", "p.html", "", false)
		if err != nil {
			t.Fatal(err)
		}
		if a.Prev != nil || a.Next != nil {
			t.Errorf("%s: links %+v %+v", pg, a.Prev, a.Next)
		}
	}
	a, err := page.Parse([]byte("<p>x</p><a rel=next href='app:story/2'>Next</a>"), "", "p.html", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Next == nil || a.Next.URL != "app:story/2" || a.Next.Web {
		t.Errorf("rel link %+v", a.Next)
	}
}
