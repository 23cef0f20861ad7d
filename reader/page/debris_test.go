package page

import (
	"strings"
	"testing"
)

// prose is an article's ordinary paragraphs, long enough for
// readability to take their container as the article.
var prose = strings.Repeat("<p>The council met on Tuesday to weigh the harbour plan, and members argued for hours over the cost of the new sea wall and who would pay for it in the end.</p>\n", 6)

func parseBody(t *testing.T, article string) string {
	t.Helper()
	page := `<html><head><title>Harbour plan</title><meta name="author" content="Staff Reporter"><meta property="article:published_time" content="2019-11-18T23:04:00Z"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Harbour plan</h1>` + article + `</article><footer>Contact</footer></body></html>`
	p, err := Parse([]byte(page), "", "story.html", "", true)
	if err != nil {
		t.Fatal(err)
	}
	return p.Body
}

func TestDebrisRemoved(t *testing.T) {
	tests := []struct {
		name, html string
		gone, kept []string
	}{
		{"hover card and related run",
			`<p>Rep. <span class="person">Ilhan Omar<span class="card-block"><img src="/omar.jpg"><a href="/people/omar">Ilhan Omar</a><a href="/story/hillicon">Hillicon Valley: Progressives oppose</a> <a href="/people/omar">MORE</a></span></span> (D-Minn.) said the council should look again at the harbour plan before the vote next month.</p>` + prose,
			[]string{"Hillicon", "MORE", "omar.jpg"}, []string{"Rep. Ilhan Omar", "(D-Minn.) said"}},
		{"empty anchor and share links",
			prose + `<p>Read the plan <a href="#bottom-story-socials"></a>in full at the town hall, where copies are kept for anyone who asks for one.</p>
<div class="share-buttons-row"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">Twitter</a></div>`,
			[]string{"socials", "Facebook", "Twitter", "[]("}, []string{"Read the plan in full"}},
		{"caption becomes the picture's",
			`<figure><img src="/wall.jpg"><figcaption>The old sea wall at low tide.</figcaption></figure>` + prose,
			[]string{"\n\nThe old sea wall at low tide."}, []string{"![The old sea wall at low tide.]("}},
		{"credits",
			prose + `<p>© Aaron Schwartz</p><p>Photo</p><p>TebNad/Shutterstock.com</p>`,
			[]string{"Aaron Schwartz", "Photo", "Shutterstock"}, nil},
		{"byline and date repeated",
			`<p>By Staff Reporter - 11/18/19 11:04 PM EST</p><p>November 18, 2019</p>` + prose,
			[]string{"Staff Reporter", "2019"}, []string{"The council met"}},
		{"newsletter, read more and comments",
			prose + `<p>Sign up for our daily newsletter in your inbox</p><p>Read more: Harbour fees rise again</p>
<div class="comments"><h3>3 comments</h3><p>Great piece!</p></div>`,
			[]string{"newsletter", "Harbour fees", "Great piece", "comments"}, nil},
		{"affiliate notice, ad break and reading time",
			`<p>6 min read</p>` + prose[:len(prose)/2] + `<p>Story continues below advertisement</p>` + prose[len(prose)/2:] +
				`<p>When you buy something using the retail links in our stories, we may earn a small affiliate commission. Learn more.</p>`,
			[]string{"6 min", "continues below", "affiliate"}, nil},
		{"gallery",
			prose + `<div class="article-gallery"><img src="/1.jpg" alt="Boats in the harbour"><img src="/2.jpg" alt="The old pier"><p>1 of 12</p></div>`,
			[]string{"Boats in the harbour", "1 of 12"}, nil},
		{"prose about sharing stays",
			`<p>Share the cost, said the mayor: follow us on this and the wall is built by spring, she told the council to general applause.</p>` + prose,
			nil, []string{"Share the cost, said the mayor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := parseBody(t, tt.html)
			for _, g := range tt.gone {
				if strings.Contains(body, g) {
					t.Errorf("%q kept in\n%s", g, body)
				}
			}
			for _, k := range append(tt.kept, "who would pay for it") {
				if !strings.Contains(body, k) {
					t.Errorf("%q lost from\n%s", k, body)
				}
			}
		})
	}
}

