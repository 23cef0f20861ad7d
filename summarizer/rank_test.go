package summarizer

import (
	"math"
	"testing"
)

func prepared(sents []string, title string) ([]candidate, sparse) {
	v := newVocab()
	lists := make([][]int, len(sents)+1)
	cs := make([]candidate, len(sents)+1)
	for i, s := range sents {
		cs[i] = candidate{text: s, pos: i, words: wordCount(s)}
		lists[i] = terms(s, v)
	}
	lists[len(sents)] = terms(title, v)
	vectorize(cs, lists, v.size())
	return cs[:len(sents)], cs[len(sents)].vec
}

func TestVectors(t *testing.T) {
	cs, _ := prepared([]string{
		"Floods closed the coastal road on Monday.",
		"Floods closed the coastal road on Monday.",
		"The football team won its match.",
		"The the the.", // stopwords only: an empty vector
	}, "")
	for i, c := range cs[:3] {
		if n := dot(c.vec, c.vec); math.Abs(n-1) > 1e-9 {
			t.Errorf("sentence %d has squared norm %v, want 1", i, n)
		}
	}
	if d := dot(cs[0].vec, cs[1].vec); math.Abs(d-1) > 1e-9 {
		t.Errorf("identical sentences have similarity %v", d)
	}
	if d := dot(cs[0].vec, cs[2].vec); d != 0 {
		t.Errorf("sentences sharing no content word have similarity %v", d)
	}
	if len(cs[3].vec) != 0 {
		t.Errorf("stopwords gave terms %v", cs[3].vec)
	}
}

// Stems join inflections: "flooded" and "floods" are one term.
func TestTermsStem(t *testing.T) {
	v := newVocab()
	a, b := terms("Flooded roads", v), terms("the floods on a road", v)
	if len(a) != 2 || len(b) != 2 || a[0] != b[0] || a[1] != b[1] {
		t.Errorf("terms %v and %v, want the same two ids", a, b)
	}
	// Chinese text becomes character pairs.
	if got := terms("大桥开工", v); len(got) != 3 {
		t.Errorf("CJK terms %v, want 3 bigrams", got)
	}
}

// Centrality looks only at neighbours within the window, so a sentence's
// score does not depend on sentences far away (and cost stays linear).
func TestCentralityWindow(t *testing.T) {
	sents := []string{"Engineers inspected the harbour barrier gates."}
	for i := 0; i < 10; i++ {
		sents = append(sents, "Unrelated filler about weather and sport number "+string(rune('a'+i))+" today.")
	}
	sents = append(sents, "The harbour barrier gates were inspected by engineers.")
	cs, _ := prepared(sents, "")
	p := defaults
	p.window = 5
	near := scoreAll(cs, nil, p)
	p.window = 20
	far := scoreAll(cs, nil, p)
	if far[0] <= near[0] {
		t.Errorf("sentence 0 gained nothing from its echo 11 places on: window 5 %v, window 20 %v", near[0], far[0])
	}
}

func TestTitleBonus(t *testing.T) {
	cs, title := prepared([]string{
		"Officials met on Monday to discuss several matters.",
		"Ministers agreed a fishing quota for the northern sea.",
	}, "Fishing quota agreed")
	with := scoreAll(cs, title, defaults)
	without := scoreAll(cs, nil, defaults)
	if with[1]-without[1] <= 0 || with[0] != without[0] {
		t.Errorf("title bonus: with %v, without %v", with, without)
	}
}

// Sentences 1 and 2 share a position prior; from sentence 3 on it falls.
func TestFlatLeadPrior(t *testing.T) {
	// No two sentences share a content word, so only position differs.
	cs, _ := prepared([]string{
		"Floods closed the coastal road on Monday evening again.",
		"The football team won its final match very easily.",
		"Bakers protested against rising flour prices in the capital.",
		"Scientists discovered an unusual comet somewhere near Jupiter.",
		"Voters queued outside polling stations well before dawn.",
	}, "")
	s := scoreAll(cs, nil, defaults)
	if !(s[0] > s[1] && s[1] == s[2] && s[2] > s[3] && s[3] > s[4]) {
		t.Errorf("position scores %v, want s0 > s1 = s2 > s3 > s4", s)
	}
}

// A quotation gains less from its similarity to the headline and to later
// sentences than the same words in reported speech.
func TestQuoteDiscount(t *testing.T) {
	cs, title := prepared([]string{
		"Residents voted for the flood barrier.",
		"The harbour flood barrier will cost millions, the mayor said.",
		"Work on the harbour flood barrier starts in spring.",
	}, "Harbour flood barrier")
	plain := scoreAll(cs, title, defaults)
	cs[1].quote = true
	quoted := scoreAll(cs, title, defaults)
	if !(quoted[1] < plain[1]) || quoted[0] != plain[0] || quoted[2] != plain[2] {
		t.Errorf("plain %v, quoted %v: want only sentence 1 lower", plain, quoted)
	}
}
