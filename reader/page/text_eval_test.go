package page

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
)

// A third evaluation set, kept outside the repository: pages with their
// article text marked by hand, laid out as <set>/<lang>/html/<name>.html
// beside <set>/<lang>/text/<name>.txt (github.com/leogao2/htmltotext-benchmark's
// benchmarkdata/ has this form). Measurement only:
//
//	BRIEF_TEXT_EVAL=/path/to/benchmarkdata go test ./reader/page -run TestHandMarkedEval -v
//
// Per page: precision and recall of the article's words (what a reader
// sees, and the raw markdown) against the hand-marked text; the means,
// with plain readeck's text beside them.
func TestHandMarkedEval(t *testing.T) {
	root := os.Getenv("BRIEF_TEXT_EVAL")
	if root == "" {
		t.Skip("BRIEF_TEXT_EVAL not set")
	}
	htmls, _ := filepath.Glob(filepath.Join(root, "*", "html", "*.html"))
	sort.Strings(htmls)
	type row struct {
		name               string
		p, r, rawP, bp, br float64
		extra              []string
	}
	var rows []row
	for _, h := range htmls {
		want, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(h)), "text", strings.TrimSuffix(filepath.Base(h), ".html")+".txt"))
		if err != nil {
			continue
		}
		src, err := os.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		wt := tokenize(string(want))
		r := row{name: filepath.Base(filepath.Dir(filepath.Dir(h))) + "/" + filepath.Base(h)}
		if p, err := Parse(src, "", h, "", true); err == nil {
			r.p, r.r, r.extra = prf(tokenize(markdownText(p.Body)), wt)
			r.rawP, _, _ = prf(tokenize(p.Body), wt)
		} else {
			t.Logf("%s: %v", r.name, err)
		}
		if b, err := readability.FromReader(bytes.NewReader(src), nil); err == nil && b.Node != nil {
			var sb strings.Builder
			b.RenderText(&sb)
			r.bp, r.br, _ = prf(tokenize(sb.String()), wt)
		}
		rows = append(rows, r)
	}
	var sp, sr, sraw, sbp, sbr float64
	for _, r := range rows {
		extra := r.extra
		if len(extra) > 20 {
			extra = extra[:20]
		}
		t.Logf("%s: P %.3f R %.3f (raw P %.3f; readeck P %.3f R %.3f) extra: %s", r.name, r.p, r.r, r.rawP, r.bp, r.br, strings.Join(extra, " "))
		sp += r.p
		sr += r.r
		sraw += r.rawP
		sbp += r.bp
		sbr += r.br
	}
	n := float64(max(1, len(rows)))
	f := func(p, r float64) float64 { return 2 * p * r / max(1e-9, p+r) }
	t.Logf("pages %d: brief precision %.4f recall %.4f F1 %.4f (raw markdown precision %.4f); plain readeck precision %.4f recall %.4f F1 %.4f",
		len(rows), sp/n, sr/n, f(sp/n, sr/n), sraw/n, sbp/n, sbr/n, f(sbp/n, sbr/n))
}
