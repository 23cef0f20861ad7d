package summarizer

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/summarizer/internal/sentences"
)

func readTestdata(t testing.TB, name string) string {
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustSummarize(t *testing.T, d Document, o Options) Summary {
	t.Helper()
	s, err := Summarize(d, o)
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	return s
}

func TestSummarizeArticle(t *testing.T) {
	body := readTestdata(t, "harbour.md")
	d := Document{Title: "Harbour town votes to build flood barrier", Body: body}
	s := mustSummarize(t, d, Options{})
	if len(s.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3: %q", len(s.Sentences), s.Sentences)
	}
	// The lead, without its dateline, opens the summary.
	if !strings.HasPrefix(s.Sentences[0], "Residents of Porthaven voted on Thursday") {
		t.Errorf("first sentence %q, want the lead without dateline", s.Sentences[0])
	}
	all := s.Text()
	for _, junk := range []string{"By Alex", "Newswire", "Click here", "Flooded:", "Share this", "#", "**", "](", "Harbour town votes to build flood barrier after"} {
		if strings.Contains(all, junk) {
			t.Errorf("summary contains %q: %s", junk, all)
		}
	}
	// Reading order: each chosen sentence appears later in the body than
	// the one before.
	last := -1
	for _, x := range s.Sentences {
		i := strings.Index(body, x[:20])
		if i <= last {
			t.Errorf("sentence %q out of reading order", x)
		}
		last = i
	}
}

func TestSummarizeDeterministic(t *testing.T) {
	d := Document{Title: "Flood barrier", Body: readTestdata(t, "harbour.md")}
	first := mustSummarize(t, d, Options{Sentences: 4})
	for i := 0; i < 20; i++ {
		if got := mustSummarize(t, d, Options{Sentences: 4}); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d gave %q, first gave %q", i, got.Sentences, first.Sentences)
		}
	}
	// Identical sentences (exact score ties) resolve to the earliest.
	body := strings.Repeat("The same sentence is repeated here once more. ", 5)
	s := mustSummarize(t, Document{Body: body}, Options{Sentences: 1})
	if len(s.Sentences) != 1 {
		t.Fatalf("got %q", s.Sentences)
	}
}

func TestOptions(t *testing.T) {
	d := Document{Body: readTestdata(t, "harbour.md")}
	cands, _ := Candidates(d.Body)
	if len(cands) < 8 {
		t.Fatalf("test article has only %d candidate sentences", len(cands))
	}
	for _, n := range []int{1, 2, 5} {
		if s := mustSummarize(t, d, Options{Sentences: n}); len(s.Sentences) != n {
			t.Errorf("Sentences=%d gave %d", n, len(s.Sentences))
		}
	}
	// More sentences than the article has gives them all.
	if s := mustSummarize(t, d, Options{Sentences: 100}); len(s.Sentences) != len(cands) {
		t.Errorf("Sentences=100 gave %d of %d", len(s.Sentences), len(cands))
	}
	for _, budget := range []int{40, 80, 120} {
		s := mustSummarize(t, d, Options{MaxWords: budget})
		if w := wordCount(s.Text()); w > budget || w < budget/2 {
			t.Errorf("MaxWords=%d gave %d words", budget, w)
		}
	}
	// Both limits: the tighter wins.
	s := mustSummarize(t, d, Options{Sentences: 1, MaxWords: 500})
	if len(s.Sentences) != 1 {
		t.Errorf("Sentences=1, MaxWords=500 gave %d sentences", len(s.Sentences))
	}
	// A budget smaller than every sentence still gives one sentence.
	if s := mustSummarize(t, d, Options{MaxWords: 3}); len(s.Sentences) != 1 {
		t.Errorf("MaxWords=3 gave %d sentences", len(s.Sentences))
	}
}

