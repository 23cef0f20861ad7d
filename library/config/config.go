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
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	// MaxItems: a refresh stores at most this many items of one feed,
	// the newest. 0 keeps all.
	MaxItems int `toml:"max_items"`
	// Summary is what s shows in the reader: SummaryOffline or
	// SummaryModel (asked for the open article; needs [model]).
	Summary string `toml:"summary"`
	// Model is the [model] section (model.go); nil: none, nothing is sent.
	Model  *Model `toml:"model,omitempty"`
	Keys   Keys   `toml:"-"` // [keys]: the reader's keys rebound (keys.go)
	Colors Colors `toml:"-"` // [colors]: palette, theme, glamour style
	// Sync is the [sync] section: the feed server to sync with.
	Sync Sync `toml:"sync,omitempty"`
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
	return Config{RetentionDays: 30, Concurrency: 8, PerHost: 2, Timeout: Duration{30 * time.Second}, RefreshOnStart: true, MaxItems: 1000, Summary: SummaryOffline}
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

// Warning is a setting of the file that brief cannot use: an unknown
// key, a value of the wrong type or out of range. The default is used
// for it. Error() is one line: "config.toml: unknown setting "x"".
type Warning struct {
	Path    string // the settings file
	Key     string
	Problem string // "unknown setting "x"", "concurrency must be at least 1 (using 8)"
}

func (w *Warning) Error() string { return w.Path + ": " + w.Problem }

// Load reads the settings at path. A missing file gives the defaults; a
// malformed one is an error naming the file. Settings it cannot use are
// replaced by their defaults silently: LoadChecked reports them.
func Load(path string) (Config, error) {
	c, _, err := LoadChecked(path)
	return c, err
}

// LoadChecked is Load that also returns a warning for each setting the
// file gets wrong (an unknown key, a wrong type, a value out of range),
// in the file's order; brief uses the default for those.
func LoadChecked(path string) (Config, []*Warning, error) {
	c := Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil, nil
	}
	if err == nil {
		removeStaleTemps(path) // a Save killed midway left them
	}
	if err != nil {
		return c, nil, fmt.Errorf("%s: %w", path, err)
	}
	var raw map[string]toml.Primitive
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		// The parser quotes the file, line breaks and all: one line.
		return Default(), nil, fmt.Errorf("%s: %s", path, oneLine(err.Error()))
	}
	d := Default()
	var warns []*Warning
	warn := func(key, format string, a ...any) {
		warns = append(warns, &Warning{Path: path, Key: key, Problem: fmt.Sprintf(format, a...)})
	}
	// Keys in the file's order, so that warnings follow it.
	var keys []string
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		if len(k) > 0 && !seen[k[0]] {
			seen[k[0]] = true
			keys = append(keys, k[0])
		}
	}
	for _, key := range keys {
		prim := raw[key]
		var err error
		switch key {
		case "retention_days":
			if err = md.PrimitiveDecode(prim, &c.RetentionDays); err == nil && c.RetentionDays < 0 {
				warn(key, "retention_days must be 0 (keep all) or more (using %d)", d.RetentionDays)
				c.RetentionDays = d.RetentionDays
			}
		case "concurrency":
			if err = md.PrimitiveDecode(prim, &c.Concurrency); err == nil && c.Concurrency < 1 {
				warn(key, "concurrency must be at least 1 (using %d)", d.Concurrency)
				c.Concurrency = d.Concurrency
			}
		case "per_host":
			if err = md.PrimitiveDecode(prim, &c.PerHost); err == nil && c.PerHost < 1 {
				warn(key, "per_host must be at least 1 (using %d)", d.PerHost)
				c.PerHost = d.PerHost
			}
		case "timeout":
			if err = md.PrimitiveDecode(prim, &c.Timeout); err == nil && c.Timeout.Duration <= 0 {
				warn(key, "timeout must be longer than 0s (using %q)", d.Timeout.String())
				c.Timeout = d.Timeout
			}
		case "refresh_on_start":
			err = md.PrimitiveDecode(prim, &c.RefreshOnStart)
		case "max_items":
			if err = md.PrimitiveDecode(prim, &c.MaxItems); err == nil && c.MaxItems < 0 {
				warn(key, "max_items must be 0 (keep all) or more (using %d)", d.MaxItems)
				c.MaxItems = d.MaxItems
			}
		case "keys":
			c.Keys = decodeKeys(md, prim, warn)
			continue
		case "colors":
			c.Colors = decodeColors(md, prim, warn)
			continue
		case "summary":
			decodeSummary(md, prim, &c, warn)
			continue
		case "model":
			c.Model = decodeModel(md, prim, warn)
			continue
		case "sync":
			c.Sync = decodeSync(md, prim, warn)
			continue
		default:
			if near := nearest(key); near != "" {
				warn(key, "unknown setting %q (did you mean %s?)", key, near)
			} else {
				warn(key, "unknown setting %q", key)
			}
			continue
		}
		if err != nil {
			warn(key, "%s must be %s (using %s)", key, kinds[key], defaultText(key))
			setDefault(&c, key)
		}
	}
	return c, warns, nil
}

