package summarizer

import (
	"strings"
	"testing"
)

func TestOpenerOf(t *testing.T) {
	for s, want := range map[string]opener{
		"But the council refused to fund the second bridge.":     openConnective,
		"However, engineers say the pier can be saved.":          openConnective,
		"Instead, it is a sale of the land to a developer.":      openConnective,
		"Meanwhile the river kept rising through the night.":     openConnective,
		"And the ferry service will stop in March.":              openConnective,
		"He said the plan would fail within a year.":             openPronoun,
		"They said nothing when the vote was announced.":         openPronoun,
		"This is the third closure in five years.":               openPronoun,
		"These were the worst floods since records began.":       openPronoun,
		"That left the town without a crossing.":                 openPronoun,
		"This week the council voted to rebuild the pier.":       openPlain,
		"That morning, the barge hit the bridge.":                openPlain,
		"The council voted to rebuild the pier.":                 openPlain,
		"Butler Street was closed to traffic.":                   openPlain,
		"“We will rebuild it,” the mayor said.":                  openPlain,
		"Heavy rain closed the road.":                            openPlain,
		"these lower-case words open nothing we can judge here.": openPlain,
	} {
		if got := openerOf(s); got != want {
			t.Errorf("openerOf(%q) = %v, want %v", s, got, want)
		}
	}
}

func cands(sents ...string) []candidate {
	cs := make([]candidate, len(sents))
	for i, s := range sents {
		cs[i] = candidate{text: s, pos: i, words: wordCount(s), opener: openerOf(s)}
	}
	return cs
}

func TestQuoteState(t *testing.T) {
	cs := cands(
		"The mayor spoke after the vote.",
		"“We have waited ten years for this bridge.",
		"Nobody here will forget the day it fell,” she said.",
		"The council meets again on Friday.",
		"\"It is over,\" said one resident.",
		"'We lost everything in one night.",
		"Now we start again,' said the baker.",
	)
	opens, continues := quoteState(cs)
	wantOpens := []bool{false, true, false, false, false, true, false}
	wantCont := []bool{false, false, true, false, false, false, true}
	for i := range cs {
		if opens[i] != wantOpens[i] || continues[i] != wantCont[i] {
			t.Errorf("sentence %d %q: opens %v continues %v, want %v %v", i, cs[i].text, opens[i], continues[i], wantOpens[i], wantCont[i])
		}
	}
}

// A quotation mark opened and never closed (common when a quotation runs
// over several paragraphs) is forgotten after a few sentences instead of
// swallowing the rest of the article.
func TestQuoteStateStray(t *testing.T) {
	cs := cands("“The river took the houses first.", "Then the road went.", "Then the school.",
		"Then the church.", "Then the pub.", "The army arrived on Tuesday.", "Roads reopened on Friday.")
	opens, continues := quoteState(cs)
	if opens[6] || continues[6] || continues[5] {
		t.Errorf("a stray quotation mark still open at the end: opens %v continues %v", opens, continues)
	}
}

// summaryOf summarises body under o and checks the rules every summary
// keeps: sentences in article order, and no sentence that leans on an
// unchosen predecessor.
func summaryOf(t *testing.T, title, body string, o Options) []string {
	t.Helper()
	s := mustSummarize(t, Document{Title: title, Body: body}, o)
	all, _ := Candidates(body)
	index := map[string]int{}
	for i, c := range all {
		index[c] = i
	}
	_, continues := quoteState(cands(all...))
	last := -1
	chosen := map[int]bool{}
	for _, x := range s.Sentences {
		i, ok := index[x]
		if !ok {
			t.Fatalf("summary sentence %q is not a candidate", x)
		}
		if i <= last {
			t.Errorf("%q out of article order", x)
		}
		last = i
		chosen[i] = true
	}
	for i := range chosen {
		if (openerOf(all[i]) != openPlain || continues[i]) && !chosen[i-1] {
			t.Errorf("%q chosen without the sentence before it, %q", all[i], all[max(0, i-1)])
		}
	}
	return s.Sentences
}