// Asking for everything from a long document stops at MaxSentences
// rather than costing a pass over the document per sentence.
func TestSummaryCap(t *testing.T) {
	d := Document{Body: genArticle(20_000, 5)}
	for _, o := range []Options{{MaxWords: 1 << 30}, {Sentences: 1 << 30}} {
		s := mustSummarize(t, d, o)
		if len(s.Sentences) != MaxSentences {
			t.Errorf("%+v gave %d sentences, want %d", o, len(s.Sentences), MaxSentences)
		}
	}
}

func TestRedundancy(t *testing.T) {
	body := "The mayor of Springfield resigned on Monday after a corruption inquiry. " +
		"The mayor of Springfield resigned on Monday after a corruption inquiry, officials said. " +
		"Her deputy will take over until an election is held in the spring. " +
		"The inquiry found that contracts had been awarded to friends of the mayor."
	s := mustSummarize(t, Document{Body: body}, Options{Sentences: 2})
	if strings.Contains(s.Sentences[1], "resigned on Monday") {
		t.Errorf("near-duplicate chosen twice: %q", s.Sentences)
	}
}

func TestTitleHelps(t *testing.T) {
	body := "Officials met in the capital on Monday to discuss several matters. " +
		"Traffic was heavy around the building all morning long. " +
		"Lunch was served to the delegates at noon in the hall. " +
		"The weather stayed dry and cool for most of the day. " +
		"Later the ministers agreed a new fishing quota for the northern sea."
	d := Document{Title: "Ministers agree northern sea fishing quota", Body: body}
	s := mustSummarize(t, d, Options{Sentences: 2})
	if !strings.Contains(s.Text(), "fishing quota") {
		t.Errorf("headline topic missing from %q", s.Sentences)
	}
}

func TestBadInput(t *testing.T) {
	for _, body := range []string{"", "   \n\n\t  ", "\n", "```\ncode only\n```", "![img](x.png)"} {
		if _, err := Summarize(Document{Body: body}, Options{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("Summarize(%q) err = %v, want ErrEmpty", body, err)
		}
	}
	if ErrEmpty.Error() != "nothing to summarise" {
		t.Errorf("ErrEmpty = %q", ErrEmpty)
	}
	// One sentence gives that sentence, however short.
	for _, body := range []string{"Hi there.", "The only sentence in this article."} {
		s := mustSummarize(t, Document{Body: body}, Options{})
		if !reflect.DeepEqual(s.Sentences, []string{body}) {
			t.Errorf("one sentence %q gave %q", body, s.Sentences)
		}
	}
	// Headings only: the headings, rather than nothing.
	s := mustSummarize(t, Document{Body: "# One\n\n## Two\n"}, Options{})
	if !reflect.DeepEqual(s.Sentences, []string{"One", "Two"}) {
		t.Errorf("headings only gave %q", s.Sentences)
	}
}

func TestNoPunctuationAndHugeSentence(t *testing.T) {
	// 5,000 words with no punctuation at all.
	body := strings.ToLower(strings.NewReplacer(".", "", ",", "").Replace(genArticle(5000, 1)))
	s := mustSummarize(t, Document{Body: body}, Options{})
	if len(s.Sentences) != 3 {
		t.Fatalf("got %d sentences", len(s.Sentences))
	}
	for _, x := range s.Sentences {
		if len([]rune(x)) > sentences.MaxRunes {
			t.Errorf("sentence of %d runes", len([]rune(x)))
		}
	}
}

func TestOtherScripts(t *testing.T) {
	cases := map[string]string{
		"chinese": "今天北京举行了新闻发布会。市政府宣布将修建一座新的大桥。大桥预计明年开工，三年后完工。市民对此表示欢迎。专家认为这将缓解交通压力。",
		"russian": "В Москве прошла пресс-конференция. Мэр объявил о строительстве нового моста. Строительство начнётся в следующем году. Жители приветствуют это решение.",
		"arabic":  "عقد مؤتمر صحفي في القاهرة اليوم. أعلن المحافظ عن بناء جسر جديد. سيبدأ البناء العام المقبل. رحب السكان بالقرار.",
		"mixed":   "The Tokyo 東京 office opened today. 社長は新しい計画を発表した。Analysts in Москва were surprised. Shares rose 3.5% after the news.",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			s := mustSummarize(t, Document{Body: body}, Options{Sentences: 2})
			if len(s.Sentences) != 2 {
				t.Fatalf("got %q", s.Sentences)
			}
			for _, x := range s.Sentences {
				if !strings.Contains(body, x) {
					t.Errorf("sentence %q is not from the text", x)
				}
			}
		})
	}
}