// oneLine makes a message one line with no control characters: runs of
// white space become one space and other controls go.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// kinds says what each setting holds, for warnings.
var kinds = map[string]string{
	"retention_days":   "a whole number of days",
	"concurrency":      "a whole number",
	"per_host":         "a whole number",
	"timeout":          `a duration like "30s" or "1m"`,
	"refresh_on_start": "true or false",
	"max_items":        "a whole number of items",
}

// defaultText is a setting's default as written in the file.
func defaultText(key string) string {
	d := Default()
	switch key {
	case "retention_days":
		return strconv.Itoa(d.RetentionDays)
	case "concurrency":
		return strconv.Itoa(d.Concurrency)
	case "per_host":
		return strconv.Itoa(d.PerHost)
	case "timeout":
		return strconv.Quote(d.Timeout.String())
	case "max_items":
		return strconv.Itoa(d.MaxItems)
	}
	return strconv.FormatBool(d.RefreshOnStart)
}

func setDefault(c *Config, key string) {
	d := Default()
	switch key {
	case "retention_days":
		c.RetentionDays = d.RetentionDays
	case "concurrency":
		c.Concurrency = d.Concurrency
	case "per_host":
		c.PerHost = d.PerHost
	case "timeout":
		c.Timeout = d.Timeout
	case "refresh_on_start":
		c.RefreshOnStart = d.RefreshOnStart
	case "max_items":
		c.MaxItems = d.MaxItems
	}
}

// settings are the keys of the file with their comments, in the order
// Save writes them.
var settings = []struct{ key, comment string }{
	{"retention_days", "read, unsaved articles older than this are pruned by refresh (0: keep all)"},
	{"concurrency", "feeds fetched at once"},
	{"per_host", "requests to one host at once"},
	{"timeout", "one fetch"},
	{"refresh_on_start", "brief refreshes the library in the background when it opens"},
	{"max_items", "a refresh keeps at most this many items of a feed, the newest (0: all)"},
	{"summary", `what s shows in the reader: "offline" or "model" (needs [model])`},
}

// nearest is the known setting a misspelt key probably meant, "" when
// none is close.
func nearest(key string) string {
	best, bestD := "", 3
	for _, s := range settings {
		if d := distance(strings.ToLower(key), s.key); d < bestD {
			best, bestD = s.key, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Save writes the settings to path atomically, one per line with a
// comment saying what it does.
func Save(path string, c Config) error {
	vals := map[string]string{
		"retention_days":   strconv.Itoa(c.RetentionDays),
		"concurrency":      strconv.Itoa(c.Concurrency),
		"per_host":         strconv.Itoa(c.PerHost),
		"timeout":          strconv.Quote(c.Timeout.String()),
		"refresh_on_start": strconv.FormatBool(c.RefreshOnStart),
		"max_items":        strconv.Itoa(c.MaxItems),
		"summary":          strconv.Quote(c.Summary),
	}
	var b bytes.Buffer
	b.WriteString("# brief settings; brief config shows the ones in force.\n")
	writeModelExample(&b, c.Model) // without [model]; first, so that a whole file ends with the last setting
	for _, s := range settings {
		fmt.Fprintf(&b, "%-24s # %s\n", s.key+" = "+vals[s.key], s.comment)
	}
	writeSections(&b, c) // tables come last in TOML
	return WriteFileAtomic(path, b.Bytes(), 0o644)
}
