package present

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/reader"
)

// Size and shape: documents far beyond any news article are cut for
// display, with a notice that says so, never a panic.

const prose = "The council voted on the harbour barrier after a long debate about the tides. "

// A page whose attributes run to megabytes shows an excerpt of the
// usual size (moved here from reader's TestHTMLHugeAttribute with the
// excerpt itself).
func TestExcerptOfHugeAttributePage(t *testing.T) {
	huge := strings.Repeat("x", 5<<20)
	data := "<!doctype html><html><head><title>Harbour vote</title></head><body><article>" +
		`<p title="` + huge + `" data-x="` + huge[:1<<20] + `">` + strings.Repeat(prose, 20) + `</p><img alt="` + huge[:1<<20] + `" src="a.jpg">` +
		"</article></body></html>"
	a, err := reader.ParseHTML("attr.html", []byte(data), "", true)
	if err != nil || !strings.Contains(a.Body, "harbour barrier") {
		t.Fatalf("parse: %v", err)
	}
	if x := ExcerptMarkdown(BreakLongWords(a.Body, 80)); len(x.Text) > MaxShownBytes+4 {
		t.Errorf("excerpt of %d bytes", len(x.Text))
	}
}

func TestExcerptShapes(t *testing.T) {
	cases := []struct {
		name, md string
		words    int // words shown, 0: not checked
	}{
		{"3 MB single-line paragraph", strings.Repeat(prose, (3<<20)/len(prose)), 0},
		{"100,000 paragraphs", strings.Repeat("A short paragraph of news.\n\n", 100_000), 5 * MaxShownBlocks},
		{"100,000 list items", strings.Repeat("- an item\n", 100_000), 3 * MaxShownBlocks},
		{"3 MB word", strings.Repeat("a", 3<<20), 1},
		{"many words", strings.Repeat("word ", 300_000), MaxShownWords},
	}
	for _, c := range cases {
		x := ExcerptMarkdown(c.md)
		if !x.Truncated || len(x.Text) > MaxShownBytes || x.Words > MaxShownWords || !strings.HasPrefix(c.md, x.Text) {
			t.Errorf("%s: truncated %v, %d bytes, %d words", c.name, x.Truncated, len(x.Text), x.Words)
		}
		if c.words != 0 && x.Words != c.words {
			t.Errorf("%s: %d words shown, want %d", c.name, x.Words, c.words)
		}
		if !utf8.ValidString(x.Text) {
			t.Errorf("%s: cut inside a character", c.name)
		}
	}
	// A fence open at the cut is closed; a short text is kept whole.
	x := ExcerptMarkdown("Intro.\n\n```\n" + strings.Repeat("code line\n", 300_000))
	if !x.Truncated || !strings.HasSuffix(x.Text, "\n```") {
		t.Errorf("fence: %q", x.Text[len(x.Text)-30:])
	}
	if x := ExcerptMarkdown("Short.\n\nText."); x.Truncated || x.Text != "Short.\n\nText." || x.Words != 2 {
		t.Errorf("short text: %+v", x)
	}
	if x := ExcerptMarkdown(strings.Repeat("é", 1_500_000)); !utf8.ValidString(x.Text) || !x.Truncated {
		t.Error("cut inside a character")
	}
	if n := TruncationNotice(ExcerptMarkdown(strings.Repeat("a", 3<<20)), 1, ReadCommand("a.txt")); n != "Article truncated: showing the first 2,048 KB of 3,072 KB. `brief read a.txt | less` prints it all." {
		t.Errorf("notice %q", n)
	}
	n := TruncationNotice(Excerpt{Words: 20_000, Truncated: true}, 184_197, ReadCommand("my news/big.txt"))
	if n != "Article truncated: showing the first 20,000 of 184,197 words. `brief read 'my news/big.txt' | less` prints it all." {
		t.Errorf("notice %q", n)
	}
}

// TestExcerptNeverCutsAWord: whichever limit ends the excerpt, and
// whether the words run in one line or many, it ends after a whole word
// ("projects re" was shown when the byte limit fell inside a word).
func TestExcerptNeverCutsAWord(t *testing.T) {
	for name, md := range map[string]string{
		"bytes, one line":   strings.Repeat("extraordinarily long ", (3<<20)/21),
		"bytes, many lines": strings.Repeat("extraordinarily long projects\n", (3<<20)/30),
		"words":             strings.Repeat("projects report ", 200_000),
		"blocks":            strings.Repeat("projects report\n\n", 30_000),
		"multibyte, bytes":  strings.Repeat("für überraschende Ergebnisse ", (3<<20)/31),
	} {
		x := ExcerptMarkdown(md)
		if !x.Truncated || !strings.HasPrefix(md, x.Text) {
			t.Fatalf("%s: not a truncated start of the body", name)
		}
		if next := md[len(x.Text)]; next != ' ' && next != '\n' {
			t.Errorf("%s: cut inside a word: %q|%q", name, x.Text[len(x.Text)-20:], md[len(x.Text):len(x.Text)+10])
		}
	}
}

func TestBreakLongWords(t *testing.T) {
	got := BreakLongWords("short words "+strings.Repeat("a", 25)+"\n```\n"+strings.Repeat("b", 25)+"\n```", 10)
	want := "short words aaaaaaaaaa aaaaaaaaaa aaaaa\n```\n" + strings.Repeat("b", 25) + "\n```"
	if got != want {
		t.Errorf("got %q", got)
	}
	if s := "no long words here"; BreakLongWords(s, 10) != s {
		t.Error("changed a text without long words")
	}
	if got := BreakLongWords(strings.Repeat("漢", 12), 10); got != "漢漢漢漢漢 漢漢漢漢漢 漢漢" {
		t.Errorf("wide characters: %q", got)
	}
	// Links stay whole: a space in a destination breaks the link.
	long := "https://news.example/2026/11/27/" + strings.Repeat("a-very-long-article-slug-", 4)
	for _, md := range []string{"See [a long link](" + long + ") now", "![pic](" + long + ")", "<" + long + ">"} {
		if got := BreakLongWords(md, 40); got != md {
			t.Errorf("BreakLongWords(%q) = %q: the link is broken", md, got)
		}
	}
	// but a link word long enough to cost glamour seconds is cut
	if huge := "[x](" + strings.Repeat("a", 5000) + ")"; BreakLongWords(huge, 40) == huge {
		t.Errorf("a %d-byte link word was left whole", len(huge))
	}
}

// BenchmarkShapeExcerpt32MB: BENCHMARKS.md, "Limits":
//
//	go test ./ui/present -run '^$' -bench Shape -benchmem -benchtime 3x
func BenchmarkShapeExcerpt32MB(b *testing.B) {
	md := strings.Repeat(prose+prose+"\n\n", (32<<20)/(2*len(prose)+2))
	b.ReportAllocs()
	for b.Loop() {
		ExcerptMarkdown(md)
	}
}
