package page

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/brief-news/brief/reader/internal/words"
)

// A second evaluation set, kept outside the repository: trafilatura's
// snippet test (tests/evaldata.json with tests/cache/*.html from
// github.com/adbar/trafilatura), which names for each page strings the
// article must hold ("with") and boilerplate it must not ("without").
// Point BRIEF_SNIPPET_EVAL at a folder holding evaldata.json and cache/:
//
//	BRIEF_SNIPPET_EVAL=/tmp/trafeval/tests go test ./reader/page -run TestSnippetEval -v
//
// Precision is found/(found+leaked boilerplate), recall found/(found+
// missed), as trafilatura's own evaluation counts them.

type snippetCase struct {
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

type snippetScore struct{ tp, fn, tn, fp int }

func (s *snippetScore) add(text string, c snippetCase) (leaked, missed []string) {
	for _, w := range c.With {
		if strings.Contains(text, words.Collapse(w)) {
			s.tp++
		} else {
			s.fn++
			missed = append(missed, w)
		}
	}
	for _, w := range c.Without {
		if strings.Contains(text, words.Collapse(w)) {
			s.fp++
			leaked = append(leaked, w)
		} else {
			s.tn++
		}
	}
	return leaked, missed
}

func (s snippetScore) prf() (p, r, f float64) {
	p = float64(s.tp) / float64(max(1, s.tp+s.fp))
	r = float64(s.tp) / float64(max(1, s.tp+s.fn))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func TestSnippetEval(t *testing.T) {
	dir := os.Getenv("BRIEF_SNIPPET_EVAL")
	if dir == "" {
		t.Skip("BRIEF_SNIPPET_EVAL not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]snippetCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(cases))
	for k := range cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var ours, base snippetScore
	pages := 0
	for _, k := range keys {
		c := cases[k]
		src, err := os.ReadFile(filepath.Join(dir, "cache", c.File))
		if err != nil {
			continue
		}
		pages++
		text := ""
		if p, err := Parse(src, "", k, k, true); err == nil {
			text = snippetText(p.Body)
		} else {
			t.Logf("%s: %v", c.File, err)
		}
		leaked, missed := ours.add(text, c)
		if len(leaked)+len(missed) > 0 {
			t.Logf("%s: leaked %q missed %q", c.File, leaked, missed)
		}
		if b, err := readability.FromReader(bytes.NewReader(src), nil); err == nil && b.Node != nil {
			var sb strings.Builder
			b.RenderText(&sb)
			bt := words.Collapse(sb.String())
			base.add(bt, c)
			for _, m := range missed {
				if strings.Contains(bt, words.Collapse(m)) {
					t.Logf("%s: plain readeck has %q", c.File, m)
				}
			}
		} else {
			base.add("", c)
		}
	}
	p, r, f := ours.prf()
	bp, br, bf := base.prf()
	t.Logf("pages %d: brief precision %.3f recall %.3f F1 %.3f (leaked %d, missed %d); plain readeck precision %.3f recall %.3f F1 %.3f",
		pages, p, r, f, ours.fp, ours.fn, bp, br, bf)
}

// markupChars are markdown's emphasis, escape, heading and link marks,
// which a reader does not see as text.
var markupChars = strings.NewReplacer("**", "", "\\", "", "[", "", "]", "", "`", "")

// snippetText is the article's markdown as the one line of text a
// reader sees: link destinations, emphasis marks, escapes and block
// markers dropped.
func snippetText(md string) string {
	// As markdownText, but a link's text joins what follows it with no
	// space, as a reader sees "([PDF](…))".
	md = orderedMarker.ReplaceAllString(md, "$1")
	md = html.UnescapeString(markdownDest.ReplaceAllString(md, "]"))
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, "> ")
		l = strings.TrimLeft(l, "#")
		if strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") {
			l = l[2:]
		}
		lines[i] = markupChars.Replace(l)
	}
	return words.Collapse(strings.ReplaceAll(strings.Join(lines, "\n"), "\u00ad", ""))
}
