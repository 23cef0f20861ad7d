package config

// The tables of config.toml besides the top-level settings.

import (
	"bytes"
	"reflect"
)

// writeSections writes the [sync], [model], [keys] and [colors] tables
// that are set.
func writeSections(b *bytes.Buffer, c Config) {
	b.WriteString(syncText(c.Sync))
	writeModelSection(b, c.Model)
	if s := c.Keys.String(); s != "" {
		b.WriteString("\n[keys]                   # action = [\"key\", …]; brief config lists the actions\n" + s)
	}
	if s := c.Colors.String(); s != "" {
		b.WriteString("\n[colors]\n" + s)
	}
}

// Equal reports whether two configurations are the same settings
// (Config holds maps, so it cannot be compared with ==).
func (c Config) Equal(d Config) bool {
	if c.Keys.String() != d.Keys.String() || c.Colors.String() != d.Colors.String() {
		return false
	}
	c.Keys, c.Colors, d.Keys, d.Colors = Keys{}, Colors{}, Keys{}, Colors{}
	return reflect.DeepEqual(c, d)
}