// A page with an article and a sign-in box beside it is an article; a
// page that is only the sign-in box is refused.
func TestSignInBoxBesideArticle(t *testing.T) {
	box := `<aside><form><p>Sign in to comment</p><input type="text" name="user"><input type="password" name="pw"></form></aside>`
	short := strings.Repeat("<p>The ferry will run every hour from Monday, the harbour office said, after a month of repairs.</p>\n", 3)
	page := `<html><head><title>Ferry</title></head><body><article>` + short + `</article>` + box + `</body></html>`
	if _, err := Parse([]byte(page), "", "ferry.html", "", true); err != nil {
		t.Errorf("short article with a sign-in box refused: %v", err)
	}
	wall := `<html><head><title>Sign in</title></head><body><main><h1>Sign in</h1><p>Subscribers only. Please sign in.</p>` + box + `</main></body></html>`
	if _, err := Parse([]byte(wall), "", "wall.html", "", true); err == nil || !strings.Contains(err.Error(), "asks to sign in") {
		t.Errorf("login wall: %v", err)
	}
}

// A Chinese article beside a sign-in box is an article: its length is
// counted in characters, since Chinese puts no spaces between words.
func TestSignInBoxBesideChineseArticle(t *testing.T) {
	box := `<aside><form><input type="text" name="user"><input type="password" name="pw"><button>登录</button></form></aside>`
	para := "<p>" + strings.Repeat("京都的红叶现在正是最好看的时候，游客们纷纷前来观赏。", 4) + "</p>\n"
	page := `<html><head><title>红叶</title></head><body><article>` + strings.Repeat(para, 3) + `</article>` + box + `</body></html>`
	p, err := Parse([]byte(page), "", "hongye.html", "", true)
	if err != nil || !strings.Contains(p.Body, "京都的红叶") {
		t.Errorf("Chinese article with a sign-in box: %v", err)
	}
}

// Alt text that tells a reader nothing is blanked, icons dropped; a
// caption goes to its own picture only, never to a neighbour's.
func TestImageCleanup(t *testing.T) {
	body := parseBody(t, prose+
		`<p><img src="/a.jpg" alt="P1610088.jpg"> <img src="/b.jpg" alt="Harbour plan"> <img src="/c.jpg" alt="avatar"> <img src="/smile.gif" alt=":wink:" width="16" height="16"></p>`+
		`<div><figure><img src="/d.jpg"><figcaption>The harbour at dawn.</figcaption></figure>`+
		`<figure><video src="/v.mp4"></video><figcaption>Video caption with no picture at all here.</figcaption></figure></div>`)
	for _, gone := range []string{"P1610088", "[Harbour plan]", "avatar", "wink", "smile.gif", "Video caption"} {
		if strings.Contains(body, gone) {
			t.Errorf("%q kept in\n%s", gone, body)
		}
	}
	if !strings.Contains(body, "![The harbour at dawn.](") || strings.Count(body, "The harbour at dawn.") != 1 {
		t.Errorf("caption not the picture's alone:\n%s", body)
	}
}

// A date line is the header's copy only when the header shows a date.
func TestDateLineKeptWithoutHeaderDate(t *testing.T) {
	page := `<html><head><title>Harbour plan</title></head><body><article><p>November 18, 2019</p>` + prose + `</article></body></html>`
	p, err := Parse([]byte(page), "", "story.html", "", true)
	if err != nil || !strings.Contains(p.Body, "November 18, 2019") {
		t.Errorf("the only date was dropped: %v\n%s", err, p.Body)
	}
}

// A short article written as divs of text and line breaks, beside a
// sign-in box, is an article too.
func TestSignInBoxBesideDivArticle(t *testing.T) {
	box := `<aside><form><input type="text" name="user"><input type="password" name="pw"></form></aside>`
	para := "<div>The ferry will run every hour from Monday, the harbour office said,<br>after a month of repairs to the slipway.</div>\n"
	page := `<html><head><title>Ferry</title></head><body><div id="story">` + strings.Repeat(para, 3) + `</div>` + box + `</body></html>`
	if _, err := Parse([]byte(page), "", "ferry.html", "", true); err != nil {
		t.Errorf("div article with a sign-in box refused: %v", err)
	}
}
