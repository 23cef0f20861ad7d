package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/brief-news/brief/library/store/internal/searchtext"
)

// Snippet highlight marks (searchtext.MarkOpen, MarkClose).
const (
	markOpen  = searchtext.MarkOpen
	markClose = searchtext.MarkClose
)

// Hit is one search result.
type Hit struct {
	Item
	// Snippet is a short excerpt of the article text around the match,
	// "…" where it is cut; Highlights are the byte ranges [start, end)
	// of the matched words in Snippet.
	Snippet    string
	Highlights [][2]int
}

// searchWindow is how many of the newest matches a search ranks.
const searchWindow = 2000

// ErrEmptyQuery is returned for a query with no words.
var ErrEmptyQuery = errors.New("the search has no words")

// Search finds stored articles matching every word of query, in title
// or text, best first (BM25, title weighted), at most limit (0: 50).
// When more than 2,000 articles match, the 2,000 stored last are ranked.
// Words are matched by stem ("elections" finds "election"); a word
// ending in * matches as a prefix; "quoted phrases" match as phrases.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	q := ftsQuery(query)
	if q == "" {
		return nil, ErrEmptyQuery
	}
	if limit <= 0 {
		limit = 50
	}
	// A word found in most articles would have every one of them
	// ranked: rank only the most recently stored searchWindow matches.
	var floor int64
	err := s.db.QueryRowContext(ctx, `SELECT rowid FROM items_fts WHERE items_fts MATCH ?
		ORDER BY rowid DESC LIMIT 1 OFFSET ?`, q, searchWindow-1).Scan(&floor)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	// Rank first, then build snippets and rows for the best only:
	// snippets are costly.
	rows, err := s.db.QueryContext(ctx, `WITH best AS (
			SELECT rowid AS id, rank FROM items_fts WHERE items_fts MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2)
		SELECT `+itemCols+` FROM best JOIN items i ON i.id = best.id LEFT JOIN feeds f ON f.id = i.feed_id
		ORDER BY best.rank`, q, limit, floor)
	if err != nil {
		return nil, err
	}
	var out []Hit
	index := map[int64]int{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[it.ID] = len(out)
		out = append(out, Hit{Item: it})
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]string, 0, len(out))
	for _, h := range out {
		ids = append(ids, strconv.FormatInt(h.ID, 10))
	}
	srows, err := s.db.QueryContext(ctx, `SELECT rowid, snippet(items_fts, 1, ?1, ?2, '…', 24) FROM items_fts
		WHERE items_fts MATCH ?3 AND rowid IN (`+strings.Join(ids, ",")+`)`, markOpen, markClose, q)
	if err != nil {
		return nil, err
	}
	defer srows.Close()
	for srows.Next() {
		var id int64
		var snip string
		if err := srows.Scan(&id, &snip); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Snippet, out[i].Highlights = parseMarks(snip)
		}
	}
	return out, srows.Err()
}

// ftsQuery turns what a user typed into an FTS5 query that cannot be a
// syntax error: each word or "phrase" becomes a quoted string, a
// trailing * makes a prefix query, and all must match.
func ftsQuery(s string) string {
	var terms []string
	add := func(t string, prefix bool) {
		t = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				return r
			}
			return ' '
		}, t)
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			return
		}
		q := `"` + t + `"`
		if prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	for s != "" {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				add(s[1:], false)
				break
			}
			add(s[1:1+end], false)
			s = s[end+2:]
			continue
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		w := s[:end]
		s = s[end:]
		add(w, strings.HasSuffix(w, "*") && len(w) > 1)
	}
	return strings.Join(terms, " ")
}

// parseMarks removes the highlight marks from a snippet and returns
// where they were.
func parseMarks(s string) (string, [][2]int) {
	var b strings.Builder
	var hl [][2]int
	start := -1
	for _, r := range s {
		switch string(r) {
		case markOpen:
			start = b.Len()
		case markClose:
			if start >= 0 && b.Len() > start {
				hl = append(hl, [2]int{start, b.Len()})
			}
			start = -1
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), hl
}

// countWords counts words the way reading time needs them.
func countWords(s string) int { return len(strings.Fields(s)) }
