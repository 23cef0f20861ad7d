package porter

import "testing"

// Expected stems follow the rules of Porter (1980) step by step; the
// comments name the rule that decides each case.
func TestStem(t *testing.T) {
	cases := []struct{ in, want string }{
		{"caresses", "caress"},   // 1a sses -> ss
		{"ponies", "poni"},       // 1a ies -> i
		{"caress", "caress"},     // 1a ss stays
		{"cats", "cat"},          // 1a s removed
		{"feed", "feed"},         // 1b eed with m=0 stays
		{"agreed", "agre"},       // 1b eed -> ee, then 5a drops e (m=1, not cvc)
		{"plastered", "plaster"}, // 1b ed
		{"bled", "bled"},         // 1b: no vowel before ed
		{"motoring", "motor"},    // 1b ing
		{"sing", "sing"},         // 1b: no vowel before ing
		{"conflated", "conflat"}, // 1b at -> ate, then 5a drops e
		{"hopping", "hop"},       // 1b double consonant undoubled
		{"falling", "fall"},      // 1b ll kept
		{"filing", "file"},       // 1b m=1 and cvc -> add e
		{"happy", "happi"},       // 1c
		{"sky", "sky"},           // 1c: no vowel in stem
		{"conditional", "condit"},
		{"hopefulness", "hope"},
		{"adjustment", "adjust"},   // 4 longest suffix ment
		{"replacement", "replac"},  // 4 ement
		{"adoption", "adopt"},      // 4 ion after t
		{"controlling", "control"}, // 5b ll -> l
		{"generalizations", "gener"},
		{"oscillators", "oscil"},
		{"dying", "dy"},            // the original algorithm has no ies/ying special case
		{"conformabli", "conform"}, // 2 abli -> able (paper), then 4 able
		{"analogous", "analog"},
		{"a", "a"}, {"is", "is"},
		{"1990s", "1990"}, // digits are consonants
		{"café", "café"},  // non-ASCII is left alone
		{"u-2s", "u-2s"},  // so is punctuation
	}
	for _, c := range cases {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
