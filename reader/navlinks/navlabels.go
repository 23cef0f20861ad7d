package navlinks

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/safetext"
	"github.com/brief-news/brief/reader/internal/words"
)

// The words of previous/next links: recognising labels ("Next story
// →", "Artículo anterior", a bare "Older"), telling the label of a link
// from its headline, and the look-alike texts that are never article
// links.

// --- describing a link -----------------------------------------------

// describeAnchor splits a link into the site's label ("Previous
// article") and the linked headline. The label may be inside the link
// (a span, or the text's start or end) or just outside it in the same
// container; the headline is the rest of the link text, else its title
// attribute, else a heading beside a link that has no text of its own.
func describeAnchor(a *html.Node, d direction) (label, title string) {
	full := linkText(a)
	if labelDirectionOnly(full) >= 0 {
		label = full
	} else {
		// A child element holding only a label (arrows alone are
		// decoration, not a label).
		dom.Walk(a, func(x *html.Node) bool {
			if label != "" || x == a || x.Type != html.ElementNode {
				return label == ""
			}
			if t := dom.TextOf(x); labelDirectionOnly(t) >= 0 && cleanNavText(t) != "" {
				label = t
				return false
			}
			return true
		})
		switch {
		case label != "":
			title = strings.TrimSpace(strings.Replace(full, label, "", 1))
		default:
			if l, rest, ok := splitLabel(full); ok {
				label, title = l, rest
			} else {
				title = full
			}
		}
	}
	// A heading inside a card-like link is the headline; the rest is
	// teaser text.
	if h := firstHeading(a); h != nil && len(full) > 150 {
		title = dom.TextOf(h)
	}
	if label == "" {
		label = outsideLabel(a, d)
	}
	if cleanNavText(title) == "" {
		// The title attribute often repeats the label ("Older Posts");
		// only a headline will do.
		if t := dom.Attr(a, "title"); !hasDirectionWord(t) {
			title = t
		}
	}
	if cleanNavText(title) == "" && full == "" {
		title = headingBeside(a)
	}
	return label, title
}

// hasDirectionWord reports whether s has a previous/next word in it.
func hasDirectionWord(s string) bool {
	for _, w := range labelWords(s) {
		if _, ok := wordDirection(w); ok {
			return true
		}
	}
	return false
}

// headingBeside is the headline next to an empty overlay link (a card
// whose <a> covers it): the first heading in the link's container that
// is not a label.
func headingBeside(a *html.Node) string {
	c := a
	for depth := 0; depth < 2 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body || dom.HasMoreAnchors(c, 1) {
			return ""
		}
		for _, h := range dom.FindAll(c, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
			if t := dom.TextOf(h); t != "" && labelDirectionOnly(t) < 0 {
				return t
			}
		}
	}
	return ""
}

