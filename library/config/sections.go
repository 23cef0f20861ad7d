package config

// The tables of config.toml besides the top-level settings.

import (
	"bytes"
	"reflect"

	"github.com/BurntSushi/toml"
)

// sectionTable reads a table of config.toml ([keys], [colors], [model])
// as its settings undecoded, with their names in the file's order (so
// that warnings, and the first binding of a key, follow the file); ok
// is false when the section is not a table.
func sectionTable(md toml.MetaData, prim toml.Primitive, section string) (raw map[string]toml.Primitive, order []string, ok bool) {
	if err := md.PrimitiveDecode(prim, &raw); err != nil {
		return nil, nil, false
	}
	for _, full := range md.Keys() {
		if len(full) == 2 && full[0] == section {
			order = append(order, full[1])
		}
	}
	return raw, order, true
}

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
