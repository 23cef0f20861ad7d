// Package benchfeed writes the RSS feed the refresh benchmarks and
// bench/gen (for bench/compare.sh) measure: n items, newest first, a
// minute apart, each with HTML content of about 100 words and a link,
// so that the Go benchmarks and the side-by-side with newsboat parse
// the same documents.
package benchfeed

import (
	"fmt"
	"strings"
	"time"
)

// RSS is a feed of n items from site (its title, host and GUID prefix:
// feeds of different sites share no GUIDs).
func RSS(n int, site string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>%s</title><link>https://%s.example/</link>`, site, site)
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>https://%s.example/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate>`+
			`<content:encoded><![CDATA[<p>Paragraph one of item %d, with <a href="/x">a link</a> and <em>emphasis</em>. %s</p><p>%s</p>]]></content:encoded></item>`,
			i, site, i, site, i, t0.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), i,
			strings.Repeat("Words about the harbour trams and the council. ", 6), strings.Repeat("More text here. ", 10))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}
