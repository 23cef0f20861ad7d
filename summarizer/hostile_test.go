package summarizer

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/hostiletest"
)

// TestSentencesHaveNoControls: character references are decoded for the
// sentences, which are printed as they are; one that decodes to a
// control must not bring it back.
func TestSentencesHaveNoControls(t *testing.T) {
	body := "The council met on Tuesday &#27;]0;PWNED&#7; to vote on the trams. " +
		"It voted &#x1b;[2J eleven to four &#x202e;in favour. " +
		"The service&ZeroWidthSpace; starts in March&#8203; next year. " +
		"Costs are shared&#917601; by the city and the venues."
	s, err := Summarize(Document{Title: "Trams", Body: body}, Options{Sentences: 4})
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(s.Sentences, "\n")
	if err := hostiletest.Check([]byte(joined)); err != nil {
		t.Errorf("%v\n%q", err, joined)
	}
	if !strings.Contains(joined, "eleven to four") {
		t.Errorf("sentences %q", joined)
	}
}
