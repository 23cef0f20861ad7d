package safetext

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/internal/inert"
	"github.com/brief-news/brief/reader/internal/words"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"red \x1b[31mtext\x1b[0m", "red text"},
		{"title\x1b]0;pwned\x07 here", "title here"},
		{"link \x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\", "link text"},
		{"c1 \u009b31mcsi", "c1 csi"},
		{"bell\x07 bs\x08 del\x7f", "bell bs del"},
		{"tab\there", "tab here"},
		{"keep\nnewlines", "keep\nnewlines"},
		{"bidi \u202eevil\u202c", "bidi evil"},
		{"cr\r\n", "cr\n"},
		{"unterminated \x1b[", "unterminated "},
		{"esc at end\x1b", "esc at end"},
		{"ünïcödé — “fine”", "ünïcödé — “fine”"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzClean: Clean is idempotent and leaves valid UTF-8 with no C0 or
// C1 control (newline aside), no DEL, no ESC and no bidi override;
// text without any of them passes unchanged. CleanLine is one line.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]8;;x\x07", "\u009b1m", "ok", "\u202egnp.exe", "a\tb\r\nc", "\x1b", "\x1b[", "\x1bP\x1b\\x", "\xff\x1b[1;2\xffm", "é ü 中文", "a &#233; &amp; b", "&#x2060;x&ZeroWidthSpace;", "&&#27;#27;]0;T&&#7;#7;", "a&#27[2J b", "&#x000000001b;]0;X&#7", "&#0000000027;[31m", "&#x1bad &amp &#233 &#x9b; &shy;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if Clean(c) != c {
			t.Fatalf("not idempotent on %q: %q → %q", s, c, Clean(c))
		}
		if !utf8.ValidString(c) {
			t.Fatalf("invalid UTF-8 left in %q", c)
		}
		for _, r := range c {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || inert.Bidi(r) {
				t.Fatalf("control %U left in %q", r, c)
			}
		}
		if isClean(s) && c != s {
			t.Fatalf("clean text changed: %q → %q", s, c)
		}
		l := CleanLine(s)
		if strings.Contains(l, "\n") || l != strings.TrimSpace(l) || CleanLine(l) != l || l != words.Collapse(c) {
			t.Fatalf("CleanLine(%q) = %q", s, l)
		}
		if err := hostiletest.Check([]byte(c)); err != nil {
			t.Fatalf("Clean(%q) = %q: %v", s, c, err)
		}
		// A markdown renderer decodes character references once (glamour
		// as html.UnescapeString does): what it shows of CleanMarkdown's
		// output must be clean too.
		m := CleanMarkdown(s)
		shown := html.UnescapeString(m)
		if err := hostiletest.Check([]byte(shown)); err != nil {
			t.Fatalf("CleanMarkdown(%q) = %q, rendered %q: %v", s, m, shown, err)
		}
	})
}

// TestCleanLineFastPath checks plainLine's shortcut against the general
// path on random lines of printable ASCII, spaces, controls and other
// runes: CleanLine's result never depends on which path it took.
func TestCleanLineFastPath(t *testing.T) {
	general := func(s string) string { return strings.Join(strings.Fields(Clean(s)), " ") }
	alphabet := []string{"a", "Z", "0", "~", "!", " ", " ", "  ", "\t", "\n", "\r", "\x1b[2J", "\x7f", "\x00",
		"é", "\u202e", "\u200b", "\u2028", "\x9b", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if plainLine(s) {
			fast++
			if g := general(s); g != s {
				t.Fatalf("plainLine(%q) but the general path makes it %q", s, g)
			}
		}
		if got, want := CleanLine(s), general(s); got != want {
			t.Fatalf("CleanLine(%q) = %q, want %q", s, got, want)
		}
	}
	if fast < 1000 {
		t.Fatalf("only %d of the random lines took the fast path", fast)
	}
	for _, s := range []string{"", "Feed 89", "a  b", " a", "a ", "a\tb", "caf\u00e9", "x\x1b[31my"} {
		if plainLine(s) != (s == "" || s == "Feed 89") {
			t.Errorf("plainLine(%q) = %v", s, plainLine(s))
		}
	}
}

// TestIsCleanByteLoop checks isClean's byte-at-a-time loop against its
// definition (valid UTF-8, no tab, nothing Dropped or a LineSeparator)
// on random strings of ASCII, controls, C1, bidi, invisible and
// invalid bytes.
func TestIsCleanByteLoop(t *testing.T) {
	def := func(s string) bool {
		if !utf8.ValidString(s) {
			return false
		}
		for _, r := range s {
			if r == '\t' || inert.Dropped(r) || inert.LineSeparator(r) {
				return false
			}
		}
		return true
	}
	alphabet := []string{"a", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "~", "é", "\u0085", "\u009b", "\u00a0",
		"\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\U000e0041", "\ufffd", "\xff", "\xc3", "日"}
	rng := rand.New(rand.NewPCG(3, 4))
	clean := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := isClean(s), def(s); got != want {
			t.Fatalf("isClean(%q) = %v, want %v", s, got, want)
		} else if got {
			clean++
		}
	}
	if clean < 1000 {
		t.Fatalf("only %d clean strings drawn", clean)
	}
}
