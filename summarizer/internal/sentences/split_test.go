package sentences

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"titles and abbreviations inside a sentence",
			"Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 in the U.S. capital. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 in the U.S. capital.", "They talked."}},
		{"U.K. and Inc.",
			"Acme Inc. said the U.K. market grew. Shares rose.",
			[]string{"Acme Inc. said the U.K. market grew.", "Shares rose."}},
		{"No. 2",
			"He is ranked No. 2 in the world. She is No. 1.",
			[]string{"He is ranked No. 2 in the world.", "She is No. 1."}},
		{"abbreviation ends a sentence",
			"He moved to the U.S. Later he became a citizen.",
			[]string{"He moved to the U.S.", "Later he became a citizen."}},
		{"abbreviation before a name starting with a stopword",
			"He moved to the U.S. New York office in May.",
			[]string{"He moved to the U.S. New York office in May."}},
		{"a decimal number ends a sentence",
			"Costs rose by 47.3%. BA's profits were better. Shares fell 1.2. Pernod said no.",
			[]string{"Costs rose by 47.3%.", "BA's profits were better.", "Shares fell 1.2.", "Pernod said no."}},
		{"Inc. ends a sentence",
			"The deal was done by Acme Inc. The shares rose.",
			[]string{"The deal was done by Acme Inc.", "The shares rose."}},
		{"a.m. and p.m.",
			"The shop opens at 9 a.m. It closes at 5 p.m. Staff are paid well.",
			[]string{"The shop opens at 9 a.m.", "It closes at 5 p.m.", "Staff are paid well."}},
		{"p.m. before a weekday",
			"The vote is at 5 p.m. Friday in the hall. Polls close later.",
			[]string{"The vote is at 5 p.m. Friday in the hall.", "Polls close later."}},
		{"a.m. mid-sentence",
			"At 9 a.m. on Monday police arrived.",
			[]string{"At 9 a.m. on Monday police arrived."}},
		{"e.g.",
			"Some fruits, e.g. Bananas, are yellow. Others are not.",
			[]string{"Some fruits, e.g. Bananas, are yellow.", "Others are not."}},
		{"decimals, money, times",
			"Inflation hit 3.5% in May. A coffee costs $12.75 at 11.30am today. Prices rose.",
			[]string{"Inflation hit 3.5% in May.", "A coffee costs $12.75 at 11.30am today.", "Prices rose."}},
		{"initials",
			"J. R. Ewing owned Ewing Oil. He was ruthless.",
			[]string{"J. R. Ewing owned Ewing Oil.", "He was ruthless."}},
		{"straight quotes",
			`He said "I will go." Then he left.`,
			[]string{`He said "I will go."`, "Then he left."}},
		{"single straight quotes",
			`She wrote: 'It is over.' Fans wept.`,
			[]string{`She wrote: 'It is over.'`, "Fans wept."}},
		{"curly quotes",
			"“We won,” she said. “It was hard.” The team celebrated.",
			[]string{"“We won,” she said.", "“It was hard.”", "The team celebrated."}},
		{"exclamation inside quote, sentence goes on",
			`"Stop!" he shouted. Nobody did.`,
			[]string{`"Stop!" he shouted.`, "Nobody did."}},
		{"question",
			"Why now? Because it matters.",
			[]string{"Why now?", "Because it matters."}},
		{"ellipsis",
			"He paused... Then he spoke. It was... unexpected.",
			[]string{"He paused...", "Then he spoke.", "It was... unexpected."}},
		{"unicode ellipsis",
			"Wait… Now go.",
			[]string{"Wait…", "Now go."}},
		{"ends in parenthesis",
			"He denied it (the claim was false.) Then he left.",
			[]string{"He denied it (the claim was false.)", "Then he left."}},
		{"ends in bracket",
			"The vote passed [see table.] Results follow.",
			[]string{"The vote passed [see table.]", "Results follow."}},
		{"headline without full stop",
			"Markets rally on rate hopes\n\nStocks rose on Monday. Bonds fell.",
			[]string{"Markets rally on rate hopes", "Stocks rose on Monday.", "Bonds fell."}},
		{"line breaks inside a paragraph are spaces",
			"Stocks rose\non Monday.",
			[]string{"Stocks rose on Monday."}},
		{"CJK punctuation",
			"今天天气很好。我们去公园吧！你来吗？",
			[]string{"今天天气很好。", "我们去公园吧！", "你来吗？"}},
		{"CJK closing quote",
			"他说：「好。」然后走了。",
			[]string{"他说：「好。」", "然后走了。"}},
		{"stray full stop before lower case",
			"A woman who . claims to be a victim sued.",
			[]string{"A woman who . claims to be a victim sued."}},
		{"dotted acronym mid-sentence",
			"The U.N. Security Council met.",
			[]string{"The U.N. Security Council met."}},
		{"date abbreviation before a comma",
			"Born on Jan. 5, he grew up fast.",
			[]string{"Born on Jan. 5, he grew up fast."}},
		{"Cyrillic",
			"Это первое предложение. Это второе.",
			[]string{"Это первое предложение.", "Это второе."}},
		{"Devanagari danda",
			"यह पहला वाक्य है। यह दूसरा है।",
			[]string{"यह पहला वाक्य है।", "यह दूसरा है।"}},
		{"Arabic question mark",
			"هل انتهى الاجتماع؟ نعم انتهى.",
			[]string{"هل انتهى الاجتماع؟", "نعم انتهى."}},
		{"no punctuation", "just some words without an end",
			[]string{"just some words without an end"}},
		{"empty", " \n\n \t", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Sentences(c.in)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// An enormous run without punctuation is cut into bounded pieces that
// together keep every word.
func TestSentencesChunksEnormous(t *testing.T) {
	words := strings.Repeat("alpha beta gamma, delta ", 500)
	got := Sentences(words)
	if len(got) < 2 {
		t.Fatalf("got %d sentences, want the run cut up", len(got))
	}
	total := 0
	for _, s := range got {
		if n := utf8.RuneCountInString(s); n > MaxRunes {
			t.Errorf("piece of %d runes > %d", n, MaxRunes)
		}
		total += len(strings.Fields(s))
	}
	if total != 2000 {
		t.Errorf("pieces hold %d words, want 2000", total)
	}
	// Without spaces (CJK with no full stops) the cut still happens.
	got = Sentences(strings.Repeat("字", 1000))
	if len(got) != 3 {
		t.Errorf("1000 CJK runes gave %d pieces, want 3", len(got))
	}
}
