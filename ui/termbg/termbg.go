// Package termbg keeps brief from asking the terminal for its background
// colour unless a style needs the answer, and from waiting long for it.
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
//
// Dark asks the terminal itself rather than through termenv, whose wait
// is a fixed five seconds: a terminal that never answers (a pty from
// script(1), some serial consoles and multiplexers) held every
// auto-styled `brief read` that long. Here the wait ends at Timeout, or
// at once when the terminal answers the device-attributes query sent
// after it without answering the colour query.
package termbg

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/lipgloss"
)

func init() {
	// Provisional; Dark replaces it. Nothing draws with lipgloss before
	// the reader has settled the background.
	lipgloss.SetHasDarkBackground(true)
}

// Timeout is the longest Dark waits for the terminal's answer.
const Timeout = 100 * time.Millisecond

var (
	once sync.Once
	dark bool
)

// Dark reports whether the terminal's background is dark (asked once;
// the answer is cached) and makes it lipgloss's answer too. The
// terminal's answer to an OSC 11 query decides; without one in
// Timeout, COLORFGBG; without that, dark. Call it before a bubbletea
// program owns the terminal.
func Dark() bool {
	once.Do(func() {
		dark = decide(queryBackground, os.Getenv("COLORFGBG"))
		lipgloss.SetHasDarkBackground(dark)
	})
	return dark
}

// decide picks the answer from the terminal's reply (query returns the
// colour as 0–1 luminance and whether there was one) and COLORFGBG.
func decide(query func(time.Duration) (float64, bool), colorFGBG string) bool {
	if l, ok := query(Timeout); ok {
		return l < 0.5
	}
	if d, ok := fromColorFGBG(colorFGBG); ok {
		return d
	}
	return true
}

// fromColorFGBG reads rxvt's and Konsole's "fg;bg" (or "fg;default;bg"):
// ANSI background 0–6 and 8 are dark, 7 and 9–15 light.
func fromColorFGBG(v string) (dark, ok bool) {
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false, false
	}
	bg, err := strconv.Atoi(v[i+1:])
	if err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg != 7 && bg < 9, true
}

// parseReply finds an OSC 11 answer, "ESC ] 11 ; rgb:RRRR/GGGG/BBBB"
// (1–4 hex digits a channel), in what the terminal sent, and returns its
// luminance.
func parseReply(s string) (float64, bool) {
	i := strings.Index(s, "]11;rgb:")
	if i < 0 {
		return 0, false
	}
	s = s[i+len("]11;rgb:"):]
	if j := strings.IndexAny(s, "\x07\x1b"); j >= 0 {
		s = s[:j]
	} else {
		return 0, false // not finished
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return 0, false
	}
	var ch [3]float64
	for k, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return 0, false
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return 0, false
		}
		ch[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2], true
}

// answered reports whether the terminal has answered the device
// attributes query ("ESC [ ? … c"): it answers queries in order, so
// an OSC 11 reply that has not come before it will not come.
func answered(s string) bool {
	i := strings.Index(s, "\x1b[?")
	return i >= 0 && strings.IndexByte(s[i:], 'c') >= 0
}

// Style is the glamour style to use for style: style itself, unless it
// is "auto" or "", which becomes "dark" or "light" by the terminal's
// background (Dark, asked only then). NO_COLOR is honoured through the
// colour profile, which strips colours from whatever style is chosen.
func Style(style string) string {
	if style != "" && style != "auto" {
		return style
	}
	if Dark() {
		return "dark"
	}
	return "light"
}
