package feed

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestConvertAllMatchesOneByOne: converting a document's items on all
// cores gives what converting them one after another does, including
// where the document's element budget runs out (items past it keep
// their text without tags) and each item's place.
func TestConvertAllMatchesOneByOne(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link>`)
	const n = 260 // of 1,000 elements each: the 250,000 budget ends at item 250
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>https://t.example/%d</link><description><![CDATA[%s<a href="/rel/%d">link</a>]]></description></item>`,
			i, i, strings.Repeat("<p>word</p>", 999), i)
	}
	b.WriteString(`</channel></rss>`)
	f, err := parseFeed([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://t.example/")
	budget := maxFeedElements
	got := convertAll(append([]*gofeed.Item(nil), f.Items...), base, "en", &budget) // it lets go of its items
	budget = maxFeedElements
	plain := 0
	for i, it := range f.Items {
		want := convertItem(it, base, "en", planBody(itemSource(it), &budget))
		if got[i] != want {
			t.Fatalf("item %d differs:\n got %.120q\nwant %.120q", i, got[i].Body, want.Body)
		}
		if !strings.Contains(want.Body, "](https://t.example/rel/") {
			plain++
		}
	}
	if plain != n-maxFeedElements/1000 {
		t.Errorf("%d items kept as text, want %d", plain, n-maxFeedElements/1000)
	}
}
