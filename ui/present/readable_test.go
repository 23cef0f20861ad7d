package present

import (
	"testing"
)

func TestReadable(t *testing.T) {
	cases := []struct{ in, want string }{
		{"See [the report](https://example.com/r \"Report\") today.", "See the report today."},
		{"Founded in 1998.[[2]](https://en.wikipedia.org/wiki/Mozilla#cite_note-2) Then", "Founded in 1998.[2] Then"},
		{"![logo](https://x/a.png) Mozilla", " Mozilla"},
		{"[Division](https://en.wikipedia.org/wiki/Division_(business)) end", "Division end"},
		{"```\n[keep](this)\n```", "```\n[keep](this)\n```"},
		{"code `[keep](this)` here", "code `[keep](this)` here"},
		{"no links at all", "no links at all"},
	}
	for _, c := range cases {
		if got := Readable(c.in); got != c.want {
			t.Errorf("Readable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
