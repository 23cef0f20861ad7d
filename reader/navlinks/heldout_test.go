package navlinks_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-news/brief/reader/navlinks"
	"github.com/brief-news/brief/reader/page"
)

// The held-out evaluation of previous/next links: real article pages
// saved by other projects' test suites, which the detector's rules were
// not written against. The pages stay outside the repository (see
// BENCHMARKS.md for where to get them); only their hand labels are here,
// in testdata/navlinks_heldout.tsv:
//
//	<folder>/<file>	<previous URL or ->	<next URL or ->
//
// Run it with
//
//	BRIEF_HELDOUT_DIR=/path/to/pages go test ./reader/navlinks -run TestNavLinksHeldOut -v

// heldOutLabel is one labelled page.
type heldOutLabel struct {
	set  string // what it is counted in: the "#set" line above it, else its folder
	page string
	want [2]string // prev, next; "" for none
}

func readHeldOutLabels(t *testing.T) []heldOutLabel {
	f, err := os.Open(filepath.Join("testdata", "navlinks_heldout.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []heldOutLabel
	set := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "#set "); ok {
			set = strings.TrimSpace(name)
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("navlinks_heldout.tsv:%d: want 3 tab-separated columns, have %d", n, len(cols))
		}
		l := heldOutLabel{set: set, page: cols[0]}
		if l.set == "" {
			l.set, _, _ = strings.Cut(l.page, "/")
		}
		for i, c := range cols[1:] {
			if c != "-" {
				l.want[i] = c
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNavLinksHeldOut measures previous/next detection on the held-out
// pages and fails when precision or recall falls below the aims
// (0.95 / 0.85). It skips when BRIEF_HELDOUT_DIR is unset or absent.
func TestNavLinksHeldOut(t *testing.T) {
	dir := os.Getenv("BRIEF_HELDOUT_DIR")
	if dir == "" {
		t.Skip("BRIEF_HELDOUT_DIR is not set")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Skip("held-out pages not present at " + dir)
	}
	labels := readHeldOutLabels(t)
	type tally struct{ pages, withLinks, tp, fp, fn int }
	bySource := map[string]*tally{}
	var all tally
	var missing []string
	for _, l := range labels {
		path := filepath.Join(dir, filepath.FromSlash(l.page))
		src, err := os.ReadFile(path)
		if err != nil {
			missing = append(missing, l.page)
			continue
		}
		s := bySource[l.set]
		if s == nil {
			s = &tally{}
			bySource[l.set] = s
		}
		s.pages++
		if l.want != [2]string{} {
			s.withLinks++
		}
		a, err := page.Parse(src, "", path, "", false)
		if err != nil {
			t.Errorf("%s: %v", l.page, err)
			continue
		}
		for i, got := range []*navlinks.Link{a.Prev, a.Next} {
			side := [2]string{"prev", "next"}[i]
			want := l.want[i]
			switch {
			case got != nil && want != "" && linkMatches(got.URL, want):
				s.tp++
				t.Logf("ok   %s %s: %s %q %q (%s)", l.page, side, got.URL, got.Label, got.Title, got.Kind)
			case got != nil:
				s.fp++
				t.Logf("FP   %s %s: %s %q %q (%s), want %q", l.page, side, got.URL, got.Label, got.Title, got.Kind, want)
				if want != "" {
					s.fn++
				}
			case want != "":
				s.fn++
				t.Logf("FN   %s %s: want %s", l.page, side, want)
			}
		}
	}
	if len(missing) == len(labels) {
		t.Skip("none of the labelled pages is under " + dir)
	}
	sources := make([]string, 0, len(bySource))
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, name := range sources {
		s := bySource[name]
		t.Logf("%-26s pages %3d (%2d with links): %3d correct, %2d wrong, %2d missed; precision %.3f, recall %.3f",
			name, s.pages, s.withLinks, s.tp, s.fp, s.fn, float64(s.tp)/float64(max(1, s.tp+s.fp)), float64(s.tp)/float64(max(1, s.tp+s.fn)))
		all.pages += s.pages
		all.withLinks += s.withLinks
		all.tp += s.tp
		all.fp += s.fp
		all.fn += s.fn
	}
	prec := float64(all.tp) / float64(max(1, all.tp+all.fp))
	rec := float64(all.tp) / float64(max(1, all.tp+all.fn))
	t.Logf("pages %d, %d with links; links: %d correct, %d wrong, %d missed; precision %.3f, recall %.3f",
		all.pages, all.withLinks, all.tp, all.fp, all.fn, prec, rec)
	if len(missing) > 0 {
		t.Errorf("%d labelled pages are missing under %s (first: %s)", len(missing), dir, missing[0])
	}
	if prec < 0.95 || rec < 0.85 {
		t.Errorf("precision %.3f / recall %.3f below the aim of 0.95 / 0.85", prec, rec)
	}
}