func TestRendering(t *testing.T) {
	s := Summary{Sentences: []string{"First point.", "Second point."}}
	if got, want := s.KeyPoints(), "- First point.\n- Second point.\n"; got != want {
		t.Errorf("KeyPoints = %q, want %q", got, want)
	}
	if got, want := s.Text(), "First point. Second point."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if (Summary{}).KeyPoints() != "" || (Summary{}).Text() != "" {
		t.Error("empty summary renders something")
	}
}

// A scraped page in plain text: headline and navigation lines have no
// full stop and are not prose; "No time to read?" is page furniture.
func TestPlainTextPage(t *testing.T) {
	body := readTestdata(t, "page.txt")
	s := mustSummarize(t, Document{Title: "Library reopens after two-year restoration", Body: body}, Options{Sentences: 4})
	for _, x := range s.Sentences {
		for _, junk := range []string{"No time", "Get a summary", "Article", "cycle lanes", "carved stones", "Library reopens"} {
			if strings.Contains(x, junk) {
				t.Errorf("summary sentence %q contains %q", x, junk)
			}
		}
	}
	if len(s.Sentences) != 4 || !strings.HasPrefix(s.Sentences[0], "The city's central library reopened") {
		t.Errorf("summary %q", s.Sentences)
	}
	// "9 a.m. Friday" does not end a sentence.
	if !strings.Contains(s.Text(), "9 a.m. Friday.") && strings.Contains(s.Text(), "Hundreds") {
		t.Errorf("a.m. split wrongly: %q", s.Sentences)
	}
}

func TestHeadline(t *testing.T) {
	for p, want := range map[string]bool{
		"Previous Article":                  true,
		"Council approves new cycle lanes":  true,
		"Why did the council act?":          false,
		"The council approved the lanes.":   false,
		"“The lanes are safe,” she said.”":  false,
		"A list item without a full stop":   true,
		strings.Repeat("word ", 30) + "end": false,
	} {
		if got := headline(p); got != want {
			t.Errorf("headline(%q) = %v, want %v", p, got, want)
		}
	}
}

// A short article is given whole, in order, and said to be short; a
// budget the reader asked for still applies; a long one is summarised.
func TestShortArticleShownInFull(t *testing.T) {
	short := "The ferry to the island will run every hour from Monday. The harbour office said repairs to the slipway were finished. Fares stay the same."
	s, err := Summarize(Document{Title: "Ferry back", Body: short}, Options{})
	want := []string{"The ferry to the island will run every hour from Monday.",
		"The harbour office said repairs to the slipway were finished.", "Fares stay the same."}
	if err != nil || !s.Short || !slices.Equal(s.Sentences, want) {
		t.Errorf("short article: %v %+v", err, s)
	}
	if s, _ := Summarize(Document{Body: short}, Options{Sentences: 1}); s.Short || len(s.Sentences) != 1 {
		t.Errorf("--sentences 1 on a short article: %+v", s)
	}
	zh := strings.Repeat("研究人员发现，酒精和海拔高度对酒精测定仪读数或完成任务的表现情况没有交互作用。", 10)
	if s, _ := Summarize(Document{Body: zh}, Options{}); s.Short {
		t.Errorf("a Chinese article of %d characters taken for short: %+v", len([]rune(zh)), s)
	}
	var long strings.Builder
	for i := range 12 {
		fmt.Fprintf(&long, "The council heard report number %d on the harbour wall and its cost to the town. ", i)
	}
	if s, _ := Summarize(Document{Body: long.String()}, Options{}); s.Short || len(s.Sentences) != 3 {
		t.Errorf("a long article: %+v", s)
	}
}
