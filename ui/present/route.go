package present

// Where previous and next lead (reader.Route), in words: the note the
// reader's footer puts after a target, and brief read's link lines.

import (
	"strings"
	"unicode"

	"github.com/brief-news/brief/reader"
)

// RouteNote is the note after a target's headline: "(web)" for a page
// to load, "(list)" for the list's neighbour, "(not here)" for a link
// that leads nowhere, "" for an article at hand.
func RouteNote(r reader.Route) string {
	switch r.Kind {
	case reader.RouteWeb:
		return "(web)"
	case reader.RouteList:
		return "(list)"
	case reader.RouteUnresolved, reader.RouteUnfollowed:
		return "(not here)"
	}
	return ""
}

// RouteLine describes a route for brief read, one line, cleaned (it can
// quote a file name); "" where it leads nowhere at all (the end of the
// list). direction is "Previous" or "Next". The line names the target
// as the page's link does, and where it leads:
//
//	Next Article: Ferry Timetable Changes (news/two.txt)
//	Next: Web Story (https://example.com/web-story)
//	Next (list): Epsilon Has No Links (news/e.txt)
//	Previous Article: Harbour Timetable Published (not in this collection)
//	Next article: javascript: link (a javascript: address, not followed)
func RouteLine(r reader.Route, direction string) string {
	var line string
	switch r.Kind {
	case reader.RouteList:
		line = direction + " (list): " + r.Title + " (" + r.Loc + ")"
	case reader.RouteArticle:
		line = linkLabel(r.Link, direction) + ": " + headline(r) + " (" + r.Loc + ")"
	case reader.RouteWeb:
		line = linkLabel(r.Link, direction) + ": " + headline(r) + " (" + r.URL + ")"
	case reader.RouteUnresolved:
		line = linkLabel(r.Link, direction) + ": " + headline(r) + " (not in this collection)"
	case reader.RouteUnfollowed:
		line = linkLabel(r.Link, direction) + ": " + headline(r) +
			" (a " + reader.OtherScheme(r.URL) + ": address, not followed)"
	default:
		return ""
	}
	return reader.Clean(line)
}

// RouteLines describes both routes, a line each, previous first; none
// for a direction that leads nowhere.
func RouteLines(rs reader.Routes) []string {
	var out []string
	for _, d := range []struct {
		r    reader.Route
		word string
	}{{rs.Prev, "Previous"}, {rs.Next, "Next"}} {
		if l := RouteLine(d.r, d.word); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// linkLabel is the page's own label when it says something ("Next
// story"), else the direction ("Next").
func linkLabel(l *reader.Link, direction string) string {
	if l == nil {
		return direction
	}
	label := strings.Trim(l.Label, " \t←→«»‹›<>:|")
	if strings.IndexFunc(label, unicode.IsLetter) < 0 {
		return direction
	}
	return label
}

// headline names the target in the link's own words when it has them,
// else as the footer does.
func headline(r reader.Route) string {
	if r.Link != nil && r.Link.Title != "" {
		return r.Link.Title
	}
	return r.Title
}
