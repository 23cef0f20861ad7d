//go:build !race

package reader

// raceAlloc: see race_on_test.go.
const raceAlloc = 1
