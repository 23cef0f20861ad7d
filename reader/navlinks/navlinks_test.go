package navlinks

import (
	"net/url"
	"testing"
)

// Arrows and separators are trimmed off labels, but a label made only
// of an arrow keeps it, so that the reader sees what the site showed;
// escapes never survive.
func TestCleanNavText(t *testing.T) {
	for in, want := range map[string]string{"← Previous story": "Previous story", "Next: ": "Next", " Title \x1b[31m": "Title", " » ": "»"} {
		if got := cleanNavText(in); got != want {
			t.Errorf("cleanNavText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLabelDirection(t *testing.T) {
	prev := []string{"Previous Article", "← Previous story", "Older Post", "Previous Post:", "Article précédent",
		"Vorheriger Artikel", "Artículo anterior", "Entrada anterior", "Articolo precedente", "Poprzedni wpis",
		"Предыдущая статья", "Vorige Meldung", "Previous Chapter", "前の記事", "上一篇", "이전 글", "« Previous entry",
		"Föregående inlägg", "Forrige indlæg", "Älterer Beitrag"}
	next := []string{"Next Article", "Next story →", "Newer Post", "Next post:", "Article suivant", "Nächster Artikel",
		"Siguiente artículo", "Próximo artigo", "Articolo successivo", "Następny wpis", "Следующая статья",
		"Next Chapter →", "次の記事", "下一篇文章", "다음 글", "Næste indlæg", "Neuerer Beitrag"}
	not := []string{"Older posts", "Newer Entries", "Next page", "Next image", "Read next", "Up next", "Next",
		"Previous", "Preview post", "Next article in the series about trams", "Placeholder", "Next Big Thing",
		"More stories", "Previous week", "Next On BuzzFeed News", ""}
	for _, s := range prev {
		if d, ok := labelDirection(s); !ok || d != dirPrev {
			t.Errorf("%q: not a previous label", s)
		}
	}
	for _, s := range next {
		if d, ok := labelDirection(s); !ok || d != dirNext {
			t.Errorf("%q: not a next label", s)
		}
	}
	for _, s := range not {
		if _, ok := labelDirection(s); ok {
			t.Errorf("%q: taken for a label", s)
		}
	}
	for s, want := range map[string]string{"Next": "next", "« Previous": "prev", "→": "next", "Older": "prev",
		"Newer": "next", "Preview": "", "Next page": "", "Weiter": "next"} {
		if got := bareDirection(s); got != want {
			t.Errorf("bareDirection(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestPageNumberURL(t *testing.T) {
	page, _ := url.Parse("https://news.example.com/2026/11/night-trams/")
	for href, want := range map[string]bool{
		"https://news.example.com/2026/11/night-trams/2/":               true,
		"https://news.example.com/2026/11/night-trams?page=2":           true,
		"https://news.example.com/2026/11/night-trams/comment-page-2/":  true,
		"https://news.example.com/2026/11/night-trams?cpage=3#comments": true,
		"https://news.example.com/page/2/":                              true,
		"https://news.example.com/?paged=3":                             true,
		"https://news.example.com/2026/11/bus-fares/":                   false,
		"https://news.example.com/?p=1234":                              false,
		"https://news.example.com/story/12345":                          false,
	} {
		u, _ := url.Parse(href)
		if got := pageNumberURL(u, page); got != want {
			t.Errorf("pageNumberURL(%s) = %v, want %v", href, got, want)
		}
	}
}
