package words

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestCountByteLoop checks Count's byte-at-a-time loop against its
// definition (runs of runes unicode.IsSpace does not match) on random
// strings of ASCII and Unicode space, words and invalid bytes.
func TestCountByteLoop(t *testing.T) {
	def := func(s string) int {
		n, in := 0, false
		for _, r := range s {
			if unicode.IsSpace(r) {
				in = false
			} else if !in {
				in = true
				n++
			}
		}
		return n
	}
	alphabet := []string{"a", "word", " ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\u0085", "\u00a0", "\u2003",
		"\u3000", "é", "日本", "\xff", "\xe2\x80", "-", "."}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := Count(s), def(s); got != want {
			t.Fatalf("Count(%q) = %d, want %d", s, got, want)
		}
	}
	if n := Count("The council met on Monday.\n\nIt voted  twice"); n != 8 {
		t.Fatalf("Count = %d, want 8", n)
	}
}

// TestCollapseFastPath checks Collapse's shortcut for collapsed ASCII
// against strings.Fields and Join on random strings.
func TestCollapseFastPath(t *testing.T) {
	alphabet := []string{"a", "Word", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x00", "\u0085", "\u00a0",
		"\u2003", "é", "\xff", "-"}
	rng := rand.New(rand.NewPCG(7, 8))
	fast := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		want := strings.Join(strings.Fields(s), " ")
		if collapsed(s) {
			fast++
			if want != s {
				t.Fatalf("collapsed(%q) but Fields and Join make it %q", s, want)
			}
		}
		if got := Collapse(s); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
	}
	if fast < 1000 {
		t.Fatalf("only %d strings took the fast path", fast)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 50_000: "50,000",
		1234567: "1,234,567", -1000: "-1,000", -999: "-999", -100000: "-100,000"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
