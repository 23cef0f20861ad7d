package present

import (
	"strings"
	"testing"
)

func TestMapProseSkipsFencedCode(t *testing.T) {
	md := "a-b\n```\nc-d\n```\n~~~go\ne-f\n~~~\ng-h"
	got := MapProse(md, strings.ToUpper)
	if want := "A-B\n```\nc-d\n```\n~~~go\ne-f\n~~~\nG-H"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
