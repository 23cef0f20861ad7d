package wcag

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		fg, bg string
		want   float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFF", "#fff", 1},
		{"#777777", "#FFFFFF", 4.48}, // the classic just-fails grey
		{"#767676", "#FFFFFF", 4.54}, // and the one that passes
		{"145", "#FFFFFF", 2.2},      // the list line on light
		{"59", "#000000", 3.29},      // #5F5F5F: the 3.3 on dark
		{"231", "16", 21},            // the cube's white and black
		{"244", "#FFFFFF", 3.95},     // grey #808080
	} {
		got, err := Contrast(c.fg, c.bg)
		if err != nil || math.Abs(got-c.want) > 0.06 {
			t.Errorf("Contrast(%s, %s) = %.2f, %v; want %.2f", c.fg, c.bg, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "#12", "#GGGGGG", "256", "-1", "blue"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) took it", bad)
		}
	}
}
