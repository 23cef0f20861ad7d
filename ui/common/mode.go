package common

// Mode is how an article is shown: the root keeps it from article to
// article, the article view shows it as a badge.
type Mode int

// The two modes; the zero Mode is the full text.
const (
	ModeFull Mode = iota
	ModeSummary
)

// String is the mode's badge.
func (m Mode) String() string {
	if m == ModeSummary {
		return "SUMMARY"
	}
	return "FULL"
}
