package present

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/llm"
	"github.com/brief-news/brief/summarizer"
)

// While the model writes, its answer so far shows above the offline
// summary, which stays; once done, the model's points alone, escaped.
func TestModelSummaryMarkdown(t *testing.T) {
	off := summarizer.Summary{Sentences: []string{"The wall will be rebuilt."}}
	for _, tc := range []struct {
		s    ModelSummary
		want string
	}{
		{ModelSummary{Model: "llama3.2"},
			"*Asking llama3.2… (esc cancels)*\n\n---\n\n**Key points**\n\n- The wall will be rebuilt.\n\n"},
		{ModelSummary{Model: "llama3.2", Progress: llm.Progress{Text: "- The council\n- Work sta"}},
			"- The council\n- Work sta\n\n*llama3.2 is writing… (esc cancels)*\n\n---\n\n**Key points**\n\n- The wall will be rebuilt.\n\n"},
		{ModelSummary{Model: "llama3.2", Progress: llm.Progress{Part: 2, Parts: 3}},
			"*The article is long: llama3.2 is summarising part 2 of 3…*\n\n---\n\n**Key points**\n\n- The wall will be rebuilt.\n\n"},
		{ModelSummary{Model: "llama3.2", Result: &llm.Result{Points: []string{"[Link](x) *bold*", "- 3 million"}, Parts: 3}},
			"- \\[Link\\](x) \\*bold\\*\n- \\- 3 million\n\n*The article is long: it was summarised in 3 parts, then the parts' summaries together.*\n\n"},
	} {
		if got := ModelSummaryMarkdown(tc.s, off, nil); got != tc.want {
			t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
		}
	}
	if got := ModelSummaryMarkdown(ModelSummary{Model: "m"}, summarizer.Summary{}, summarizer.ErrEmpty); !strings.Contains(got, "Nothing to summarise") {
		t.Errorf("offline error lost: %q", got)
	}
}
