package config

// Writing a file so that a crash leaves the old one or the new one
// (WriteFileAtomic), and clearing the temporary files a killed brief left.

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteFileAtomic replaces path with data so that a crash at any moment
// leaves either the old file or the new one: it writes a temporary file
// in the same folder, syncs it, renames it over path and syncs the
// folder. Missing folders are created. Temporary files a killed brief
// left behind are removed. A folder that cannot be written, or a full
// disk, is a StateError naming path.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	defer func() { err = WriteError(path, 0, err) }()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeStaleTemps(path)
	f, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = fileOps.write(f, data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = fileOps.sync(f); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = fileOps.rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		fileOps.sync(d) // best effort: not every file system syncs folders
		d.Close()
	}
	return nil
}

// fileOps are the steps of WriteFileAtomic whose order makes it safe;
// tests record them, or make them fail as a full disk does.
var fileOps = struct {
	write  func(*os.File, []byte) (int, error)
	sync   func(*os.File) error
	rename func(from, to string) error
}{(*os.File).Write, (*os.File).Sync, os.Rename}

// tempPrefix starts the names of path's temporary files.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp" }

// staleTemp is how old a temporary file must be before another brief
// takes it for one a killed brief left behind, rather than one being
// written.
var staleTemp = time.Minute

// removeStaleTemps removes, as far as it can, the temporary files of
// path that a brief killed while writing it left behind.
func removeStaleTemps(path string) {
	dir := filepath.Dir(path)
	ents, _ := os.ReadDir(dir)
	for _, ent := range ents {
		if !strings.HasPrefix(ent.Name(), tempPrefix(path)) || !ent.Type().IsRegular() {
			continue
		}
		if fi, err := ent.Info(); err == nil && time.Since(fi.ModTime()) >= staleTemp {
			os.Remove(filepath.Join(dir, ent.Name()))
		}
	}
}
