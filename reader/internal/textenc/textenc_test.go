package textenc

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDecodeHTML(t *testing.T) {
	latin := func(s string) []byte { b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s)); return b }
	tests := []struct {
		name, ct string
		data     []byte
		want     string
	}{
		{"utf8 plain", "", []byte("<p>naïve café</p>"), "naïve café"},
		{"bom", "", append([]byte{0xef, 0xbb, 0xbf}, "<p>é</p>"...), "<p>é</p>"},
		{"header latin1", "text/html; charset=ISO-8859-1", latin("<p>crème</p>"), "crème"},
		{"meta late in head", "", append([]byte("<html><head><script>"+strings.Repeat(" ", 3000)+"</script><meta charset=windows-1252>"), latin("<p>Zürich</p>")...), "Zürich"},
		// Wrong labels: a UTF-8 page labelled Latin-1 (a saved page that
		// kept its old <meta>), and Latin-1 bytes labelled UTF-8.
		{"utf8 labelled latin1", "text/html; charset=iso-8859-1", []byte("<p>Škoda — “quotes”</p>"), "Škoda — “quotes”"},
		{"latin1 labelled utf8", "text/html; charset=utf-8", latin("<p>Ça coûte très cher</p>"), "Ça coûte très cher"},
		{"undeclared latin1", "", latin("<p>déjà vu</p>"), "déjà vu"},
		{"bogus label", "text/html; charset=x-nonsense", []byte("<p>ok ü</p>"), "ok ü"},
		{"meta utf-16 means utf-8", "", []byte("<meta charset=utf-16><p>ok üéàöü \xff</p>"), "ok üéàöü"},
	}
	for _, tt := range tests {
		if got := ToUTF8(tt.data, tt.ct); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want it to contain %q", tt.name, got, tt.want)
		}
	}
}
