package config

// What brief tells the user when it cannot write its state (the library
// database, the settings file): one line naming the file and what is
// wrong with where it lives, rather than a system call's words.

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// StateError is a write of brief's state that failed for a reason the
// user can act on: "/home/u/.local/share/brief/brief.db: data folder is
// read-only". Err is the underlying error.
type StateError struct {
	Path    string
	Problem string
	Err     error
}

func (e *StateError) Error() string { return e.Path + ": " + e.Problem }
func (e *StateError) Unwrap() error { return e.Err }

// Problems a StateError names.
const (
	ProblemReadOnly   = "is read-only"
	ProblemNotFolder  = "is not a folder"
	ProblemFull       = "is full (no space left on the device)"
	ProblemCannotOpen = "cannot be opened or created"
)

// Kinds of failure, for WriteError's callers that know more than the
// system call (SQLite's result codes).
const (
	// KindReadOnly: the file or its folder cannot be written.
	KindReadOnly = iota + 1
	// KindFull: the device or the quota is full.
	KindFull
	// KindCantOpen: the file could not be opened or created.
	KindCantOpen
	// KindIO: the system refused a read or write, for no reason given.
	KindIO
)

// WriteError describes err, returned writing path (a file in brief's
// data or settings folder), as a StateError when its cause is one the
// user can fix: a read-only file or folder, a full disk, a folder that
// is a file. kind, when not 0, is what the caller knows of the cause
// (see KindReadOnly); otherwise it is read from err. Other errors come
// back as they are; nil stays nil.
func WriteError(path string, kind int, err error) error {
	if err == nil {
		return nil
	}
	var se *StateError
	if errors.As(err, &se) {
		return err
	}
	if kind == 0 {
		kind = kindOf(err)
	}
	if errors.Is(err, syscall.ENOTDIR) {
		return &StateError{Path: path, Problem: folderName(path) + " " + ProblemNotFolder, Err: err}
	}
	switch kind {
	case KindFull:
		return &StateError{Path: path, Problem: folderName(path) + " " + ProblemFull, Err: err}
	case KindIO:
		if p := whyNotWritable(path); p != "" {
			return &StateError{Path: path, Problem: p, Err: err}
		}
	case KindReadOnly, KindCantOpen:
		if p := whyNotWritable(path); p != "" {
			return &StateError{Path: path, Problem: p, Err: err}
		}
		if kind == KindReadOnly {
			return &StateError{Path: path, Problem: "file " + ProblemReadOnly, Err: err}
		}
		return &StateError{Path: path, Problem: ProblemCannotOpen, Err: err}
	}
	return err
}

// kindOf reads the kind of failure from a system call's error.
func kindOf(err error) int {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return KindFull
	case errors.Is(err, syscall.EROFS), errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return KindReadOnly
	}
	return 0
}

// whyNotWritable looks at path and the folders above it and says which
// cannot be written, is not a folder, or is full: "data folder is
// read-only", "" when nothing is wrong that it can see.
func whyNotWritable(path string) string {
	folder := folderName(path)
	// The nearest folder that exists decides whether the file can be
	// created, and its companions (SQLite's journal).
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return folder + " " + ProblemNotFolder
			}
			if err := syscall.Access(dir, 2|1 /* W_OK|X_OK */); err != nil {
				if errors.Is(err, syscall.EROFS) {
					return folder + " is on a read-only file system"
				}
				return folder + " " + ProblemReadOnly
			}
			var st syscall.Statfs_t
			if syscall.Statfs(dir, &st) == nil && st.Bavail == 0 && st.Blocks > 0 {
				return folder + " " + ProblemFull
			}
			break
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return folder + " " + ProblemNotFolder
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return "is a folder"
		}
		if err := syscall.Access(path, 2 /* W_OK */); err != nil {
			return "file " + ProblemReadOnly
		}
	}
	return ""
}

// folderName is how messages call the folder of path: "data folder" for
// the library's, "settings folder" for config.toml's, "folder" else.
func folderName(path string) string {
	switch filepath.Dir(path) {
	case DataDir():
		return "data folder"
	case ConfigDir():
		return "settings folder"
	}
	return "folder"
}
