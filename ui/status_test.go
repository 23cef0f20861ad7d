package ui

import (
	"testing"

	"github.com/brief-news/brief/reader"
)

// A status message about one article goes when another article opens.
func TestStatusClearedWhenAnotherArticleOpens(t *testing.T) {
	x := textArticle(t, "news/x.txt", "Xylo Opens", "", "Yarrow Closes", "The first story. It links on.")
	y := textArticle(t, "news/y.txt", "Yarrow Closes", "Xylo Opens", "", "The last story. It has no next link.")
	tm := newTestModelOn(t, reader.NewCollection([]*reader.Article{x, y}), 80, 24)
	tm.keys("enter", "n")
	tm.expect("Yarrow Closes")
	tm.keys("n")
	tm.expect("no next article: this is the last of the list")
	tm.keys("backspace")
	tm.expect("Xylo Opens")
	tm.expectNot("no next article")
}

// A message about the hop itself stays on the article it led to.
func TestStatusAboutTheHopStays(t *testing.T) {
	tm := newTestModel(t, 80, 24)
	tm.keys("enter", "n", "n", "n")
	tm.expect("Delta Web Linked Story", "showing the list's next")
}
