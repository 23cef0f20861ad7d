package termbg

import (
	"testing"
	"time"
)

func TestParseReply(t *testing.T) {
	for _, tc := range []struct {
		in   string
		dark bool
		ok   bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?1;2c", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x07", false, true},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\", false, true}, // solarized light, 2 digits
		{"\x1b]11;rgb:1e1e/1e1e/2e2e\x07", true, true},
		{"\x1b]11;rgb:ffff/ffff", false, false}, // cut short
		{"\x1b[?1;2c", false, false},            // attributes only
		{"\x1b]11;rgb:zz/00/00\x07", false, false},
		{"", false, false},
	} {
		l, ok := parseReply(tc.in)
		if ok != tc.ok || (ok && (l < 0.5) != tc.dark) {
			t.Errorf("%q: luminance %v, %v; want dark %v, %v", tc.in, l, ok, tc.dark, tc.ok)
		}
	}
	if !answered("\x1b]11;rgb:0/0/0\x07\x1b[?62;22c") || answered("\x1b]11;rgb:0/0/0\x07") {
		t.Error("device attributes answer")
	}
}

// TestDecide: the terminal's answer wins; without one COLORFGBG; without
// that, dark. The query is given the short timeout, never termenv's five
// seconds.
func TestDecide(t *testing.T) {
	silent := func(d time.Duration) (float64, bool) {
		if d > 200*time.Millisecond {
			t.Errorf("waits %v for the terminal", d)
		}
		return 0, false
	}
	light := func(time.Duration) (float64, bool) { return 0.9, true }
	for _, tc := range []struct {
		query func(time.Duration) (float64, bool)
		fgbg  string
		want  bool
	}{
		{light, "15;0", false},
		{silent, "0;15", false},
		{silent, "15;0", true},
		{silent, "0;default;7", false},
		{silent, "12;8", true},
		{silent, "", true},
		{silent, "garbage", true},
		{silent, "0;99", true},
	} {
		if got := decide(tc.query, tc.fgbg); got != tc.want {
			t.Errorf("COLORFGBG %q: dark %v, want %v", tc.fgbg, got, tc.want)
		}
	}
}