// The sentence about the bridge is the one that matches the headline, but
// it opens with "But": it comes with its predecessor or not at all.
func TestConnectiveNeedsPredecessor(t *testing.T) {
	body := "Porthaven's council met on Tuesday evening to set next year's budget.\n\n" +
		"Councillors approved new funding for schools, libraries and the harbour wall.\n\n" +
		"Residents asked about parking charges near the station.\n\n" +
		"But the council refused to pay for rebuilding the Old Harbour bridge, closed since the spring floods.\n\n" +
		"The bridge carried 9,000 vehicles a day before it closed.\n\n" +
		"The mayor said a decision on the bridge would come in the new year."
	for _, o := range []Options{{Sentences: 2}, {Sentences: 3}, {MaxWords: 45}} {
		got := summaryOf(t, "Council refuses to rebuild Old Harbour bridge", body, o)
		t.Logf("%+v: %q", o, got)
	}
}

// "He said…" with nobody named before it, and "This is…" pointing back,
// are taken only after the sentence they lean on.
func TestPronounNeedsPredecessor(t *testing.T) {
	body := "A barge struck a pier of the Kings Road bridge on Monday night.\n\n" +
		"The bridge's chief engineer, Ana Ruiz, inspected the damage at dawn.\n\n" +
		"She said the bridge pier had moved four centimetres and the bridge must stay closed.\n\n" +
		"This is the third time a barge has hit the bridge in five years.\n\n" +
		"Traffic was diverted through the town centre."
	for _, n := range []int{1, 2, 3} {
		summaryOf(t, "Kings Road bridge closed after barge strike", body, Options{Sentences: n})
	}
}

// A quotation that opens in one sentence and closes in the next is never
// cut in half.
func TestQuoteNotTakenAlone(t *testing.T) {
	body := "The Kings Road bridge will stay closed until the summer, engineers said on Friday.\n\n" +
		"“The bridge pier has moved and the bridge is not safe for traffic.\n\n" +
		"We will not reopen the bridge until the pier is rebuilt,” the chief engineer said.\n\n" +
		"The council has set aside money for the work.\n\n" +
		"Buses will use the ring road in the meantime."
	for _, n := range []int{2, 3, 4} {
		got := summaryOf(t, "Kings Road bridge to stay closed", body, Options{Sentences: n})
		text := strings.Join(got, " ")
		if strings.Count(text, "“") != strings.Count(text, "”") {
			t.Errorf("Sentences=%d: unbalanced quotation in %q", n, got)
		}
	}
}

// A word budget never drops the sentence that says what the story is
// about, even when later sentences are shorter or score well.
func TestBudgetKeepsLede(t *testing.T) {
	lede := "The government will freeze fuel duty for another year, the chancellor announced in his budget on Wednesday."
	body := lede + "\n\n" +
		"Fuel duty has been frozen since 2011.\n\n" +
		"Motoring groups welcomed the freeze on fuel duty.\n\n" +
		"Drivers will save about £50 a year on average.\n\n" +
		"Environmental groups said the fuel duty freeze was a mistake."
	for _, budget := range []int{10, 25, 40, 60} {
		got := summaryOf(t, "Fuel duty frozen again", body, Options{MaxWords: budget})
		if len(got) == 0 || got[0] != lede {
			t.Errorf("MaxWords=%d: %q does not open with the lede", budget, got)
		}
	}
}

// A body whose first sentence leans on a heading that cleaning removed
// ("But a new report…") does not open the summary with it.
func TestDanglingFirstSentenceDropped(t *testing.T) {
	body := "## Why the bridge fell\n\n" +
		"But a new report says the bridge fell because its piers were never inspected.\n\n" +
		"The Kings Road bridge collapsed in March, injuring four people.\n\n" +
		"Inspectors visited the bridge only twice in twenty years, the report found.\n\n" +
		"The council said it would publish a response next month."
	got := summaryOf(t, "Report blames missed inspections for bridge collapse", body, Options{Sentences: 2})
	if strings.HasPrefix(got[0], "But") {
		t.Errorf("summary opens with a dangling connective: %q", got)
	}
}
