// Package config holds brief's settings and where it keeps its files:
// the library database under $XDG_DATA_HOME/brief and the settings file
// $XDG_CONFIG_HOME/brief/config.toml. Settings are written atomically.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
)

// Config is the content of config.toml. A missing file or a missing key
// means the default.
type Config struct {
	// RetentionDays: read articles older than this are pruned by refresh;
	// saved articles never are. 0 keeps everything.
	RetentionDays int `toml:"retention_days"`
	// Concurrency bounds how many feeds are fetched at once.
	Concurrency int `toml:"concurrency"`
	// PerHost bounds how many requests go to one host at once.
	PerHost int `toml:"per_host"`
	// Timeout bounds one feed's fetch, as a Go duration ("30s").
	Timeout Duration `toml:"timeout"`
	// RefreshOnStart: brief alone shows the library at once and
	// refreshes it in the background.
	RefreshOnStart bool `toml:"refresh_on_start"`
}

// Duration is a time.Duration written as "30s" in TOML.
type Duration struct{ time.Duration }

// UnmarshalText reads "30s", "1m".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as Go prints it.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Default returns the settings brief uses when the file says nothing.
func Default() Config {
	return Config{RetentionDays: 30, Concurrency: 8, PerHost: 2, Timeout: Duration{30 * time.Second}, RefreshOnStart: true}
}

// fill replaces unset or out-of-range values by the defaults.
func (c *Config) fill() {
	d := Default()
	if c.RetentionDays < 0 {
		c.RetentionDays = d.RetentionDays
	}
	if c.Concurrency <= 0 {
		c.Concurrency = d.Concurrency
	}
	if c.PerHost <= 0 {
		c.PerHost = d.PerHost
	}
	if c.Timeout.Duration <= 0 {
		c.Timeout = d.Timeout
	}
}

// DataDir is brief's data folder: $XDG_DATA_HOME/brief, or the platform's
// usual place (~/.local/share/brief on Linux). The environment is read on
// each call, so tests may set it.
func DataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "brief")
	}
	return filepath.Join(xdg.DataHome, "brief")
}

// ConfigDir is brief's settings folder: $XDG_CONFIG_HOME/brief or the
// platform's usual place (~/.config/brief on Linux).
func ConfigDir() string {
	if d := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "brief")
	}
	return filepath.Join(xdg.ConfigHome, "brief")
}

// DBPath is the library database.
func DBPath() string { return filepath.Join(DataDir(), "brief.db") }

// Path is the settings file.
func Path() string { return filepath.Join(ConfigDir(), "config.toml") }

// Load reads the settings at path. A missing file gives the defaults; a
// malformed one is an error naming the file.
func Load(path string) (Config, error) {
	c := Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := toml.Decode(string(data), &c); err != nil {
		return Default(), fmt.Errorf("%s: %v", path, err)
	}
	c.fill()
	return c, nil
}

// Save writes the settings to path atomically.
func Save(path string, c Config) error {
	var b bytes.Buffer
	b.WriteString("# brief settings\n")
	if err := toml.NewEncoder(&b).Encode(c); err != nil {
		return err
	}
	return WriteFileAtomic(path, b.Bytes(), 0o644)
}

// WriteFileAtomic replaces path with data so that a crash at any moment
// leaves either the old file or the new one: it writes a temporary file
// in the same folder, syncs it, renames it over path and syncs the
// folder. Missing folders are created.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
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
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // best effort: not every file system syncs folders
		d.Close()
	}
	return nil
}
