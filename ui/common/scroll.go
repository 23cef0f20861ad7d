package common

// Scroll keeps a cursor on one of n rows and that row among the rows
// on screen, which start at offset: the selection of the article list
// and of the feed list. It returns the cursor and offset moved as
// little as that takes.
func Scroll(cursor, offset, n, rows int) (int, int) {
	cursor = max(min(cursor, n-1), 0)
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return cursor, max(min(offset, n-rows), 0)
}
