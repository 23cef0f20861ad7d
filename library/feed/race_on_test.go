//go:build race

package feed

// raceAlloc scales the memory bounds of the tests that measure
// allocation: the race detector's runtime allocates about twice as much
// for the same work.
const raceAlloc = 2
