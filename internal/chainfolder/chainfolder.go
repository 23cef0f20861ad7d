// Package chainfolder writes a folder of generated scraped-page articles
// that link to their neighbours by headline: the input of reader's
// folder tests and benchmarks and of bench/gen, one generator so that the
// benchmark tool measures what the tests measure.
package chainfolder

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write puts n chained articles of about 400 words each in dir, spread
// over 50 sub-folders (flat: all in dir), with file names in reading
// order or, reversed, the last article in the first file name.
func Write(dir string, n int, reversed, flat bool) error {
	body := strings.Repeat("The council met on Monday to discuss the budget for the coming year. ", 6)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Generated Article Number %d\n\nNo time to read?\nGet a summary\n\n", i)
		for p := 0; p < 5; p++ {
			b.WriteString(body + "\n\n")
		}
		if i > 0 {
			fmt.Fprintf(&b, "Previous Article\n\nGenerated article number %d\n\n", i-1)
		}
		fmt.Fprintf(&b, "Next Article\n\nGenerated Article Number %d.\n", i+1)
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%50))
		if flat {
			sub = dir
		}
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		name := i
		if reversed {
			name = n - 1 - i
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%05d.txt", name)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