// outsideLabel finds a label for a beside the link: tagDiv's "Previous
// article" span, the text before a WordPress block link.
func outsideLabel(a *html.Node, d direction) string {
	c := a
	for depth := 0; depth < 2 && c.Parent != nil; depth++ {
		c = c.Parent
		if c.DataAtom == atom.Body || dom.HasMoreAnchors(c, 1) {
			return ""
		}
		found := ""
		dom.Walk(c, func(x *html.Node) bool {
			if found != "" || x == a || (x.Type == html.ElementNode && skipSubtree(x)) {
				return false
			}
			if x.Type == html.TextNode {
				t := words.Collapse(x.Data)
				if labelDirectionOnly(t) == d {
					found = t
				}
			}
			return true
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// splitLabel splits "Next story → The headline" or "The headline ←
// Previous" into label and headline.
func splitLabel(s string) (label, rest string, ok bool) {
	words := strings.Fields(s)
	for n := 1; n <= 4 && n < len(words); n++ {
		head := strings.Join(words[:n], " ")
		tail := strings.Join(words[n:], " ")
		if _, ok := labelDirection(head); ok {
			return head, strings.TrimLeft(tail, ":–—-|»›→ "), true
		}
		// "← Previous: The headline": a bare direction word is a label
		// when a colon or an arrow sets it apart.
		if bareDirection(strings.TrimRight(head, ":")) != "" && (strings.HasSuffix(head, ":") || strings.HasPrefix(tail, ":") || strings.ContainsAny(head, arrowRunes)) {
			return strings.TrimRight(head, ":"), strings.TrimLeft(tail, ":–—-|»›→ "), true
		}
		head, tail = strings.Join(words[len(words)-n:], " "), strings.Join(words[:len(words)-n], " ")
		if _, ok := labelDirection(head); ok {
			return head, strings.TrimRight(tail, ":–—-|«‹← "), true
		}
	}
	return "", "", false
}

func firstHeading(n *html.Node) *html.Node {
	for _, h := range dom.FindAll(n, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
		return h
	}
	return nil
}

// cleanNavText trims arrows and separators from a label or title and
// makes it safe to show. A label that is nothing but an arrow keeps it:
// that is what the site shows.
func cleanNavText(s string) string {
	s = words.Collapse(safetext.Clean(s))
	t := strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(arrowRunes+":|–—-", r)
	})
	if t == "" && bareDirection(s) != "" {
		return s
	}
	return t
}

// --- words -----------------------------------------------------------

// arrowRunes are the arrows that decorate labels. Each appears once:
// the string is used as a cutset.
const arrowRunes = "←→«»‹›<>⟵⟶⇐⇒◀▶◄►⬅➡⮜⮞❮❯〈〉"

var (
	// prevWords and nextWords are the direction words of labels in the
	// languages brief's users read most, matched whole ("preview" is not
	// "prev"); prevStems and nextStems match the start of inflected words
	// ("vorherige", "vorheriger"; "предыдущая", "предыдущий").
	prevWords = map[string]bool{"previous": true, "prev": true, "older": true, "précédent": true, "précédente": true,
		"precedent": true, "vorherige": true, "vorheriger": true, "vorheriges": true, "voriger": true, "vorige": true,
		"vorig": true, "vorherigen": true, "anterior": true, "precedente": true, "poprzedni": true, "poprzednia": true, "předchozí": true,
		"forrige": true, "föregående": true, "edellinen": true, "önceki": true, "ältere": true, "älterer": true,
		"älteres": true, "이전": true}
	nextWords = map[string]bool{"next": true, "newer": true, "suivant": true, "suivante": true, "nächste": true,
		"nächster": true, "nächstes": true, "nächsten": true, "naechste": true, "siguiente": true, "próximo": true, "próxima": true,
		"proximo": true, "proxima": true, "successivo": true, "successiva": true, "prossimo": true, "prossima": true,
		"seguinte": true, "volgend": true, "volgende": true, "następny": true, "następna": true, "nastepny": true,
		"další": true, "neste": true, "nästa": true, "næste": true, "seuraava": true, "sonraki": true, "neuere": true,
		"neuerer": true, "neueres": true, "다음": true}
	prevStems = []string{"предыдущ"}
	nextStems = []string{"следующ"}
	// cjkLabels are whole labels in scripts that do not separate words.
	cjkLabels = map[string]direction{"前の記事": dirPrev, "次の記事": dirNext, "前の投稿": dirPrev, "次の投稿": dirNext,
		"上一篇": dirPrev, "下一篇": dirNext, "上一篇文章": dirPrev, "下一篇文章": dirNext, "上一則": dirPrev, "下一則": dirNext}
	// labelNouns are what a label calls an article. Plurals ("Older
	// posts") page an archive and are deliberately absent.
	labelNouns = map[string]bool{"article": true, "post": true, "story": true, "entry": true, "chapter": true,
		"episode": true, "artikel": true, "beitrag": true, "artículo": true, "articulo": true, "articolo": true,
		"artigo": true, "artykuł": true, "artykul": true, "wpis": true, "статья": true, "запись": true,
		"článek": true, "clanek": true, "billet": true, "noticia": true, "notícia": true, "entrada": true,
		"publicación": true, "publicação": true, "bericht": true, "innlegg": true, "inlägg": true,
		"artikkel": true, "artikkeli": true, "kapitel": true, "chapitre": true, "capítulo": true, "capitolo": true,
		"rozdział": true, "haber": true, "yazı": true, "meldung": true, "nachricht": true, "indlæg": true, "nota": true,
		"matéria": true, "notizia": true, "글": true, "기사": true}
	// fillerWords may stand in a label without changing it. ("Read" is
	// not one: "Read next" introduces a recommendation.)
	fillerWords = map[string]bool{"the": true, "blog": true, "news": true, "go": true, "to": true,
		"le": true, "la": true, "l'": true, "der": true, "die": true, "das": true, "el": true, "il": true, "o": true, "a": true}
)

// labelWords lower-cases s and splits it into words, dropping arrows
// and punctuation around them.
func labelWords(s string) []string {
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(arrowRunes+":|–—-()[]·•.,!", r)
	})
}

