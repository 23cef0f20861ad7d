package main

import (
	"bytes"
	"testing"
)

// TestJSONArrayMatchesWriteJSON: the streamed array is byte for byte
// what writeJSON writes for the whole slice (empty, one, several; HTML
// characters unescaped, nested values indented).
func TestJSONArrayMatchesWriteJSON(t *testing.T) {
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
		if err := writeJSON(&want, rows); err != nil {
			t.Fatal(err)
		}
		arr := newJSONArray(streamWriter(&got))
		for _, r := range rows {
			if err := arr.add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := arr.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d rows:\n got %q\nwant %q", len(rows), got.String(), want.String())
		}
	}
}
