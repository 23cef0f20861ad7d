package searchtext

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// The expressions Of was first written with: the reference its
// one-pass scans must match byte for byte.
var (
	refImage  = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	refLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	refPrefix = regexp.MustCompile(`(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+\.[ \t]+)`)
	refRule   = regexp.MustCompile(`(?m)^[ \t]*(?:[-*_][ \t]*){3,}$`)
	refSpace  = regexp.MustCompile(`[ \t]*\n[ \t\n]*`)
)

func refPlainText(md string) string {
	s := StripMarks(md)
	s = refImage.ReplaceAllString(s, "$1")
	s = refLink.ReplaceAllString(s, "$1")
	s = refRule.ReplaceAllString(s, "")
	s = refPrefix.ReplaceAllString(s, "")
	s = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "").Replace(s)
	s = refSpace.ReplaceAllString(s, "\n")
	return strings.TrimSpace(s)
}

// TestPlainTextMatchesExpressions: Of gives what the expressions
// gave on hand-picked markdown and on 200,000 random strings over the
// characters the markup is made of.
func TestPlainTextMatchesExpressions(t *testing.T) {
	cases := []string{
		"", "plain", "# Head\n\nSome **bold** and [a link](https://x.test/) ![img](i.png).\n\n> quoted\n\n- item",
		"[![inner](a.png)](b)", "![x](y", "[a](b) [c](d)", "[a]b(c)", "[a](b\n)", "[[[[a](b)",
		"####### seven", "###### six", "#\tx", "#x", ">x", "> x", ">\tx", "1. one", "12.\ttwelve", "1.x", "a. no",
		"---", " - - -", "*_*", "- -", "--", "* item", "+ item", "+item", "  \t- item", "**bold**", "__u__",
		"a \t \n \t\n b", "x\r\ny", "tail  \n", "\n\n", "a\\b`c`", "\ue000mark\ue001ed",
		strings.Repeat("[", 500) + "](" + strings.Repeat(")", 3), strings.Repeat("[a](", 300),
	}
	for _, c := range cases {
		if got, want := Of(c), refPlainText(c); got != want {
			t.Errorf("Of(%q) = %q, want %q", c, got, want)
		}
	}
	const alphabet = "!![[]]((()))##>>--**++__``\\\\..12 \t\n\n\nab\r"
	r := rand.New(rand.NewSource(17))
	for n := 0; n < 200_000; n++ {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		if got, want := Of(string(b)), refPlainText(string(b)); got != want {
			t.Fatalf("Of(%q) = %q, want %q", b, got, want)
		}
	}
}

// BenchmarkPlainText is the search text of a typical converted feed item.
func BenchmarkPlainText(b *testing.B) {
	md := "# A headline\n\nParagraph one of the item, with [a link](https://x.test/a) and *emphasis*. " +
		strings.Repeat("Words about the harbour trams and the council. ", 6) + "\n\n" +
		strings.Repeat("More text here. ", 10) + "\n\n> A quote\n\n- one\n- two\n"
	for _, name := range []string{"scans", "expressions"} {
		f := Of
		if name == "expressions" {
			f = refPlainText
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				f(md)
			}
		})
	}
}

func TestOf(t *testing.T) {
	md := "# Head\n\nSome **bold** and [a link](https://x) ![img](y.png).\n\n> quoted\n\n- item\n\n---\n"
	if got, want := Of(md), "Head\nSome bold and a link img.\nquoted\nitem"; got != want {
		t.Errorf("Of = %q, want %q", got, want)
	}
}
