package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-news/brief/internal/lazyre"
	"github.com/brief-news/brief/reader/internal/dom"
	"github.com/brief-news/brief/reader/internal/words"
)

// furniturePhrase is the text of a short block that is page furniture
// whatever its markup: teasers, sign-up and comment prompts, share
// prompts, advertising labels (English and German, the languages of the
// evaluation pages; other languages fall back on classes).
var furniturePhrase = lazyre.New(`(?i)^[\s*_(\[]*(` +
	`read (more|next|also)|related( articles?| stories| coverage| posts| content| links?| reading)?(\W*$|\s*:)|more (stories|from|on this)|` +
	`recommended( for you| stories| articles)?|you (may|might) (also )?(like|enjoy|be interested)|also read|see also:|` +
	`(load|show|view) more\b|` +
	`(sign up|subscribe)\b.{0,60}(newsletter|inbox|updates|email)|sign up (for|to)\b|newsletter|` +
	`share (this|the) (article|story|post|page)|share on\b|follow us\b|advertisement\W*$|sponsored( content)?\W*$|` +
	`(leave|post|add|write) a (comment|reply)|\d+ comments?$|comments?( \(\d+\))?$|comments (are )?closed|` +
	`click here to\b|\d+ min(ute)?s? read\W*$|(reading time|lesezeit)\W|` +
	`(story|article|text|content) continues (below|after)|continue reading (below|after)|` +
	`weiterlesen nach der anzeige|artikel wird unter der werbung fortgesetzt|` +
	`lesen sie (auch|mehr|hier)|auch interessant|(das|dieses)( thema)? könnte (dich|sie) auch interessieren|mehr zum thema|` +
	`lade weitere|weitere inhalte laden|mehr laden|` +
	`anzeige\W*$|werbung\W*$|kommentare?( schreiben| geschlossen)?\W*$|weiterführende[rn]? links?|jetzt abonnieren|newsletter abonnieren` +
	`)`)

// disclosure is an affiliate or sponsorship notice, wherever it stands
// in a short block: "When you buy something using the retail links in
// our stories, we may earn a small affiliate commission."
var disclosure = lazyre.New(`(?i)(we may (earn|receive|get) (a )?(small )?(affiliate )?commission|` +
	`affiliate (links?|commission)|may earn (a )?(small )?commission|this (post|article) (contains|may contain) affiliate|` +
	`provisions?-?links|affiliate-links)`)

// isDisclosure reports an affiliate notice. Most paragraphs hold none of
// the words one needs, and skip the expression.
func isDisclosure(text string) bool {
	for _, w := range []string{"ommission", "ffiliate", "rovision"} {
		if strings.Contains(text, w) {
			return disclosure().MatchString(text)
		}
	}
	return false
}

// creditPhrase starts a photo credit: "© Aaron Schwartz", "Photo: AP",
// "Photograph by …", "Credit: …", "Foto: dpa"; or is one word of it
// alone ("Photo").
var creditPhrase = lazyre.New(`(?i)^[\s*_(\[]*(©|\(c\)\s|copyright\b|` +
	`(photo|photos|photograph|image|images|picture|illustration|credit|credits|foto|fotos|bild|bildquelle|quelle|source|` +
	`featured image|header image|image credit|photo credit|beitragsbild|titelbild|symbolbild|bildnachweis|fotonachweis|bildrechte)\s*(by\b|:|/|©)|` +
	`(photo|image|foto|bild|credit)\s*$)`)

// agencyCredit names the picture agencies whose name, alone with a
// photographer's, makes a credit line: "TebNad/Shutterstock.com".
var agencyCredit = lazyre.New(`(?i)(getty ?images|shutterstock|istock(photo)?|alamy|ap photo|afp|epa|dpa|reuters|imago|picture[- ]alliance|unsplash|wikimedia commons)`)

// creditLine reports whether a short text is a photo credit.
func creditLine(text string) bool {
	text = words.Collapse(text)
	if creditPhrase().MatchString(text) {
		return true
	}
	n := words.Count(text)
	return n <= 6 && agencyCredit().MatchString(text) && !sentenceEnd().MatchString(text)
}

// sentenceEnd finds the end of a sentence, which a credit line lacks:
// "Reuters reported." is prose, "TebNad/Shutterstock.com" a credit.
var sentenceEnd = lazyre.New(`[.!?](\s|$)`)

