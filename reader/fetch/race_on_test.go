//go:build race

package fetch

// raceAlloc scales the memory bounds of the tests that measure
// allocation: the race detector's runtime allocates about twice as much
// for the same reads.
const raceAlloc = 2
