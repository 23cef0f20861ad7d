package help

import (
	keyhelp "github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-news/brief/ui/common"
)

// Line is the help line under every screen: the short help of the view
// in front, styled as the help screen is.
type Line struct{ help keyhelp.Model }

// NewLine is the help line in the reader's styles.
func NewLine(st *common.Styles) Line { return Line{help: newKeyHelp(st)} }

// View is the help line of bindings in width columns.
//
// Keys that do not fit are left out whole, from the end, never cut
// mid-item; "? help" and "q quit" always stay (help lists the rest).
func (l Line) View(bindings []key.Binding, width int) string {
	var items []key.Binding
	for _, b := range bindings {
		if b.Enabled() {
			items = append(items, b)
		}
	}
	h := l.help
	h.Width = 0 // items are left out whole below, not cut
	for {
		line := " " + h.ShortHelpView(items)
		if ansi.StringWidth(line) <= width || !dropItem(&items) {
			// help truncates with an ellipsis, but lets an item overflow
			// when the ellipsis itself does not fit: cut to the width.
			return ansi.Truncate(line, width, "")
		}
	}
}

// dropItem leaves out the last key of the help line that is not help
// or quit; false when only those are left.
func dropItem(items *[]key.Binding) bool {
	for i := len(*items) - 1; i >= 0; i-- {
		if d := (*items)[i].Help().Desc; d != "help" && d != "quit" {
			*items = append((*items)[:i:i], (*items)[i+1:]...)
			return true
		}
	}
	return false
}