// shareLink matches the addresses of share buttons: a link to them carries
// the article away, never to more of it.
var shareLink = lazyre.New(`(?i)(facebook\.com/(sharer|share\.php|dialog/share)|(twitter|x)\.com/(intent|share)|` +
	`linkedin\.com/(share|cws/share|sharearticle)|pinterest\.[a-z.]+/pin/create|reddit\.com/submit|` +
	`(api\.)?whatsapp\.com/send|wa\.me/\?|t\.me/share|telegram\.me/share|tumblr\.com/(share|widgets/share)|` +
	`plus\.google\.com/share|getpocket\.com/(save|edit)|flipboard\.com/bookmarklet|^mailto:\?|` +
	`#[a-z0-9_-]*(social|share|comments?)\b)`)

// shareHints are words every share link's address holds one of: most
// links hold none, and skip the expression.
var shareHints = []string{"shar", "intent", "submit", "send", "pin/", "mailto:", "social", "comment", "save", "edit", "bookmarklet", "wa.me"}

// isShareLink reports a share button's address.
func isShareLink(href string) bool {
	href = strings.ToLower(strings.TrimSpace(href))
	for _, h := range shareHints {
		if strings.Contains(href, h) {
			return shareLink().MatchString(href)
		}
	}
	return false
}

// moreLabel is the text of a link that only leads on: "MORE", "Read
// more »", "Continue reading".
var moreLabel = lazyre.New(`(?i)^\W*(more|read more|continue reading|weiterlesen|mehr|mehr lesen|full story)\W*$`)

// removeLinkDebris drops empty anchors, share links, "more" links inside
// text, and hover cards and runs of related links set inside a
// sentence.
func removeLinkDebris(root *html.Node, st map[*html.Node]stats) {
	var doomed []*html.Node
	dom.Walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.A:
			s := st[n]
			switch {
			case s.words == 0 && !s.media:
				doomed = append(doomed, n)
			case s.words <= 6 && isShareLink(dom.Attr(n, "href")):
				doomed = append(doomed, n)
			case s.words <= 3 && moreLabel().MatchString(dom.TextOf(n)):
				doomed = append(doomed, n)
			}
			return false
		case atom.P, atom.Li:
			if s := st[n]; s.words-s.linkWords >= 8 { // prose, not a list of links
				doomed = append(doomed, inlineCards(n)...)
			}
		}
		return true
	})
	removeAll(doomed)
}

// inlineCards finds, in a paragraph of prose, the hover cards (an
// inline element holding a picture and links and no text of its own)
// and the related links set straight after another link with nothing
// between them: "Ilhan Omar![](…)[Ilhan Omar](…)[Hillicon Valley: …](…)".
// A reader sees neither as part of the sentence.
func inlineCards(p *html.Node) []*html.Node {
	var out []*html.Node
	dom.Walk(p, func(n *html.Node) bool {
		if n == p || n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.A {
			return false
		}
		if n.DataAtom == atom.Span || n.DataAtom == atom.Div || n.DataAtom == atom.Aside || n.DataAtom == atom.Figure {
			anchors := dom.FindAll(n, atom.A)
			if len(anchors) >= 2 && dom.FindFirst(n, atom.Img) != nil && linkShare(n, words.Count(dom.TextOf(n))) >= 0.9 {
				out = append(out, n)
				return false
			}
		}
		return true
	})
	// A run of links with nothing between them: the first may be the
	// sentence's own (a name), the rest are not.
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.A {
			continue
		}
		for d := nextShown(c); d != nil && d.Type == html.ElementNode && d.DataAtom == atom.A; d = nextShown(d) {
			if words.Count(dom.TextOf(d)) > 0 {
				out = append(out, d)
			}
		}
	}
	return out
}

// linkWords counts the words of n inside links.
func linkWords(n *html.Node) int {
	in := 0
	for _, a := range dom.FindAll(n, atom.A) {
		in += textSize(dom.TextOf(a))
	}
	return in
}

// nextShown is the next sibling of n that shows something, skipping
// white space between elements.
func nextShown(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" && !strings.Contains(s.Data, " ") {
			continue
		}
		if s.Type == html.CommentNode {
			continue
		}
		return s
	}
	return nil
}

