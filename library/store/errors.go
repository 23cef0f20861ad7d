package store

// Failures to write the library, said in terms the user can act on.

import (
	"errors"

	"github.com/brief-news/brief/library/config"
)

// SQLite's primary result codes for the failures a user can fix.
const (
	sqlitePerm     = 3
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// writeError turns err, from writing the database at path, into a
// config.StateError naming the file and what is wrong ("data folder is
// read-only", "data folder is full …") when the cause is one of those;
// other errors come back as they are.
func writeError(path string, err error) error {
	if err == nil {
		return nil
	}
	var coded interface{ Code() int }
	kind := 0
	if errors.As(err, &coded) {
		switch coded.Code() & 0xff {
		case sqliteReadOnly, sqlitePerm:
			kind = config.KindReadOnly
		case sqliteFull:
			kind = config.KindFull
		case sqliteCantOpen:
			kind = config.KindCantOpen
		case sqliteIOErr:
			// A write the system refused: SQLite keeps no errno, but
			// the file and its folder may say what is wrong.
			kind = config.KindIO
		}
	}
	return config.WriteError(path, kind, err)
}
