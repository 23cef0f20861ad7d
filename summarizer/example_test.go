package summarizer_test

import (
	"fmt"

	"github.com/brief-news/brief/summarizer"
)

func ExampleSummarize() {
	doc := summarizer.Document{
		Title: "Bridge closed after barge strike",
		Body: `LONDON (Newswire) - A river bridge was closed on Monday after a barge struck one of its piers.

Engineers said the pier had shifted by 3.5cm. The bridge carries 40,000 vehicles a day.

Click here to sign up for traffic alerts.

Inspectors will decide on Friday whether the bridge can reopen. The barge's owner, Acme Inc. said its crew was unhurt.`,
	}
	s, err := summarizer.Summarize(doc, summarizer.Options{Sentences: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(s.KeyPoints())
	// Output:
	// - A river bridge was closed on Monday after a barge struck one of its piers.
	// - The bridge carries 40,000 vehicles a day.
}

func ExampleSentences() {
	for _, s := range summarizer.Sentences("He moved to the U.S. Later he met Dr. Jones at 9 a.m. on Jan. 5. “It was fate,” he said.") {
		fmt.Println(s)
	}
	// Output:
	// He moved to the U.S.
	// Later he met Dr. Jones at 9 a.m. on Jan. 5.
	// “It was fate,” he said.
}