// moveCaptions makes a picture's caption its alt text, so that it shows
// with the picture and never as a paragraph of the article; a caption
// with no picture beside it is dropped. Captions are <figcaption> and elements
// whose class says caption.
func moveCaptions(root *html.Node) {
	var caps []*html.Node
	dom.Walk(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		if (n.DataAtom == atom.Figcaption || isCaptionClass(n)) && !hasMedia(n) {
			// A "wp-caption" holding the picture is the figure itself.
			caps = append(caps, n)
			return false
		}
		return true
	})
	for _, c := range caps {
		text := words.Collapse(dom.TextOf(c))
		if words.Count(text) > 60 {
			continue // too long for a caption: text the page styled as one
		}
		img := nearImage(c)
		if img != nil && text != "" {
			setAttr(img, "alt", captionAlt(words.Collapse(dom.Attr(img, "alt")), text))
		}
		if c.Parent != nil {
			c.Parent.RemoveChild(c)
		}
	}
}

// captionAlt is a picture's alt text given its caption. The caption is
// what the page shows its readers; alt text, for those who cannot see
// the picture, mostly says less (a file name, "image", the caption
// without its credit) and then gives way; a description of its own is
// kept after the caption.
func captionAlt(alt, caption string) string {
	switch {
	case strings.Contains(alt, caption):
		return alt
	case strings.Contains(caption, alt) || words.Count(alt) < 5:
		return caption
	}
	return caption + " — " + alt
}

func isCaptionClass(n *html.Node) bool {
	for _, ws := range dom.NameWords(n) {
		for _, w := range ws {
			if w == "caption" || w == "figcaption" {
				return true
			}
		}
	}
	return false
}

// nearImage is the picture a caption belongs to: the only picture of
// the caption's figure, or of an ancestor up to three levels up that
// holds little besides the two. A caption whose picture is not there (a
// video's, or one the page loads by script) has none, and the first
// picture of a larger container is another's.
func nearImage(c *html.Node) *html.Node {
	size := textSize(dom.TextOf(c))
	for p, i := c.Parent, 0; p != nil && i < 3; p, i = p.Parent, i+1 {
		imgs := dom.FindAll(p, atom.Img)
		switch {
		case len(imgs) > 1:
			return nil
		case len(imgs) == 1 && (p.DataAtom == atom.Figure || textSize(dom.TextOf(p)) <= size+15):
			return imgs[0]
		case p.DataAtom == atom.Figure || p.DataAtom == atom.Article || p.DataAtom == atom.Body || len(imgs) == 1:
			return nil
		}
	}
	return nil
}

// dateLine is a line that is only a date, perhaps with a time and a
// word before it: "Updated: 18 November 2019, 11:04 PM EST".
var dateLine = lazyre.New(`(?i)^\s*((updated|published|posted|last updated|modified|veröffentlicht|aktualisiert|stand)( on| am)?:?\s*)?` +
	`([a-z]+,?\s+)?(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+[a-zä]{3,9}\.?\s+\d{4})` +
	`([ ,|-]+(at|um)?\s*\d{1,2}[:.]\d{2}(\s*(am|pm|a\.m\.|p\.m\.|uhr))?(\s*[a-z]{2,4})?)?\s*$`)

// removeHeaderCopies drops, among the first blocks of the article, a
// short line that repeats the byline the header shows ("By Staff
// Reporter - 11/18/19 11:04 PM EST"), or is only a date when the header
// shows the date.
func removeHeaderCopies(root *html.Node, hdr header) {
	name := strings.ToLower(words.Collapse(trimBy(hdr.byline)))
	var doomed []*html.Node
	seen := 0
	dom.Walk(root, func(n *html.Node) bool {
		if seen >= 4 || n == root || n.Type != html.ElementNode {
			return n == root
		}
		if !isBlock(n) || hasBlockChild(n) {
			return true
		}
		text := words.Collapse(dom.TextOf(n))
		if text == "" {
			return false
		}
		seen++
		lower := strings.ToLower(text)
		nw := words.Count(text)
		switch {
		case name != "" && nw <= words.Count(name)+12 && strings.Contains(lower, name) &&
			(strings.HasPrefix(lower, "by ") || strings.HasPrefix(lower, name) || strings.HasPrefix(lower, "von ")):
			doomed = append(doomed, n)
		case hdr.dated && nw <= 10 && dateLine().MatchString(text):
			doomed = append(doomed, n)
		}
		return false
	})
	removeAll(doomed)
}

// hasBlockChild reports a block element among n's descendants.
func hasBlockChild(n *html.Node) bool {
	found := false
	dom.Walk(n, func(x *html.Node) bool {
		if x != n && x.Type == html.ElementNode && isBlock(x) {
			found = true
		}
		return !found
	})
	return found
}
