package jsonout

import (
	"bufio"
	"bytes"
	"testing"
)

// TestArrayMatchesWrite: the streamed array is byte for byte
// what Write writes for the whole slice (empty, one, several; HTML
// characters unescaped, nested values indented).
func TestArrayMatchesWrite(t *testing.T) {
	type row struct {
		Title string   `json:"title"`
		Tags  []string `json:"tags"`
		N     *int     `json:"n"`
	}
	one := 1
	for _, rows := range [][]row{
		{},
		{{Title: "a <b> & c", Tags: []string{"x"}}},
		{{Title: "one", N: &one}, {Title: "two", Tags: []string{}}, {Title: "thr\"ee\n", Tags: []string{"p", "q"}}},
	} {
		var want, got bytes.Buffer
		if err := Write(&want, rows); err != nil {
			t.Fatal(err)
		}
		arr := NewArray(bufio.NewWriterSize(&got, 32<<10))
		for _, r := range rows {
			if err := arr.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := arr.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d rows:\n got %q\nwant %q", len(rows), got.String(), want.String())
		}
	}
}
