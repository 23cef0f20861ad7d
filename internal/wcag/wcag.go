// Package wcag computes the contrast of terminal colours as WCAG 2
// defines it, so that a test can hold every text colour of a palette to
// the AA level (4.5:1) against the background it is drawn on.
package wcag

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// AA is the contrast WCAG 2 level AA asks of normal text.
const AA = 4.5

// RGB is a colour's red, green and blue, 0–255.
type RGB struct{ R, G, B uint8 }

// Parse reads a colour as lipgloss takes it: "#RGB", "#RRGGBB" or an
// ANSI-256 number ("0" to "255", as xterm shows them).
func Parse(s string) (RGB, error) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > 255 {
			return RGB{}, fmt.Errorf("colour %q is not 0 to 255", s)
		}
		return ansi256(n), nil
	}
	hex, ok := strings.CutPrefix(s, "#")
	if !ok || (len(hex) != 3 && len(hex) != 6) {
		return RGB{}, fmt.Errorf("colour %q is not #RGB, #RRGGBB or 0 to 255", s)
	}
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("colour %q is not #RGB, #RRGGBB or 0 to 255", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// ansi16 are the first 16 colours as xterm draws them.
var ansi16 = [16]RGB{
	{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
	{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
}

// ansi256 is xterm's 256-colour palette: 16 system colours, a 6×6×6
// cube and 24 greys.
func ansi256(n int) RGB {
	switch {
	case n < 16:
		return ansi16[n]
	case n < 232:
		n -= 16
		level := func(i int) uint8 {
			if i == 0 {
				return 0
			}
			return uint8(55 + 40*i)
		}
		return RGB{level(n / 36), level(n / 6 % 6), level(n % 6)}
	}
	g := uint8(8 + 10*(n-232))
	return RGB{g, g, g}
}

// Luminance is the relative luminance of c, 0 (black) to 1 (white).
func Luminance(c RGB) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Ratio is the contrast of two colours, 1 to 21.
func Ratio(a, b RGB) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Contrast is Ratio of two colours written as Parse reads them.
func Contrast(fg, bg string) (float64, error) {
	f, err := Parse(fg)
	if err != nil {
		return 0, err
	}
	b, err := Parse(bg)
	if err != nil {
		return 0, err
	}
	return Ratio(f, b), nil
}
