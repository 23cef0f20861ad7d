package summarizer

import (
	"reflect"
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
