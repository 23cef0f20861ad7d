package common

import "testing"

func TestScroll(t *testing.T) {
	for _, c := range []struct{ cursor, offset, n, rows, wantC, wantO int }{
		{0, 0, 0, 5, 0, 0},   // no rows
		{-3, 0, 10, 5, 0, 0}, // above the first row
		{12, 0, 10, 5, 9, 5}, // past the last row
		{7, 0, 10, 5, 7, 3},  // below the screen: the offset follows
		{2, 4, 10, 5, 2, 2},  // above the screen
		{5, 3, 10, 5, 5, 3},  // on screen: nothing moves
		{9, 8, 10, 5, 9, 5},  // the screen never starts past the last page
		{1, 0, 3, 5, 1, 0},   // fewer rows than the screen holds
	} {
		if c2, o2 := Scroll(c.cursor, c.offset, c.n, c.rows); c2 != c.wantC || o2 != c.wantO {
			t.Errorf("Scroll(%d, %d, %d, %d) = %d, %d; want %d, %d", c.cursor, c.offset, c.n, c.rows, c2, o2, c.wantC, c.wantO)
		}
	}
}
