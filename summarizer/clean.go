package summarizer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-news/brief/internal/lazyre"
)

// Cleaning removes what a reader skips before ranking sees it: bylines,
// datelines, publication stamps, photo captions and credits, calls to
// click or share, and fragments too short to be sentences. On news this
// matters as much as ranking: a lead-based summary of an uncleaned Daily
// Mail page starts "By . Associated Press . PUBLISHED: ...".

var (
	// Daily Mail page furniture, flattened with " . " where its line
	// breaks were: "By . Name . PUBLISHED: . 14:11 EST, 25 October 2013 .
	// | . UPDATED: . 15:36 EST, 25 October 2013 ."
	reMailByline = lazyre.New(`\bBy \. [^.]{1,80}? \. `)
	reMailStamp  = lazyre.New(`(?i)(?:PUBLISHED|UPDATED): \. [^|]{0,60}?\d{4} \. (?:\| \. )?`)
	reLastUpdate = lazyre.New(`(?i)Last updated at \d{1,2}:\d{2} [AP]M on \d{1,2}\w{0,2} \w+ \d{4} \. `)
	// Datelines: "LONDON (Reuters) - ", "(CNN) -- ", "Kabul, Afghanistan
	// (CNN) -- ", "WASHINGTON, May 3 (AP) — ".
	reDateline = lazyre.New(`^(?:\p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:\p{Lu}[\p{L}.'’-]*|\d{1,2}))*,?\s*)?\((?:dpa|\p{Lu}{2,6}|\p{Lu}\p{Ll}{2,15}|\p{Lu}[\p{L}]{1,15}\.com|CNNMoney)\)\s*(?:--|—|–|-|:)\s*`)
	// The same with no separator, the agency glued to the first word:
	// "(CNN)The storm...", "Kano, Nigeria (CNN)An explosion...". An
	// acronym in brackets with no space before a capital or a quotation
	// mark opens nothing else at the start of a paragraph.
	reDatelineGlued = lazyre.New(`^(?:\p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:\p{Lu}[\p{L}.'’-]*|\d{1,2}))*,?\s*)?\((?:\p{Lu}{2,6})\)(\p{Lu}|["“‘'])`)
	reCapsDate      = lazyre.New(`^\p{Lu}[\p{Lu} .'’-]{2,30}(?:, [\p{L} .]{2,30})?\s+(?:--|—|–)\s+`)
	// A plain byline paragraph: "By Jane Smith", "By Jane Smith, BBC News";
	// never one with a full stop after the name ("By Monday, all was calm.").
	reByline = lazyre.New(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von))*(?:\s*[,|/–—-]\s*[\p{L}\d &'’-]{1,60})?$`)
	// A full stop left alone by a lost line break inside a sentence.
	reStrayStop = lazyre.New(` \.( \p{Ll})`)
	// A full stop left alone after a word no sentence ends on ("Cassell
	// and . Edwards said") is the same accident before a capital.
	reStrayAfterFunction = lazyre.New(`(?i)\b(and|or|but|the|a|an|of|to|in|for|with|by|on|at|as|from|that|who|is|was|were|are|has|have|had|his|her|their|its|this) \.( \p{Lu})`)
	// A caption that lost its full stop runs into the next sentence:
	// "the car was wrecked (pictured) Police said ..."; cut it off so the
	// caption can be dropped and the sentence kept.
	reCaptionRunOn = lazyre.New(`(\((?:pictured|left|right|centre|center|above|below|inset|top|bottom)[^)]{0,30}\)) (\p{Lu})`)
	// CNN's "Watch the report »" lines lost their line break and run into
	// the next sentence: "…storm hit » The mayor said…". Cut them off so
	// the pointer can be dropped and the sentence kept.
	reWatchRunOn = lazyre.New(`» (\p{Lu}|["“'‘])`)
	// Photo credits inside a sentence: "(pictured)", "photo by", "/Getty".
	rePhotoMark = lazyre.New(`(?i)\((?:pictured|left|right|centre|center|above|below|inset|top|bottom|file|file photo)(?:[ ,][^)]{0,30})?\)|\b(?:photo(?:graph)?|picture|image)s? (?:by|courtesy|credit)\b|/(?:getty|ap|afp|reuters|rex|shutterstock)\b`)
	// DM-style caption: a short label in sentence case or in quotes, a
	// colon, then a capitalised description ("Retread: David Cameron with
	// Samantha yesterday", "'Scared': Johnson announces..."). A label of
	// capitalised words is more often a name or a work's title ("Bridget
	// Jones: The Edge of Reason was named...") and is kept.
	reCaption = lazyre.New(`^(?:\p{Lu}[\p{Ll}'’-]*|['‘"“][^'’"”:]{1,40}['’"”])(?: [\p{Ll}'’-]+){0,4}: \p{Lu}`)
	// Any short label, before any description, counts when the line also
	// lacked a full stop of its own (" ." at the end), as scraped captions
	// do ("Making history: the first ferry with a garden .").
	reLabel = lazyre.New(`^['‘"“]?\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,4}['’"”]?: \S`)
)

// cleanParagraph strips bylines, stamps and datelines from the front of a
// paragraph and repairs stray full stops; it returns "" for a paragraph
// that is only a byline.
func cleanParagraph(p string) string {
	p = strings.TrimSpace(p)
	if strings.Contains(p, "By . ") {
		p = reMailByline().ReplaceAllString(p, "")
	}
	if strings.Contains(p, ": . ") {
		p = reMailStamp().ReplaceAllString(p, "")
	}
	if strings.Contains(p, "updated at") || strings.Contains(p, "Updated at") {
		p = reLastUpdate().ReplaceAllString(p, "")
	}
	p = reDateline().ReplaceAllString(p, "")
	if strings.Contains(p, ")") {
		p = reDatelineGlued().ReplaceAllString(p, "$1")
	}
	p = reCapsDate().ReplaceAllString(p, "")
	if reByline().MatchString(p) && wordCount(p) <= 12 {
		return ""
	}
	if strings.Contains(p, " .") {
		p = reStrayStop().ReplaceAllString(p, "$1")
		p = reStrayAfterFunction().ReplaceAllString(p, "$1$2")
	}
	if strings.Contains(p, ") ") {
		p = reCaptionRunOn().ReplaceAllString(p, "$1. $2")
	}
	if strings.Contains(p, "» ") && !strings.Contains(p, "«") {
		p = reWatchRunOn().ReplaceAllString(p, "» . $1")
	}
	return strings.TrimSpace(p)
}

// CleanSentences drops the sentences a reader would skip: boilerplate,
// photo captions and credits, and fragments too short to say anything.
func CleanSentences(sents []string) []string {
	var out []string
	for _, s := range sents {
		if !isDebris(s) {
			out = append(out, s)
		}
	}
	return out
}

// boilerplate phrases are never news: a sentence that opens with one, or
// is short and holds one, is page furniture. (Phrases in anywhere need
// not be here too: they match first, wherever they stand.)
var boilerplate = []string{"scroll down", "share this", "share on",
	"subscribe", "sign up", "follow us", "follow @", "read more", "read full",
	"copyright", "advertisement", "newsletter",
	"download the app", "download our app", "like us on", "watch the video",
	"watch video", "related articles", "image copyright", "image caption",
	"media playback", "getty images", "photo credit", "view gallery", "see more",
	"previous article", "next article", "no time to read", "get a summary",
	"e-mail to a friend", "email to a friend", "provided by", "free trial"}

// anywhere are phrases that mark furniture wherever they stand: no news
// sentence says "click here" or credits an agency with "©".
var anywhere = []string{"click here", "©", "contributed to this report",
	"contributed reporting", "all rights reserved"}

// captionLabels open a photo caption or credit: "Photo: ...".
var captionLabels = []string{"photo", "photos", "picture", "pictures", "image",
	"photograph", "credit", "source", "video", "watch", "pictured", "file photo"}

// isDebris is checked on every sentence, so it tests cheap substrings
// before any regular expression.
func isDebris(s string) bool {
	if tooShort(s) {
		return true
	}
	if headlineLike(s) {
		return true
	}
	lower := strings.ToLower(s)
	short := wordCount(s) < 8
	for _, b := range anywhere {
		if strings.Contains(lower, b) {
			return true
		}
	}
	// A pointer to a video or gallery ends in "»" (CNN's "Watch the
	// report »"); German and French quotations use » too, but close it
	// with «.
	if t := strings.TrimRight(s, " ."); strings.HasSuffix(t, "»") && !strings.Contains(t, "«") {
		return true
	}
	for _, b := range boilerplate {
		// Furniture opens with its call ("Click here to...", "VIDEO
		// Scroll down...") or is little else; "those who sign up can get
		// alerts" is news.
		if i := phraseIndex(lower, b); i >= 0 && (i < 12 || short) {
			return true
		}
	}
	if i := strings.IndexByte(lower, ':'); i > 0 && i < 20 {
		label := strings.TrimSpace(lower[:i])
		for _, c := range captionLabels {
			if label == c {
				return true
			}
		}
	}
	if strings.ContainsAny(s, "(/") || strings.Contains(lower, "photo") || strings.Contains(lower, "picture") || strings.Contains(lower, "image") {
		if rePhotoMark().MatchString(s) {
			return true
		}
	}
	if strings.Contains(s, ": ") {
		if reCaption().MatchString(s) || strings.HasSuffix(s, " .") && reLabel().MatchString(s) {
			return true
		}
	}
	return false
}

// headlineLike spots subheadings that reached the text as sentences: all
// in capitals ("NEWCASTLE SIGN FOREST DUO"), or a few words on a line of
// their own that had no full stop ("Decoding the data .").
func headlineLike(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	if upper >= 8 && upper > 4*lower {
		return true
	}
	return strings.HasSuffix(s, " .") && wordCount(s) < 6
}

// phraseIndex finds phrase in s as whole words, or returns -1.
func phraseIndex(s, phrase string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(phrase)
		before := i == 0 || !isWordByte(s[i-1])
		after := j == len(s) || !isWordByte(s[j]) || !isWordByte(phrase[len(phrase)-1])
		if before && after {
			return i
		}
		off = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// tooShort is a fragment under four words, or under ten characters in a
// script written without spaces.
func tooShort(s string) bool {
	if wordCount(s) >= 4 {
		return false
	}
	spaced := strings.ContainsRune(s, ' ')
	if !spaced && utf8.RuneCountInString(s) >= 10 && !isLatinWord(s) {
		return false
	}
	return true
}

// isLatinWord reports whether s is a single run of Latin letters (one
// long word, not a sentence in a script without spaces).
func isLatinWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

func wordCount(s string) int { return len(strings.Fields(s)) }
