package rouge

import (
	"math"
	"reflect"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokenize(t *testing.T) {
	got := Tokenize("Running-dogs' 3.5% of U.S. CATS, café")
	// "running" -> "run", "dogs" -> "dog"; "cats" has 4 letters so is
	// stemmed; "of", "u", "s", "caf" are too short; é separates.
	want := []string{"run", "dog", "3", "5", "of", "u", "s", "cat", "caf"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Tokenize = %q, want %q", got, want)
	}
}

// Hand-computed: 5 of 6 unigrams match ("the" is clipped to one), 3 of 5
// bigrams ("the cat", "cat sat", "sat on").
func TestNGram(t *testing.T) {
	s := Compute("the cat sat on the mat", "the cat sat on a mat")
	if !near(s.R1.Precision, 5.0/6) || !near(s.R1.Recall, 5.0/6) || !near(s.R1.F1, 5.0/6) {
		t.Errorf("R1 = %+v, want 5/6", s.R1)
	}
	if !near(s.R2.F1, 0.6) {
		t.Errorf("R2 = %+v, want 0.6", s.R2)
	}
}

// The example of Lin (2004) section 3.2: reference w1..w5, candidates
// "w1 w2 w6 w7 w8" and "w1 w3 w8 w9 w5"; the union LCS is w1 w2 w3 w5, so
// recall 4/5 and precision 4/10.
func TestLsumUnion(t *testing.T) {
	s := Compute("a b c d e", "a b f g h\na c h i e")
	p, r := 4.0/10, 4.0/5
	if !near(s.Lsum.Precision, p) || !near(s.Lsum.Recall, r) || !near(s.Lsum.F1, 2*p*r/(p+r)) {
		t.Errorf("Lsum = %+v, want P=%v R=%v", s.Lsum, p, r)
	}
}

// A token is credited no more often than it occurs in the system summary,
// even when two reference sentences both contain it.
func TestLsumNoDoubleCount(t *testing.T) {
	s := Compute("a b\na b", "a b")
	if !near(s.Lsum.Precision, 1) || !near(s.Lsum.Recall, 0.5) || !near(s.Lsum.F1, 2.0/3) {
		t.Errorf("Lsum = %+v, want P=1 R=0.5", s.Lsum)
	}
	// Sentence-level order matters for Lsum but not for R1.
	s = Compute("a b c", "c b a")
	if !near(s.R1.F1, 1) || !near(s.Lsum.F1, 1.0/3) {
		t.Errorf("reversed: R1 %v Lsum %v, want 1 and 1/3", s.R1.F1, s.Lsum.F1)
	}
}

func TestEmpty(t *testing.T) {
	s := Compute("a b c", "")
	if s.R1.F1 != 0 || s.R2.F1 != 0 || s.Lsum.F1 != 0 {
		t.Errorf("empty system scored %+v", s)
	}
	s = Compute("", "!!!")
	if s.R1.F1 != 0 || s.Lsum.F1 != 0 {
		t.Errorf("empty reference scored %+v", s)
	}
}

func TestMean(t *testing.T) {
	m := Mean([]Scores{{R1: Score{F1: 1}}, {R1: Score{F1: 0.5}}})
	if !near(m.R1.F1, 0.75) {
		t.Errorf("Mean R1 = %v, want 0.75", m.R1.F1)
	}
}
