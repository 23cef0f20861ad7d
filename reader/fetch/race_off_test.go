//go:build !race

package fetch

// raceAlloc: see race_on_test.go.
const raceAlloc = 1
