// Package termbg keeps brief from asking the terminal for its background
// colour unless a style needs the answer.
//
// bubbletea v1 calls lipgloss.HasDarkBackground in its package init (a
// workaround removed in v2), which writes an OSC 11 and a cursor
// position query to the terminal and waits up to five seconds for an
// answer: every run of brief paid for it, even `brief read` printing
// plain text. Packages are initialised in import-path order once their
// imports are, so this package's init (github.com/brief-news/…) runs
// before bubbletea's (github.com/charmbracelet/…) and gives lipgloss a
// provisional answer. The reader asks for the real one with Dark, and
// only for the auto style.
package termbg

import "github.com/charmbracelet/lipgloss"

func init() {
	// Provisional; Dark replaces it. Nothing draws with lipgloss before
	// the reader has settled the background.
	lipgloss.SetHasDarkBackground(true)
}

// Dark asks the terminal whether its background is dark (once; the
// answer is cached) and makes it lipgloss's answer too. Call it before a
// bubbletea program owns the terminal.
func Dark() bool {
	dark := lipgloss.DefaultRenderer().Output().HasDarkBackground()
	lipgloss.SetHasDarkBackground(dark)
	return dark
}
