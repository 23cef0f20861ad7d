// Package evaldata finds the evaluation data that lives beside the
// repository, in ../shared/eval (news with reference summaries,
// readability test pages): tests and benchmarks read it there and skip
// when it is absent; it is never copied into the repository.
package evaldata

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Find is ../shared/eval/<sub> from the repository's root (the folder
// holding go.mod, found from the working directory, which go test sets
// to the package's), and whether it is there.
func Find(sub string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "eval", sub)
	_, err = os.Stat(d)
	return d, err == nil
}

// Dir is Find that skips the test or benchmark when the data is absent.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	d, ok := Find(sub)
	if !ok {
		t.Skipf("eval data not present at %s", d)
	}
	return d
}

// ReadabilityPages are the readability test pages' folder names,
// sorted, and the folder holding them; the test skips without them.
func ReadabilityPages(t testing.TB) (dir string, names []string) {
	t.Helper()
	dir = Dir(t, "readability")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		t.Skipf("no eval pages in %s", dir)
	}
	return dir, names
}

// ReadabilitySources are the pages' source.html files, sorted.
func ReadabilitySources(t testing.TB) []string {
	t.Helper()
	dir, names := ReadabilityPages(t)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n, "source.html")
	}
	return out
}
