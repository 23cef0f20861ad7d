package present

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/brief-news/brief/ui/internal/prosetest"
)

// testRender is glamour with a fixed style, not auto.
var testRender = RenderOptions{Style: "dark", Profile: termenv.Ascii}

func TestRenderEveryStyleFitsTheWidth(t *testing.T) {
	md := strings.Join(prosetest.LongParagraphs(300), "\n\n") + "\n\n- a list item that is long enough to wrap onto a second line at forty columns\n"
	for _, style := range []string{"dark", "light", "notty", "ascii", "dracula", "tokyo-night", "pink"} {
		for _, w := range []int{40, 80, 120, 200} {
			out, err := Render(md, w, RenderOptions{Style: style, Profile: termenv.ANSI256})
			if err != nil {
				t.Fatalf("%s at %d: %v", style, w, err)
			}
			for _, l := range strings.Split(out, "\n") {
				if n := ansi.StringWidth(l); n > w {
					t.Fatalf("%s at %d: line of %d columns: %q", style, w, n, ansi.Strip(l))
				}
			}
		}
	}
}

func TestRenderKeepsHyphenatedWordsWhole(t *testing.T) {
	md := "The council said roughly two-thirds of that sum would come from the city's transport reserve, with the rest drawn from a levy on late-night venues agreed last spring."
	out, err := Render(md, 60, testRender)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		if w := strings.Fields(l); len(w) == 1 {
			t.Fatalf("a word was left alone on a line:\n%s", ansi.Strip(out))
		}
	}
}

func TestHangIndent(t *testing.T) {
	in := "  • first item that\n  wraps here\n\n  plain paragraph\n  1. numbered\n  goes on"
	want := "  • first item that\n    wraps here\n\n  plain paragraph\n  1. numbered\n     goes on"
	if got := hangIndent(in); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// Hyphens stay U+002D on screen (so copied text is the original), and a
// U+2010 the text holds stays one too.
func TestRenderKeepsTheTextsHyphens(t *testing.T) {
	md := "The late-night venues pay two-thirds. A well‐known case."
	out, err := Render(md, 80, testRender)
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	for _, want := range []string{"late-night", "two-thirds", "well‐known"} {
		if !strings.Contains(plain, want) {
			t.Fatalf("rendered text lacks %q:\n%s", want, plain)
		}
	}
}
