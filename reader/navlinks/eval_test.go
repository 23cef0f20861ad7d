package navlinks_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/internal/evaldata"
	"github.com/brief-news/brief/reader/navlinks"
	"github.com/brief-news/brief/reader/page"
)

// navTruth is the hand labelling of Mozilla's readability test pages
// (../shared/eval/readability, from the repository's parent): for each page that links to an adjacent
// article or chapter, the expected previous and next URLs ("" for none).
// Pages saved without a canonical URL keep relative links, so entries
// are matched as URL suffixes, fragments aside. Every page not listed
// must yield no link at all; 34 or so of them carry look-alike markup
// (comment pagers, galleries, "Up next", "Read next", carousels, a
// ribbon of homepage stories, "Next Page" of the same article).
var navTruth = map[string][2]string{
	"001":                  {"/code/2013/functional-javascript-for-crawling-the-web/", "/code/2013/testing-frontend-javascript-code-using-mocha-chai-and-sinon/"},
	"002":                  {"https://hacks.mozilla.org/2015/03/ruby-support-in-firefox-developer-edition-38/", "https://hacks.mozilla.org/2015/03/optimising-svg-images/"},
	"archive-of-our-own":   {"", "/works/11808918/chapters/26796918"},
	"ars-1":                {"https://arstechnica.com/tech-policy/2015/04/dozens-of-us-government-online-whistleblower-sites-not-secured-by-https/", "https://arstechnica.com/gaming/2015/04/hidden-files-suggest-street-fighters-ryu-may-come-to-smash-bros/"},
	"blogger":              {"http://siliconexposed.blogspot.tw/2015/10/new-gpg-key.html", ""},
	"ebb-org":              {"/bkuhn/blog/2019/05/23/github-sponsors.html", ""},
	"firefox-nightly-blog": {"https://blog.nightly.mozilla.org/2020/12/08/these-weeks-in-firefox-issue-84/", "https://blog.nightly.mozilla.org/2021/01/19/these-weeks-in-firefox-issue-86/"},
	"google-sre-book-1":    {"/sre/sre-book/chapters/eliminating-toil", "/sre/sre-book/chapters/automation-at-google"},
	"heise":                {"http://www.heise.de/mac-and-i/meldung/HBO-Zugriff-per-Apple-Geraet-verfuegbar-2596982.html", "http://www.heise.de/mac-and-i/meldung/GPS-Streckenerfasser-Speed-PRO-aktuell-kostenlos-2597093.html"},
	"links-in-tables":      {"https://android-developers.googleblog.com/2016/12/welcoming-android-711-nougat.html", "https://android-developers.googleblog.com/2016/12/watch-sessions-from-the-playtime-2016-events-to-learn-how-to-succeed-on-android-and-google-play.html"},
	"mercurial":            {"/user-guide.html", "/concepts.html"},
	"pixnet":               {"http://stevenhgm.pixnet.net/blog/post/39815080-%e6%84%9b%e4%b8%8a%e5%96%9c%e7%bf%81%e9%9c%b2%e7%87%9f_%e6%ad%a1%e6%85%b6%e8%81%96%e8%aa%95%e5%a4%9c%e5%b8%82%e8%b6%b4", "http://stevenhgm.pixnet.net/blog/post/40120789-%e8%b5%b0%e9%80%b2%e8%8e%ab%e5%85%a7%e9%81%87%e8%a6%8b%e8%90%bd%e7%be%bd%e6%9d%be_%e8%8f%81%e8%8a%b3%e5%9c%92"},
	"quanta-1":             {"", "https://www.quantamagazine.org/math-puzzle-solution-the-joy-of-recursion-20190516/"},
	"royal-road":           {"https://www.royalroad.com/fiction/63759/super-supportive/chapter/1446199/one-hundred-one-anesidora-time-0715-pm", "https://www.royalroad.com/fiction/63759/super-supportive/chapter/1453643/one-hundred-three-artonan-conversations"},
	"salon-1":              {"", "http://www.salon.com/2015/01/31/satoshi_nakamoto%e2%80%99s_greatest_creation/"},
	"tumblr":               {"http://mcupdate.tumblr.com/post/89960443749", "http://mcupdate.tumblr.com/post/102272891284"},
	"wordpress":            {"https://wptavern.com/google-launches-invisible-recaptcha", "https://wptavern.com/wefoster-launches-hosting-platform-catered-to-online-communities"},
}

// linkMatches compares a found URL with a labelled one, ignoring the
// fragment and letter case of percent escapes.
func linkMatches(got, want string) bool {
	if i := strings.IndexByte(got, '#'); i >= 0 {
		got = got[:i]
	}
	return strings.HasSuffix(strings.ToLower(got), strings.ToLower(want))
}

// TestNavLinksEval measures previous/next detection on the eval pages
// and fails when precision or recall falls below the aims.
//
//	go test ./reader/navlinks -run TestNavLinksEval -v
func TestNavLinksEval(t *testing.T) {
	dir, names := evaldata.ReadabilityPages(t)
	tp, fp, fn := 0, 0, 0
	pagesWith := 0
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, name, "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := page.Parse(src, "", filepath.Join(dir, name, "source.html"), "", false)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want, labelled := navTruth[name]
		if labelled {
			pagesWith++
		}
		for i, got := range []*navlinks.Link{a.Prev, a.Next} {
			side := [2]string{"prev", "next"}[i]
			switch {
			case got != nil && want[i] != "" && linkMatches(got.URL, want[i]):
				tp++
				t.Logf("ok   %s %s: %s %q %q (%s)", name, side, got.URL, got.Label, got.Title, got.Kind)
			case got != nil:
				fp++
				t.Logf("FP   %s %s: %s %q %q (%s), want %q", name, side, got.URL, got.Label, got.Title, got.Kind, want[i])
				if want[i] != "" {
					fn++
				}
			case want[i] != "":
				fn++
				t.Logf("FN   %s %s: want %s", name, side, want[i])
			}
		}
	}
	prec := float64(tp) / float64(max(1, tp+fp))
	rec := float64(tp) / float64(max(1, tp+fn))
	t.Logf("pages %d, %d labelled with links; links: %d correct, %d wrong, %d missed; precision %.3f, recall %.3f",
		len(names), pagesWith, tp, fp, fn, prec, rec)
	if prec < 0.95 || rec < 0.85 {
		t.Errorf("precision %.3f / recall %.3f below the aim of 0.95 / 0.85", prec, rec)
	}
}
