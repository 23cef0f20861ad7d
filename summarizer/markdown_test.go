package summarizer

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	md := "# Storm hits the coast\n\n" +
		"A **powerful** storm hit the [east coast](https://example.com/storm) on *Monday*, officials said.\n" +
		"It knocked out `power` to _thousands_ of homes.\n\n" +
		"![A fallen tree](https://example.com/tree.jpg)\n\n" +
		"Key facts\n---------\n\n" +
		"- Winds reached 90mph.\n" +
		"- Schools were closed.\n\n" +
		"1. First item here.\n\n" +
		"> \"We have never seen anything like it,\" said the mayor.\n\n" +
		"```\ncode(); // not prose\n```\n\n" +
		"Read the [report][1] &amp; more ~~later~~ now.\n\n" +
		"See [Foo](https://w.org/Foo_(bar) \"title\") and [![logo](l.png)](https://x.org) here.\n\n" +
		"[1]: https://example.com/report\n\n" +
		"***\n\n" +
		"snake_case_name stays, and so does 2*3*4.\n"
	want := []block{
		{text: "Storm hits the coast", heading: true},
		{text: "A powerful storm hit the east coast on Monday, officials said. It knocked out power to thousands of homes."},
		{text: "Key facts", heading: true},
		{text: "Winds reached 90mph."},
		{text: "Schools were closed."},
		{text: "First item here."},
		{text: "\"We have never seen anything like it,\" said the mayor."},
		{text: "Read the report & more later now."},
		{text: "See Foo and here."},
		{text: "snake_case_name stays, and so does 2*3*4."},
	}
	if got := parseMarkdown(md); !reflect.DeepEqual(got, want) {
		t.Errorf("parseMarkdown\n got %+v\nwant %+v", got, want)
	}
}

// Headings are not merged into the sentence that follows them, and are
// not chosen as summary sentences while there is prose.
func TestHeadingsStayApart(t *testing.T) {
	body := "## Rates held\nThe central bank kept rates at 5% on Thursday, as expected by markets.\n"
	cands, fallback := Candidates(body)
	if !reflect.DeepEqual(cands, []string{"The central bank kept rates at 5% on Thursday, as expected by markets."}) {
		t.Errorf("candidates %q", cands)
	}
	if !reflect.DeepEqual(fallback, []string{"Rates held"}) {
		t.Errorf("fallback %q", fallback)
	}
}

// The summarizer reads what a person reads: link text without targets,
// no images, autolinks or footnote markers, whatever form the page's
// links took (Wikipedia's "[[2]](…)" and "[\[2\]](…)" included).
func TestInlineDropsLinkSyntaxAndMarkers(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Founded in 1998.[[2]](https://en.wikipedia.org/wiki/Mozilla#cite_note-2) Then it grew.", "Founded in 1998. Then it grew."},
		{`Minor exceptions.[\[1\]](https://en.wikipedia.org/wiki/Mozilla#cite_note-1) The community`, "Minor exceptions. The community"},
		{"A [[Division]](https://w.org/Division_(business) \"Division (business)\") here.", "A [Division] here."},
		{"Reported [2] and [note 3] and [citation needed] and [^1] too.", "Reported and and and too."},
		{"[![Mozilla logo [big]](https://x/a.png)](https://x/File:a.png) Mozilla", "Mozilla"},
		{"See <https://example.com/a> or [the report](https://example.com/r) now.", "See or the report now."},
		{"A note.[[a]](https://en.wikipedia.org/wiki/X#cite_note-a) Then.", "A note. Then."},
		{"Arrays a[i] and [sic] stay.", "Arrays a[i] and [sic] stay."},
		// An escaped mark is a character, not the start of emphasis.
		{`Asked whether the \*levy* &amp; the \_fee_ would rise \[draft].`, "Asked whether the *levy* & the _fee_ would rise [draft]."},
	}
	for _, c := range cases {
		if got := inline(c.in); got != c.want {
			t.Errorf("inline(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// Input is the text Summarize chooses from: every summary sentence is in
// it, and it holds no markdown link or image syntax.
func TestInputIsWhatIsSummarised(t *testing.T) {
	d := Document{Title: "Mozilla", Body: "# Mozilla\n\n![logo](https://x/logo.png)\n\n" +
		"**Mozilla** is a [free-software](https://en.wikipedia.org/wiki/Free_software \"Free software\") community, created in 1998.[[1]](https://en.wikipedia.org/wiki/Mozilla#cite_note-1) " +
		"The community is supported by the [Mozilla Foundation](https://en.wikipedia.org/wiki/Mozilla_Foundation).[\\[2\\]](https://en.wikipedia.org/wiki/Mozilla#cite_note-2)\n\n" +
		"- It makes the [Firefox](https://www.mozilla.org/firefox/) web browser and other software.\n"}
	in := Input(d)
	want := "Mozilla\n\nMozilla is a free-software community, created in 1998. The community is supported by the Mozilla Foundation.\n\n" +
		"It makes the Firefox web browser and other software."
	if in != want {
		t.Fatalf("Input\n got %q\nwant %q", in, want)
	}
	s, err := Summarize(d, Options{})
	if err != nil || len(s.Sentences) == 0 {
		t.Fatalf("summary %v, %v", s, err)
	}
	for _, x := range s.Sentences {
		if !strings.Contains(in, x) {
			t.Errorf("sentence %q is not in the input", x)
		}
	}
}
