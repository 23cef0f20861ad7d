package reader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/chainfolder"
	"github.com/brief-news/brief/reader/fetch"
)

func TestNormalizeTitle(t *testing.T) {
	same := [][2]string{
		{"Champion — and Wants", "champion - and wants"},
		{"Champion—and Wants", "champion - and wants"},
		{"Origin.", "Origin"},
		{"Origin", "origin!?"},
		{"Weavers’ Guild", "Weavers' Guild"},
		{"“Quoted” Title", "\"quoted\" title"},
		{"  Spaced \t Out  ", "spaced out"},
		{"Non\u00a0breaking", "non breaking"},
		{"ＦＵＬＬ width", "full width"},
	}
	for _, p := range same {
		if a, b := NormalizeTitle(p[0]), NormalizeTitle(p[1]); a != b {
			t.Errorf("%q → %q, %q → %q: want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"Origin", "Origins"},
		{"Low-Cost Sensors", "Low Cost Sensors"},
		{"A 3.5% Rise", "A 35% Rise"},
	}
	for _, p := range differ {
		if NormalizeTitle(p[0]) == NormalizeTitle(p[1]) {
			t.Errorf("%q and %q should differ", p[0], p[1])
		}
	}
}

func TestLoadChain(t *testing.T) {
	c, err := Load(context.Background(), []string{"testdata/chain"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Articles {
		got = append(got, a.Location)
	}
	want := []string{
		"testdata/chain/a.txt", "testdata/chain/b.txt", "testdata/chain/sub/c.txt", // the chain in reading order
		"testdata/chain/sub/loose.txt", // then the rest
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order %v, want %v (hidden files must be skipped)", got, want)
	}
	links := map[string][2]string{ // location → prev, next targets
		"testdata/chain/a.txt":     {"", "testdata/chain/b.txt"},
		"testdata/chain/b.txt":     {"testdata/chain/a.txt", "testdata/chain/sub/c.txt"},
		"testdata/chain/sub/c.txt": {"testdata/chain/b.txt", ""},
	}
	for loc, w := range links {
		a := c.Lookup(loc)
		if a == nil {
			t.Fatalf("%s not found", loc)
		}
		if g := target(a.Prev); g != w[0] {
			t.Errorf("%s prev → %q, want %q", loc, g, w[0])
		}
		if g := target(a.Next); g != w[1] {
			t.Errorf("%s next → %q, want %q", loc, g, w[1])
		}
	}
	loose := c.Lookup("testdata/chain/sub/loose.txt")
	if loose.Next == nil || loose.Next.Resolved || loose.Next.Title != "An Article From Another Edition" {
		t.Errorf("unresolved link must be kept: %+v", loose.Next)
	}
	for _, a := range c.Articles {
		if !a.Partial || a.Body != "" {
			t.Errorf("%s: folder load must only scan", a.Location)
		}
	}
	full, err := c.Open(context.Background(), c.Articles[1])
	if err != nil || full.Body != "Body of the second article." || target(full.Next) != "testdata/chain/sub/c.txt" {
		t.Errorf("open: %v %+v", err, full)
	}
}

func target(l *Link) string {
	if l == nil {
		return ""
	}
	return l.Target
}

func TestLoadBadFolder(t *testing.T) {
	c, err := Load(context.Background(), []string{"testdata/bad"}, nil)
	if err != nil {
		t.Fatalf("a folder's bad files are warnings, not errors: %v", err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Title != "A Story With No Links" {
		t.Errorf("articles %v", c.Articles)
	}
	var msgs []string
	for _, w := range c.Skipped {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		"testdata/bad/empty.txt is empty",
		"testdata/bad/headline-only.txt has a headline but no article text",
		"testdata/bad/image.txt is not text (image/png)",
	}
	// A picture by its name is passed over quietly and counted; a .txt
	// that is a picture looks like an article and is warned about.
	if c.PassedOver != 1 {
		t.Errorf("passed over %d, want 1 (image.jpg)", c.PassedOver)
	}
	for _, w := range want {
		found := false
		for _, m := range msgs {
			found = found || m == w
		}
		if !found {
			t.Errorf("missing warning %q in %q", w, msgs)
		}
	}
	if len(msgs) != len(want) {
		t.Errorf("warnings %q", msgs)
	}
}

func TestLoadDirectErrors(t *testing.T) {
	c, err := Load(context.Background(), []string{"testdata/bad/empty.txt", "testdata/text/nolinks.txt", "testdata/missing.txt"}, nil)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want FileError, got %v", err)
	}
	if !strings.Contains(err.Error(), "testdata/bad/empty.txt is empty") || !strings.Contains(err.Error(), "testdata/missing.txt does not exist") {
		t.Errorf("error %q", err)
	}
	if len(c.Articles) != 1 {
		t.Errorf("the readable source still loads: %v", c.Articles)
	}
}

func TestLoadStdinAndDuplicates(t *testing.T) {
	in := strings.NewReader("From Stdin\n\nPiped body.\n\nNext Article\nFirst in the Chain\n")
	c, err := Load(context.Background(), []string{"-", "testdata/chain/a.txt", "./testdata/chain"}, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 5 {
		t.Errorf("want 5 articles (a.txt once), got %d", len(c.Articles))
	}
	s := c.Lookup("-")
	if s == nil || s.Partial || s.Body != "Piped body." || target(s.Next) != "testdata/chain/a.txt" {
		t.Errorf("stdin article %+v", s)
	}
}

func TestOrderRest(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	arts := []*Article{
		{Title: "undated b", Location: "b"},
		{Title: "old", Location: "z", Published: d("2020-01-01")},
		{Title: "undated a", Location: "a"},
		{Title: "new", Location: "y", Published: d("2026-01-01")},
	}
	c := NewCollection(arts)
	var got []string
	for _, a := range c.Articles {
		got = append(got, a.Title)
	}
	if strings.Join(got, ",") != "new,old,undated a,undated b" {
		t.Errorf("order %v", got)
	}
}

func TestOrderCycleAndBranches(t *testing.T) {
	link := func(title string) *Link { return &Link{Title: title, Kind: KindText} }
	arts := []*Article{
		{Title: "A", Location: "a", Next: link("B")},
		{Title: "B", Location: "b", Next: link("C")},
		{Title: "C", Location: "c", Next: link("A")}, // closes a cycle
		{Title: "D", Location: "d", Next: link("B")}, // a second way into B
	}
	c := NewCollection(arts)
	if len(c.Articles) != 4 {
		t.Fatalf("lost articles: %v", c.Articles)
	}
	seen := map[string]bool{}
	for _, a := range c.Articles {
		if seen[a.Location] {
			t.Errorf("%s listed twice", a.Location)
		}
		seen[a.Location] = true
	}
	if c.Articles[0].Title != "A" || c.Articles[1].Title != "B" || c.Articles[2].Title != "C" {
		t.Errorf("chain order %v %v %v", c.Articles[0].Title, c.Articles[1].Title, c.Articles[2].Title)
	}
	for _, a := range arts {
		if !a.Next.Resolved {
			t.Errorf("%s: a link stays resolved even when the list cannot follow it", a.Title)
		}
	}
}

// writeFolder generates n chained articles of about 400 words each.
func writeFolder(tb testing.TB, n int) string { return writeFolderNamed(tb, n, false) }

// writeFolderNamed is writeFolder with the file names in reading order
// or, reversed, the last article in the first file name.
func writeFolderNamed(tb testing.TB, n int, reversed bool) string {
	dir := tb.TempDir()
	if err := chainfolder.Write(dir, n, reversed, false); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func TestLoadGeneratedChain(t *testing.T) {
	for _, rev := range []bool{false, true} {
		dir := writeFolderNamed(t, 300, rev)
		c, err := Load(context.Background(), []string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range c.Articles {
			if want := fmt.Sprintf("Generated Article Number %d", i); a.Title != want {
				t.Fatalf("reversed %v, position %d: %q, want %q", rev, i, a.Title, want)
			}
		}
	}
}

// TestOrderLongChainAndCycle: a long chain read in either name order
// comes out in reading order, and a link closing it into a ring is
// refused (the first article by name order of the ring's rest stays
// the head, and every article is listed once).
func TestOrderLongChainAndCycle(t *testing.T) {
	for _, rev := range []bool{false, true} {
		arts := chainArticles(2000, rev)
		c := NewCollection(arts)
		for i, a := range c.Articles {
			if want := fmt.Sprintf("Part %d", i); a.Title != want {
				t.Fatalf("reversed %v, position %d: %q, want %q", rev, i, a.Title, want)
			}
		}
		ring := chainArticles(50, rev)
		ring[49].Next = &Link{Kind: KindText, Title: "Part 0"}
		ring[0].Prev = &Link{Kind: KindText, Title: "Part 49"}
		c = NewCollection(ring)
		if len(c.Articles) != 50 {
			t.Fatalf("ring: %d articles listed", len(c.Articles))
		}
		seen := map[string]bool{}
		for i, a := range c.Articles {
			if seen[a.Title] {
				t.Fatalf("ring: %s listed twice", a.Title)
			}
			seen[a.Title] = true
			if i > 0 {
				prev := c.Articles[i-1]
				if prev.Next == nil || prev.Next.Target != a.Location {
					t.Fatalf("ring, reversed %v: %s does not lead to %s", rev, prev.Title, a.Title)
				}
			}
		}
	}
}

// BenchmarkLoadFolder10k loads a folder of 10,000 articles: titles,
// links and word counts are read, bodies are not built.
func BenchmarkLoadFolder10k(b *testing.B) {
	dir := writeFolder(b, 10000)
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, err := Load(context.Background(), []string{dir}, nil)
		if err != nil || len(c.Articles) != 10000 {
			b.Fatal(err, len(c.Articles))
		}
	}
}

// BenchmarkLoadFolder10kReversed is BenchmarkLoadFolder10k with the
// file names in the opposite of reading order: ordering must cost the
// same either way.
func BenchmarkLoadFolder10kReversed(b *testing.B) {
	dir := writeFolderNamed(b, 10000, true)
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, err := Load(context.Background(), []string{dir}, nil)
		if err != nil || len(c.Articles) != 10000 {
			b.Fatal(err, len(c.Articles))
		}
	}
}

// chainArticles builds n articles already read, each linking to its
// neighbours by headline, named in reading order or reversed.
func chainArticles(n int, reversed bool) []*Article {
	arts := make([]*Article, n)
	for i := range arts {
		name := i
		if reversed {
			name = n - 1 - i
		}
		a := &Article{Location: fmt.Sprintf("/f/a%06d.txt", name), Title: fmt.Sprintf("Part %d", i)}
		if i > 0 {
			a.Prev = &Link{Kind: KindText, Title: fmt.Sprintf("Part %d", i-1)}
		}
		if i < n-1 {
			a.Next = &Link{Kind: KindText, Title: fmt.Sprintf("Part %d", i+1)}
		}
		arts[i] = a
	}
	return arts
}

// BenchmarkResolveOrder measures resolving and ordering alone (no file
// reading): 10k and 40k chained articles in both name orders. Linear
// ordering shows as 4× from 10k to 40k, and the same figure in both
// orders.
func BenchmarkResolveOrder(b *testing.B) {
	for _, n := range []int{10_000, 40_000} {
		for _, rev := range []bool{false, true} {
			name := fmt.Sprintf("%dk/forward", n/1000)
			if rev {
				name = fmt.Sprintf("%dk/reversed", n/1000)
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					arts := chainArticles(n, rev)
					b.StartTimer()
					NewCollection(arts)
				}
			})
		}
	}
}

// BenchmarkOpenArticle reads one scanned article's body.
func BenchmarkOpenArticle(b *testing.B) {
	dir := writeFolder(b, 10)
	c, _ := Load(context.Background(), []string{dir}, nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Open(context.Background(), c.Articles[i%10]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadFolderLinksAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	src, _ := filepath.Abs("testdata/text/nolinks.txt")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(src, filepath.Join(dir, "linked.txt")))
	must(os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "broken.txt")))
	must(os.Symlink(dir, filepath.Join(dir, "loop")))
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Title != "A Story With No Links" {
		t.Errorf("a link to a file is read like the file: %v", c.Articles)
	}
	var msgs []string
	for _, w := range c.Skipped {
		msgs = append(msgs, strings.TrimPrefix(w.Error(), dir+"/"))
	}
	want := "broken.txt is a broken link|loop is a link to a folder (not followed)"
	if strings.Join(msgs, "|") != want {
		t.Errorf("warnings %q, want %q", msgs, want)
	}
}

func TestErrorsAreClean(t *testing.T) {
	for _, err := range []error{
		&FileError{Path: "a\x1b]0;PWN\x07b.txt", Reason: "is empty"},
		&fetch.Error{URL: "https://x/", Reason: "cannot be fetched: TLS certificate not trusted (valid for evil\x1b]0;PWNED\x07\x1b[2J)"},
	} {
		if s := err.Error(); strings.ContainsAny(s, "\x1b\x07") {
			t.Errorf("escape bytes in %q", s)
		}
	}
}

func TestDisplayTitle(t *testing.T) {
	a, err := ParseHTML("saved/no-title.html", []byte(`<html><body><article><p>`+
		strings.Repeat("A paragraph of article text that goes on for a while. ", 20)+
		`</p></article></body></html>`), "", true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "" || a.DisplayTitle() != "no-title" {
		t.Errorf("a page without a title: Title %q, DisplayTitle %q", a.Title, a.DisplayTitle())
	}
	for _, c := range []struct {
		a    Article
		want string
	}{
		{Article{Title: "T", Location: "x.html"}, "T"},
		{Article{Location: "https://example.com/a"}, "https://example.com/a"},
		{Article{Location: "-"}, "(untitled)"},
	} {
		if got := c.a.DisplayTitle(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.a, got, c.want)
		}
	}
}

// TestSavedPagesLinkUp: saved pages that link each other relatively
// resolve to the sibling files, in reading order.
func TestSavedPagesLinkUp(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("Words of the saved article go on and on for a while. ", 30)
	pages := map[string][2]string{"one": {"", "two.html"}, "two": {"one.html", "three.html"}, "three": {"two.html", ""}}
	for name, l := range pages {
		var nav string
		if l[0] != "" {
			nav += `<a rel="prev" href="` + l[0] + `">Previous</a>`
		}
		if l[1] != "" {
			nav += `<a rel="next" href="` + l[1] + `">Next</a>`
		}
		page := "<html><head><title>Page " + name + "</title></head><body><article><h1>Page " + name +
			"</h1><p>" + body + "</p></article>" + nav + "</body></html>"
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(context.Background(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Articles {
		got = append(got, a.Title)
	}
	if strings.Join(got, ",") != "Page one,Page two,Page three" {
		t.Errorf("order %v", got)
	}
	two := c.Lookup(filepath.Join(dir, "two.html"))
	if two == nil || !two.Prev.InCollection() || two.Next.Target != filepath.Join(dir, "three.html") {
		t.Errorf("links of two: %+v %+v", two.Prev, two.Next)
	}
}
