package config

// The [sync] section: the feed server the library syncs with. It names
// the environment variables that hold the secrets, never the secrets:
// config.toml is often kept in a dotfiles repository, and brief never
// writes a password or token anywhere.

import (
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Sync is the [sync] section; Kind "" means no sync.
type Sync struct {
	// Kind is the protocol: "miniflux" (its API with a token) or
	// "greader" (the Google Reader API, ClientLogin with a password).
	Kind string `toml:"kind,omitempty"`
	// URL is the server's address (Miniflux: its base URL; greader: the
	// API's base, e.g. https://host/api/greader.php for FreshRSS).
	URL string `toml:"url,omitempty"`
	// User is the user name (greader's ClientLogin; unused by miniflux).
	User string `toml:"user,omitempty"`
	// TokenEnv names the variable holding a Miniflux API token.
	TokenEnv string `toml:"token_env,omitempty"`
	// PasswordEnv names the variable holding the greader password.
	PasswordEnv string `toml:"password_env,omitempty"`
}

// Enabled reports whether a server is set.
func (s Sync) Enabled() bool { return s.Kind != "" }

// Secret reads the token or password from the environment variable
// the settings name; the error says which variable is missing.
func (s Sync) Secret() (string, error) {
	name := s.TokenEnv
	what := "token_env"
	if s.Kind == "greader" {
		name, what = s.PasswordEnv, "password_env"
	}
	if name == "" {
		return "", fmt.Errorf("[sync] %s is not set: name the environment variable that holds the secret", what)
	}
	v := os.Getenv(name)
	if v == "" {
		return "", fmt.Errorf("[sync] %s: environment variable %s is empty or unset", what, name)
	}
	return v, nil
}

// syncKeys are the keys of [sync].
var syncKeys = []string{"kind", "url", "user", "token_env", "password_env"}

// decodeSync reads [sync]; what it cannot use is a warning and leaves
// sync off rather than half set up.
func decodeSync(md toml.MetaData, prim toml.Primitive, warn func(key, format string, a ...any)) Sync {
	var raw map[string]any
	if err := md.PrimitiveDecode(prim, &raw); err != nil {
		warn("sync", "[sync] must be a table of settings (sync is off)")
		return Sync{}
	}
	var s Sync
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, ok := raw[k].(string)
		known := false
		for _, sk := range syncKeys {
			known = known || sk == k
		}
		switch {
		case !known:
			warn("sync."+k, "unknown setting \"sync.%s\" (known: %s)", k, strings.Join(syncKeys, ", "))
			continue
		case !ok:
			warn("sync."+k, "sync.%s must be a string (sync is off)", k)
			return Sync{}
		}
		switch k {
		case "kind":
			s.Kind = v
		case "url":
			s.URL = v
		case "user":
			s.User = v
		case "token_env":
			s.TokenEnv = v
		case "password_env":
			s.PasswordEnv = v
		}
	}
	if s.Kind != "miniflux" && s.Kind != "greader" {
		warn("sync.kind", "sync.kind must be \"miniflux\" or \"greader\" (sync is off)")
		return Sync{}
	}
	if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		warn("sync.url", "sync.url must be the server's http(s) address (sync is off)")
		return Sync{}
	}
	if s.Kind == "greader" && s.User == "" {
		warn("sync.user", "sync.user must name the account for kind = \"greader\" (sync is off)")
		return Sync{}
	}
	return s
}

// syncText is [sync] as Save writes it, "" when sync is off.
func syncText(s Sync) string {
	if !s.Enabled() {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n# the feed server brief syncs with (README: Sync); secrets stay in the environment\n[sync]\n")
	for _, kv := range [][2]string{{"kind", s.Kind}, {"url", s.URL}, {"user", s.User}, {"token_env", s.TokenEnv}, {"password_env", s.PasswordEnv}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "%s = %q\n", kv[0], kv[1])
		}
	}
	return b.String()
}
