package jsonout

// Arrays that stream: commands that can print a whole library write
// each row as it is read, through a buffer, instead of building all of
// it first (100,000 rows were 14 MB held in memory before the first
// byte, and `| head` waited for all of it).

import (
	"bufio"
	"bytes"
	"encoding/json"
)

// Array writes a JSON array one element at a time, byte for byte what
// Write writes for the whole slice.
type Array struct {
	w   *bufio.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

// NewArray starts an array on w.
func NewArray(w *bufio.Writer) *Array {
	j := &Array{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetIndent("  ", "  ")
	j.enc.SetEscapeHTML(false)
	return j
}

// Add writes one element.
func (j *Array) Add(v any) error {
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	j.w.WriteString(sep)
	_, err := j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	return err
}

// Close ends the array and flushes it.
func (j *Array) Close() error {
	if j.n == 0 {
		j.w.WriteString("[]\n")
	} else {
		j.w.WriteString("\n]\n")
	}
	return j.w.Flush()
}
