package summarizer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	reMailByline = regexp.MustCompile(`\bBy \. [^.]{1,80}? \. `)
	reMailStamp  = regexp.MustCompile(`(?i)(?:PUBLISHED|UPDATED): \. [^|]{0,60}?\d{4} \. (?:\| \. )?`)
	reLastUpdate = regexp.MustCompile(`(?i)Last updated at \d{1,2}:\d{2} [AP]M on \d{1,2}\w{0,2} \w+ \d{4} \. `)
	// Datelines: "LONDON (Reuters) - ", "(CNN) -- ", "Kabul, Afghanistan
	// (CNN) -- ", "WASHINGTON, May 3 (AP) — ".
	reDateline = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}\d.'’-]*(?:[ ,]+[\p{L}\d.'’-]+){0,5},?\s*)?\((?:CNN|Reuters|AP|AFP|UPI|PA|BBC|Bloomberg|dpa|EFE|Xinhua|[\p{Lu}][\p{L}&. ]{1,24})\)\s*(?:--|—|–|-|:)\s*`)
	reCapsDate = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{2,30}(?:, [\p{L} .]{2,30})?\s+(?:--|—|–)\s+`)
	// A plain byline paragraph: "By Jane Smith", "By Jane Smith, BBC News".
	reByline = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von))*(?:\s*[,|/–—-]\s*[\p{L}\d .&'’-]{1,60})?$`)
	// A full stop left alone by a lost line break inside a sentence.
	reStrayStop = regexp.MustCompile(` \.( \p{Ll})`)
	// Boilerplate that is never news.
	reBoiler = regexp.MustCompile(`(?i)\b(?:click here|scroll down|share this|share on|subscribe|sign up|follow us|follow @|read more|read full|all rights reserved|copyright|advertisement|newsletter|download (?:the|our) app|like us on|watch the video|watch video|related articles|image copyright|image caption|media playback|getty images|photo credit|listen to|comments \(|view gallery|see more)\b`)
	// Photo captions and credits.
	rePhoto   = regexp.MustCompile(`(?i)^(?:photos?|pictures?|image|photograph|credit|source|video|watch|pictured|file photo)\s*:|\((?:pictured|left|right|centre|center|above|below|inset|top|bottom|file|file photo)(?:[ ,][^)]{0,30})?\)|\b(?:photo(?:graph)?|picture|image)s? (?:by|courtesy|credit)\b|/(?:getty|ap|afp|reuters|rex|shutterstock)\b`)
	reCaption = regexp.MustCompile(`^['‘"“]?\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,3}['’"”]?: \p{Lu}`)
)

// cleanParagraph strips bylines, stamps and datelines from the front of a
// paragraph and repairs stray full stops; it returns "" for a paragraph
// that is only a byline.
func cleanParagraph(p string) string {
	p = strings.TrimSpace(p)
	if strings.Contains(p, "By . ") {
		p = reMailByline.ReplaceAllString(p, "")
	}
	if strings.Contains(p, ": . ") {
		p = reMailStamp.ReplaceAllString(p, "")
	}
	if strings.Contains(p, "updated at") || strings.Contains(p, "Updated at") {
		p = reLastUpdate.ReplaceAllString(p, "")
	}
	p = reDateline.ReplaceAllString(p, "")
	p = reCapsDate.ReplaceAllString(p, "")
	if reByline.MatchString(p) && wordCount(p) <= 12 {
		return ""
	}
	if strings.Contains(p, " .") {
		p = reStrayStop.ReplaceAllString(p, "$1")
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

func isDebris(s string) bool {
	if tooShort(s) {
		return true
	}
	if reBoiler.MatchString(s) && wordCount(s) < 20 {
		return true
	}
	if rePhoto.MatchString(s) {
		return true
	}
	if reCaption.MatchString(s) {
		return true
	}
	return false
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
