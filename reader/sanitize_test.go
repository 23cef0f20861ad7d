package reader

import "testing"

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"red \x1b[31mtext\x1b[0m", "red text"},
		{"title\x1b]0;pwned\x07 here", "title here"},
		{"link \x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\", "link text"},
		{"c1 \u009b31mcsi", "c1 csi"},
		{"bell\x07 bs\x08 del\x7f", "bell bs del"},
		{"tab\there", "tab here"},
		{"keep\nnewlines", "keep\nnewlines"},
		{"bidi \u202eevil\u202c", "bidi evil"},
		{"cr\r\n", "cr\n"},
		{"unterminated \x1b[", "unterminated "},
		{"esc at end\x1b", "esc at end"},
		{"ünïcödé — “fine”", "ünïcödé — “fine”"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
