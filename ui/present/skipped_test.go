package present

import (
	"errors"
	"testing"

	"github.com/brief-news/brief/reader"
)

// The notice names the first files by base name with the reason's
// detail dropped, cleaned of control characters, and cuts the rest to
// "…".
func TestSkippedNotice(t *testing.T) {
	if got := SkippedNotice(nil, 3); got != "" {
		t.Errorf("no files: %q", got)
	}
	errs := []error{
		&reader.FileError{Path: "news/empty.txt", Reason: "is empty"},
		&reader.FileError{Path: "news/image.jpg", Reason: "is not text (image/jpeg)"},
		errors.New("news/e\x1b[31mvil: unreadable"),
		&reader.FileError{Path: "news/d.txt", Reason: "is empty"},
	}
	want := "4 files skipped: empty.txt is empty, image.jpg is not text, …"
	if got := SkippedNotice(errs, 2); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Other errors are named whole, cleaned.
	if got := SkippedNotice(errs[2:3], 3); got != "1 file skipped: news/evil: unreadable" {
		t.Errorf("an escape reached the notice: %q", got)
	}
}
