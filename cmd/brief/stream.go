package main

// Output that streams: commands that can print a whole library write
// each row as it is read, through a buffer, instead of building all of
// it first (100,000 rows were 14 MB held in memory before the first
// byte, and `| head` waited for all of it).

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// jsonArray writes a JSON array one element at a time, byte for byte
// what writeJSON writes for the whole slice.
type jsonArray struct {
	w   *bufio.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONArray(w *bufio.Writer) *jsonArray {
	j := &jsonArray{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetIndent("  ", "  ")
	j.enc.SetEscapeHTML(false)
	return j
}

// add writes one element.
func (j *jsonArray) add(v any) error {
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

// close ends the array and flushes it.
func (j *jsonArray) close() error {
	if j.n == 0 {
		j.w.WriteString("[]\n")
	} else {
		j.w.WriteString("\n]\n")
	}
	return j.w.Flush()
}

// streamWriter buffers rows for w: big enough to make few writes, small
// enough that the first rows are out at once.
func streamWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 32<<10) }
