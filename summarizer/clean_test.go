package summarizer

import (
	"reflect"
	"testing"
)

func TestCleanParagraph(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"Daily Mail byline and stamps",
			"By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . The bishop has exposed hundreds to hepatitis.",
			"The bishop has exposed hundreds to hepatitis."},
		{"Daily Mail byline alone",
			"By . Daily Mail Reporter . A website has been ordered to remove a claim.",
			"A website has been ordered to remove a claim."},
		{"last updated stamp",
			"By . Daily Mail Reporter . Last updated at 1:25 AM on 3rd August 2011 . The star shocked his followers.",
			"The star shocked his followers."},
		{"Reuters dateline",
			"LONDON (Reuters) - Britain's economy grew faster than expected.",
			"Britain's economy grew faster than expected."},
		{"CNN dateline",
			"(CNN) -- A senior official resigned on Friday.",
			"A senior official resigned on Friday."},
		{"CNN dateline with place",
			"Kabul, Afghanistan (CNN) -- China's top security official paid a visit.",
			"China's top security official paid a visit."},
		{"dateline with a date",
			"WASHINGTON, May 3 (AP) — The Senate passed the bill.",
			"The Senate passed the bill."},
		{"a parenthesis that is not an agency",
			"The company (Acme) — which makes anvils — grew.",
			"The company (Acme) — which makes anvils — grew."},
		{"CNN dateline glued to the first word",
			"(CNN)The storm reached the coast overnight.",
			"The storm reached the coast overnight."},
		{"glued dateline with place and a quotation",
			"Lagos, Nigeria (CNN)\"We are ready,\" the minister said.",
			"\"We are ready,\" the minister said."},
		{"website dateline",
			"(Style.com) -- The designer showed twelve coats.",
			"The designer showed twelve coats."},
		{"a name and acronym glued to a word is not at the start",
			"The World Health Organization (WHO)said little.",
			"The World Health Organization (WHO)said little."},
		{"capitals dateline",
			"WASHINGTON — The Senate passed the bill.",
			"The Senate passed the bill."},
		{"plain byline paragraph", "By Jane Smith, BBC News", ""},
		{"byline with two names", "By Jane Smith and John Doe", ""},
		{"stray full stop before lower case",
			"Two lawyers representing a woman who . claims to be a victim sued.",
			"Two lawyers representing a woman who claims to be a victim sued."},
		{"stray full stop after a function word",
			"In a filing last week, Cassell and . Edwards said their client was forced.",
			"In a filing last week, Cassell and Edwards said their client was forced."},
		{"caption running into a sentence",
			"The car was wrecked (pictured) Police said he had been drinking.",
			"The car was wrecked (pictured). Police said he had been drinking."},
		{"video pointer running into a sentence",
			"Watch how the storm hit the coast » The mayor said the town would rebuild.",
			"Watch how the storm hit the coast » . The mayor said the town would rebuild."},
		{"French closing guillemet is not a pointer",
			"« C'est fini » Il est parti.",
			"« C'est fini » Il est parti."},
		{"short sentence starting with By and a capital is kept",
			"By Monday, all was calm.",
			"By Monday, all was calm."},
		{"sentence starting with By is kept",
			"By the end of the day, the market had recovered.",
			"By the end of the day, the market had recovered."},
		{"ordinary text untouched",
			"Stocks rose 3.5% on Monday.",
			"Stocks rose 3.5% on Monday."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := cleanParagraph(c.in); got != c.want {
				t.Errorf("cleanParagraph(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanSentences(t *testing.T) {
	in := []string{
		"The council approved the new budget on Tuesday evening.",
		"Scroll down for video .",
		"Click here to subscribe to our newsletter.",
		"Share this article.",
		"Photo: Jane Smith/Getty Images.",
		"Mr Smith (pictured) arrives at court on Monday .",
		"Retread: David Cameron with Samantha yesterday.",
		"Pictured: the damaged car.",
		"'Scared': Johnson announces he has HIV at a press conference in 1991.",
		"Final embrace: These sessions are just for terminally ill or elderly pets .",
		"On-screen: Miss Smith won an award for her role in the film .",
		"'Royal' collection: Baby items from the shop which pays its profits to charity .",
		"Andrew Moss: He will be paid £80,000 a month for the next year .",
		"VIDEO Scroll down to watch the manager explain his plans for the season .",
		"Yes.",
		"Get a free trial issue of the magazine - CLICK HERE!",
		"See the rescue as it happened » .",
		"© Provided by Harbour Media Ltd Two ferries at the quay.",
		"The Weekly Courier's Sam Reed contributed to this report.",
		"E-mail to a friend .",
		"Making history: the first ferry with a rooftop garden .",
		"Expect us.",
		"NEWCASTLE SIGN FOREST DUO .",
		"Decoding the data .",
		"Bridget Jones: The Edge of Reason was named film of the year at the ceremony.",
		"The service will be free and those who sign up can get e-mail or text alerts.",
		"»Wir schaffen das«, sagte die Kanzlerin am Montag in Berlin.",
		"Residents said they would subscribe to any plan that cut their council tax bills, according to a survey of the town's households.",
	}
	want := []string{
		"The council approved the new budget on Tuesday evening.",
		"Bridget Jones: The Edge of Reason was named film of the year at the ceremony.",
		"The service will be free and those who sign up can get e-mail or text alerts.",
		"»Wir schaffen das«, sagte die Kanzlerin am Montag in Berlin.",
		"Residents said they would subscribe to any plan that cut their council tax bills, according to a survey of the town's households.",
	}
	if got := CleanSentences(in); !reflect.DeepEqual(got, want) {
		t.Errorf("CleanSentences\n got %q\nwant %q", got, want)
	}
}

// Text in scripts without spaces is not mistaken for a fragment.
func TestTooShortCJK(t *testing.T) {
	if tooShort("今天天气很好，我们去公园散步吧。") {
		t.Error("a Chinese sentence was judged too short")
	}
	if !tooShort("好的。") {
		t.Error("a three-character fragment was kept")
	}
	if !tooShort("Supercalifragilistic") {
		t.Error("one long Latin word was kept as a sentence")
	}
}
