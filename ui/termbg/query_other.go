//go:build !unix

package termbg

import "time"

// queryBackground does not ask terminals outside Unix: COLORFGBG or the
// dark default decide.
func queryBackground(time.Duration) (float64, bool) { return 0, false }