func wordDirection(w string) (direction, bool) {
	switch {
	case prevWords[w]:
		return dirPrev, true
	case nextWords[w]:
		return dirNext, true
	}
	for _, p := range prevStems {
		if strings.HasPrefix(w, p) {
			return dirPrev, true
		}
	}
	for _, p := range nextStems {
		if strings.HasPrefix(w, p) {
			return dirNext, true
		}
	}
	return 0, false
}

// labelDirection recognises a whole label: one direction word and one
// article noun, in either order, with arrows and fillers allowed:
// "← Previous story", "Next Article:", "Artículo siguiente", "Older
// Post". Anything more is a sentence, not a label.
func labelDirection(s string) (direction, bool) {
	if len(s) > 60 {
		return 0, false
	}
	if d, ok := cjkLabels[cleanNavText(s)]; ok {
		return d, true
	}
	ws := labelWords(s)
	var d direction
	dirs, nouns := 0, 0
	for _, w := range ws {
		if fillerWords[w] {
			continue
		}
		if labelNouns[w] {
			nouns++
			continue
		}
		if wd, ok := wordDirection(w); ok {
			d = wd
			dirs++
			continue
		}
		return 0, false
	}
	if dirs == 1 && nouns == 1 {
		return d, true
	}
	return 0, false
}

// labelDirectionOnly is labelDirection or bareDirection as a direction;
// -1 when s is neither.
func labelDirectionOnly(s string) direction {
	if d, ok := labelDirection(s); ok {
		return d
	}
	switch bareDirection(s) {
	case "prev":
		return dirPrev
	case "next":
		return dirNext
	}
	return -1
}

// bareDirection recognises a link text that is only a direction:
// "Next", "« Previous", "→", "Older". It returns "prev", "next" or "".
func bareDirection(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 24 {
		return ""
	}
	switch strings.Trim(s, " ") {
	case "←", "«", "‹", "<", "<<", "⟵", "◀", "◄", "⬅", "❮", "‹‹", "«‹":
		return "prev"
	case "→", "»", "›", ">", ">>", "⟶", "▶", "►", "➡", "❯", "››":
		return "next"
	}
	ws := labelWords(s)
	if len(ws) != 1 {
		return ""
	}
	switch ws[0] {
	case "previous", "prev", "older", "précédent", "anterior", "zurück", "vorherige", "precedente", "poprzedni", "предыдущая":
		return "prev"
	case "next", "newer", "suivant", "siguiente", "weiter", "nächste", "successivo", "próximo", "następny", "следующая":
		return "next"
	}
	return ""
}

// pageNouns are the pages and pictures of one article or gallery.
var pageNouns = map[string]bool{"page": true, "seite": true, "strona": true, "página": true, "pagina": true,
	"sida": true, "side": true, "sivu": true, "sayfa": true, "stránka": true, "pagine": true, "bild": true,
	"foto": true, "photo": true, "image": true, "imagen": true, "immagine": true, "slide": true, "picture": true}

// lookAlikeText rejects links whose words say they are not another
// article: galleries, pages, "up next" and "read next" teasers.
func lookAlikeText(s string) bool {
	ws := labelWords(s)
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		// "Nächste Seite", "Page suivante", "Następna strona": a
		// direction beside a page or picture in any language.
		_, da := wordDirection(a)
		_, db := wordDirection(b)
		if (da && pageNouns[b]) || (db && pageNouns[a]) {
			return true
		}
		if a == "next" || a == "previous" || a == "prev" {
			switch b {
			case "image", "photo", "picture", "slide", "gallery", "page", "video", "item", "comments", "results", "posts", "articles", "stories", "entries":
				return true
			}
		}
		if b == "next" && (a == "up" || a == "read" || a == "what's" || a == "whats" || a == "watch") {
			return true
		}
		if a == "next" && (b == "up" || b == "on" || b == "in" || b == "from" || b == "at") {
			// "Next on BuzzFeed News", "Next in Science": a teaser.
			return true
		}
	}
	return false
}

// linkText is a link's text without the dates that cards put beside
// the headline ("Issue 84 <time>December 8, 2020</time>").
func linkText(a *html.Node) string {
	if dom.FindFirst(a, atom.Time) == nil {
		return dom.TextOf(a)
	}
	var b strings.Builder
	dom.Walk(a, func(x *html.Node) bool {
		switch {
		case x.Type == html.ElementNode && (x.DataAtom == atom.Time || skipSubtree(x)):
			return false
		case x.Type == html.TextNode:
			b.WriteString(x.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return words.Collapse(b.String())
}
