package present

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/brief-news/brief/reader"
)

// SkippedNotice sums up the files a folder load skipped, naming the
// first named (the reader's start-up status line); "" for none.
func SkippedNotice(errs []error, named int) string {
	if len(errs) == 0 {
		return ""
	}
	var names []string
	for i, err := range errs {
		if i == named {
			names = append(names, "…")
			break
		}
		var fe *reader.FileError
		if errors.As(err, &fe) {
			// A file name can hold any byte: cleaned, as FileError.Error is.
			names = append(names, reader.CleanLine(filepath.Base(fe.Path)+" "+shortReason(fe.Reason)))
		} else {
			names = append(names, reader.CleanLine(err.Error()))
		}
	}
	return reader.Plural(len(errs), "file") + " skipped: " + strings.Join(names, ", ")
}

// shortReason drops the detail in brackets: "is not text (image/jpeg)"
// becomes "is not text".
func shortReason(r string) string {
	if i := strings.Index(r, " ("); i > 0 {
		return r[:i]
	}
	return r
}
