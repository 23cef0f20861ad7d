package store

// Read marks of the articles outside the library: files and folders
// given on the command line, web pages, the sample edition. They are
// kept by location (an absolute file path, a URL, "sample/<file>"),
// one row per article read.

import "context"

// ReadLocations lists the locations marked read.
func (s *Store) ReadLocations(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT location FROM location_marks`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	read := map[string]bool{}
	for rows.Next() {
		var loc string
		if err := rows.Scan(&loc); err != nil {
			return nil, err
		}
		read[loc] = true
	}
	return read, rows.Err()
}

// SetLocationRead marks the article at a location read, or unread.
func (s *Store) SetLocationRead(ctx context.Context, loc string, read bool) error {
	if !read {
		_, err := s.db.ExecContext(ctx, `DELETE FROM location_marks WHERE location = ?`, loc)
		return writeError(s.path, err)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO location_marks (location, read_at) VALUES (?, ?)
		ON CONFLICT (location) DO UPDATE SET read_at = excluded.read_at`, loc, s.now().Unix())
	return writeError(s.path, err)
}
