package llm

// What the model is told: the prompt, in the language to write in, and
// the article's title and text. Nothing else is sent.

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// DefaultPrompt asks for what a news site's "summary" button gives: a
// few neutral bullet points of the article's key facts. "{language}" is
// replaced by the language to write in.
const DefaultPrompt = "You summarise news articles. Write a short, neutral summary of the article's key facts " +
	`as 3 to 5 bullet points, one sentence each, each line starting with "- ". Write in {language}. ` +
	"Use only what the article says: no opinions, no introduction, no closing remarks. " +
	"Reply with the bullet points and nothing else."

// articleLanguage is the language setting that means the article's own.
const articleLanguage = "article"

// system is the prompt for a, its language filled in.
func (c *Client) system(a Article) string {
	p := c.prompt
	if strings.TrimSpace(p) == "" {
		p = DefaultPrompt
	}
	return strings.ReplaceAll(p, "{language}", c.languageFor(a))
}

// languageFor names the language to write a's summary in: the setting,
// or for "article" the article's language by name ("German"), or when
// that is unknown, the article's own.
func (c *Client) languageFor(a Article) string {
	if l := strings.TrimSpace(c.language); l != "" && !strings.EqualFold(l, articleLanguage) {
		return l
	}
	if tag, err := language.Parse(a.Lang); err == nil && a.Lang != "" {
		base, _ := tag.Base()
		if name := display.English.Languages().Name(base); name != "" {
			return name + ", the article's language"
		}
	}
	return "the language the article is written in"
}

// userMessage is an article, or a part of one, as the model reads it.
func userMessage(title, text string) string {
	if title == "" {
		return text
	}
	return "Title: " + title + "\n\n" + text
}

// partMessage is part i of n of a long article.
func partMessage(title, text string, i, n int) string {
	return userMessage(title, "(This is part "+strconv.Itoa(i)+" of "+strconv.Itoa(n)+" of the article.)\n\n"+text)
}

// combineMessage asks for the summary of a long article from its parts'
// summaries.
func combineMessage(title string, sums []string) string {
	var b strings.Builder
	b.WriteString("The article was long, so each of its parts was summarised. The parts' summaries, in order:\n\n")
	for i, s := range sums {
		b.WriteString("Part " + strconv.Itoa(i+1) + ":\n" + s + "\n\n")
	}
	return userMessage(title, strings.TrimSpace(b.String()))
}

// parts splits text, a paragraph a block, into parts of at most
// c.maxWords words, at paragraph ends where it can; at most MaxParts,
// cut saying that text beyond them was left out.
func (c *Client) parts(text string) (parts []string, cut bool) {
	var cur []string
	words := 0
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, "\n\n"))
			cur, words = nil, 0
		}
	}
	for _, block := range strings.Split(text, "\n\n") {
		fs := strings.Fields(block)
		if len(fs) == 0 {
			continue
		}
		if words+len(fs) > c.maxWords {
			flush()
		}
		// A paragraph longer than a part is cut between words.
		for len(fs) > c.maxWords {
			parts = append(parts, strings.Join(fs[:c.maxWords], " "))
			fs = fs[c.maxWords:]
		}
		cur = append(cur, block)
		if len(fs) < len(strings.Fields(block)) {
			cur[len(cur)-1] = strings.Join(fs, " ")
		}
		words += len(fs)
	}
	flush()
	if len(parts) == 0 {
		return []string{text}, false
	}
	if len(parts) > MaxParts {
		return parts[:MaxParts], true
	}
	return parts, false
}
