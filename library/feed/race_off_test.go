//go:build !race

package feed

// raceAlloc: see race_on_test.go.
const raceAlloc = 1
