package feed

import (
	"bytes"
	"io"
)

// itemStartsIn is itemStarts over a document read a block of size
// bytes at a time, for one spooled to a file: the same offsets, with
// no more than a block and a CDATA section's or comment's closing
// delimiter held.
func itemStartsIn(r io.Reader, size int) ([]int, error) {
	var out []int
	block := make([]byte, size)
	var buf []byte // unread bytes; buf[0] is at offset base
	base := 0
	closer := ""    // inside a CDATA section ("]]>") or a comment ("-->")
	const look = 10 // enough of a '<' to tell "<![CDATA[", "<!--", "<item" or "<entry"
	for eof := false; !eof; {
		n, err := io.ReadFull(r, block)
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			eof = true
		default:
			return nil, err
		}
		buf = append(buf, block[:n]...)
		i := 0
		for i < len(buf) {
			if closer != "" {
				e := bytes.Index(buf[i:], []byte(closer))
				if e < 0 {
					i = max(i, len(buf)-len(closer)+1) // the delimiter may straddle
					break
				}
				i += e + len(closer)
				closer = ""
				continue
			}
			j := bytes.IndexByte(buf[i:], '<')
			if j < 0 {
				i = len(buf)
				break
			}
			k := i + j
			if len(buf)-k < look && !eof {
				i = k // judged with the next block
				break
			}
			rest := buf[k:]
			switch {
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				closer, i = "]]>", k+len("<![CDATA[")
				continue
			case bytes.HasPrefix(rest, []byte("<!--")):
				closer, i = "-->", k+len("<!--")
				continue
			}
			for _, name := range [][]byte{[]byte("item"), []byte("entry")} {
				if e := 1 + len(name); bytes.HasPrefix(rest[1:], name) && e < len(rest) && bytes.IndexByte([]byte(" \t\r\n>/"), rest[e]) >= 0 {
					out = append(out, base+k)
				}
			}
			i = k + 1
		}
		base += i
		buf = append(buf[:0], buf[i:]...)
	}
	return out, nil
}
