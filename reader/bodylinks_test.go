package reader

import (
	"reflect"
	"testing"
)

func TestBodyLinks(t *testing.T) {
	body := "The [harbour board](https://harbour.test/board \"Board\") met. See " +
		"**[the *timetable*](https://harbour.test/2026/timetable)** and ![a map](https://harbour.test/map.png).\n\n" +
		"[Again](https://harbour.test/board), [mail](mailto:x@y.test), [local](notes.txt), " +
		"<https://wiki.test/Ferry_(boat)> and [odd\x1b\x07 text](https://odd.test/a_(b))."
	want := []BodyLink{
		{"harbour board", "https://harbour.test/board"},
		{"the timetable", "https://harbour.test/2026/timetable"},
		{"wiki.test/Ferry_(boat)", "https://wiki.test/Ferry_(boat)"},
		{"odd text", "https://odd.test/a_(b)"},
	}
	if got := BodyLinks(body); !reflect.DeepEqual(got, want) {
		t.Errorf("BodyLinks =\n%q\nwant\n%q", got, want)
	}
	if got := BodyLinks("No links here."); got != nil {
		t.Errorf("no links: %q", got)
	}
}

func TestLooksLikeArticle(t *testing.T) {
	for u, want := range map[string]bool{
		"https://harbour.test/2026/timetable":  true,
		"https://harbour.test/news/story.html": true,
		"https://harbour.test/":                false,
		"https://harbour.test":                 false,
		"https://harbour.test/report.PDF":      false,
		"https://harbour.test/feed.xml":        false,
		"mailto:x@harbour.test":                false,
		"file:///etc/passwd":                   false,
	} {
		if got := LooksLikeArticle(u); got != want {
			t.Errorf("LooksLikeArticle(%s) = %v", u, got)
		}
	}
}
