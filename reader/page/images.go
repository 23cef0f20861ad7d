package page

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/words"
)

// Pictures in the article show as their alt text; alt text that tells a
// reader nothing is noise among the words: a file name ("P1610088.jpg"),
// a word for any picture ("image", "avatar"), the headline again, or
// markup a page escaped into it. Icons, avatars and smileys (pictures a
// page declares tiny) are decoration, not part of the article.

// maxIconSize is the largest declared width or height, in pixels, of a
// picture taken for an icon.
const maxIconSize = 48

// fileNameAlt is alt text that is only a file name.
var fileNameAlt = lazyre.New(`(?i)^[\w.~+-]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$`)

// genericAlt are alt texts that say only that there is a picture.
var genericAlt = map[string]bool{
	"image": true, "img": true, "photo": true, "picture": true, "pic": true, "graphic": true, "icon": true,
	"logo": true, "avatar": true, "user avatar": true, "thumbnail": true, "placeholder": true, "banner": true,
	"bild": true, "foto": true, "grafik": true, "featured image": true, "header image": true, "untitled": true,
}

// markupInAlt is an HTML tag escaped into alt text.
var markupInAlt = lazyre.New(`<[a-zA-Z/][^<>]*>`)

// cleanImages removes icons and blanks uninformative alt text under
// root; title is the article's headline.
func cleanImages(root *html.Node, title string) {
	title = strings.ToLower(words.Collapse(title))
	var icons []*html.Node
	for _, img := range dom.FindAll(root, atom.Img) {
		if isIcon(img) {
			icons = append(icons, img)
			continue
		}
		alt := dom.Attr(img, "alt")
		if alt == "" {
			continue
		}
		clean := words.Collapse(markupInAlt().ReplaceAllString(alt, " "))
		lower := strings.ToLower(clean)
		if fileNameAlt().MatchString(clean) || genericAlt[lower] || (title != "" && lower == title) {
			clean = ""
		}
		if clean != alt {
			setAttr(img, "alt", clean)
		}
	}
	// A linked icon leaves an empty link, which pruneEmpty removes.
	removeAll(icons)
}

// isIcon reports a picture declared no larger than an icon.
func isIcon(img *html.Node) bool {
	for _, key := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(dom.Attr(img, key)), "px")); err == nil && v > 0 && v <= maxIconSize {
			return true
		}
	}
	return false
}
