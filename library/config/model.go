package config

// The [model] section and the summary setting: model summaries, opt-in.
// Without a [model] section brief never sends an article anywhere.

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Model is the [model] section: an OpenAI-compatible endpoint brief asks
// for written summaries (Ollama, llama.cpp's server, LM Studio, vLLM or
// a hosted API).
type Model struct {
	// URL is the API's base URL, the part before /chat/completions
	// ("http://localhost:11434/v1").
	URL string `toml:"url"`
	// Name is the model to ask ("llama3.2").
	Name string `toml:"name"`
	// APIKeyEnv names the environment variable holding the API key; ""
	// sends no key. The key itself is never in the file.
	APIKeyEnv string `toml:"api_key_env,omitempty"`
	// Prompt replaces the default instructions; "{language}" in it is
	// replaced by the language to write in. "" is the default prompt.
	Prompt string `toml:"prompt,omitempty"`
	// Language is the language to write the summary in: "article" for
	// the article's own, or a name ("English").
	Language string `toml:"language"`
	// MaxInputWords: a longer article is summarised in parts of this
	// many words, then the parts' summaries are summarised.
	MaxInputWords int `toml:"max_input_words"`
	// Timeout bounds one request to the model, answer included.
	Timeout Duration `toml:"timeout"`
}

// Summary engines: what s shows in the reader.
const (
	SummaryOffline = "offline" // brief's own key sentences (the default)
	SummaryModel   = "model"   // the model's summary, asked in the background
)

// DefaultModel is a [model] section's settings before the file's: URL and
// Name have no default.
func DefaultModel() Model {
	return Model{Language: "article", MaxInputWords: 3000, Timeout: Duration{2 * time.Minute}}
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// decodeModel reads the [model] section. A section brief cannot use (no
// url or name, a url that is not http(s)) is nil, with a warning: model
// summaries stay off rather than going somewhere unintended. Values
// are never quoted back in warnings: a key pasted into the wrong
// setting must not be printed.
func decodeModel(md toml.MetaData, prim toml.Primitive, warn func(key, format string, a ...any)) *Model {
	raw, keys, ok := sectionTable(md, prim, "model")
	if !ok {
		warn("model", "model must be a section: [model] (model summaries are off)")
		return nil
	}
	m := DefaultModel()
	d := DefaultModel()
	for _, key := range keys {
		p := raw[key]
		name := "model." + key
		var err error
		switch key {
		case "url":
			if err = md.PrimitiveDecode(p, &m.URL); err == nil && !httpURL(m.URL) {
				warn(name, "%s must be an http:// or https:// address (model summaries are off)", name)
				ok = false
			}
		case "name":
			if err = md.PrimitiveDecode(p, &m.Name); err == nil && strings.TrimSpace(m.Name) == "" {
				warn(name, "%s must name a model (model summaries are off)", name)
				ok = false
			}
		case "api_key_env":
			if err = md.PrimitiveDecode(p, &m.APIKeyEnv); err == nil && m.APIKeyEnv != "" && !envName.MatchString(m.APIKeyEnv) {
				warn(name, "%s must name an environment variable, like OPENAI_API_KEY, not hold the key (sending no key)", name)
				m.APIKeyEnv = ""
			}
		case "api_key":
			warn(name, "%s: keys are read only from the environment; set api_key_env to the variable's name (ignored)", name)
			continue
		case "prompt":
			err = md.PrimitiveDecode(p, &m.Prompt)
		case "language":
			if err = md.PrimitiveDecode(p, &m.Language); err == nil && strings.TrimSpace(m.Language) == "" {
				m.Language = d.Language
			}
		case "max_input_words":
			if err = md.PrimitiveDecode(p, &m.MaxInputWords); err == nil && m.MaxInputWords < 100 {
				warn(name, "%s must be at least 100 (using %d)", name, d.MaxInputWords)
				m.MaxInputWords = d.MaxInputWords
			}
		case "timeout":
			if err = md.PrimitiveDecode(p, &m.Timeout); err == nil && m.Timeout.Duration <= 0 {
				warn(name, "%s must be longer than 0s (using %q)", name, d.Timeout.String())
				m.Timeout = d.Timeout
			}
		default:
			warn(name, "%s: unknown setting %q in [model] (url, name, api_key_env, prompt, language, max_input_words, timeout)", name, oneLine(key))
			continue
		}
		if err != nil {
			switch key {
			case "url", "name":
				warn(name, "%s must be a string (model summaries are off)", name)
				ok = false
			case "max_input_words":
				warn(name, "%s must be a whole number of words (using %d)", name, d.MaxInputWords)
				m.MaxInputWords = d.MaxInputWords
			case "timeout":
				warn(name, "%s must be a duration like \"2m\" (using %q)", name, d.Timeout.String())
				m.Timeout = d.Timeout
			case "api_key_env":
				warn(name, "%s must be a string (sending no key)", name)
				m.APIKeyEnv = ""
			default:
				warn(name, "%s must be a string (using the default)", name)
				switch key {
				case "prompt":
					m.Prompt = d.Prompt
				case "language":
					m.Language = d.Language
				}
			}
		}
	}
	if ok && m.URL == "" {
		warn("model.url", "model.url is missing: the endpoint's address, like \"http://localhost:11434/v1\" (model summaries are off)")
		ok = false
	}
	if ok && m.Name == "" {
		warn("model.name", "model.name is missing: the model to ask, like \"llama3.2\" (model summaries are off)")
		ok = false
	}
	if !ok {
		return nil
	}
	return &m
}

// httpURL reports whether s is an absolute http(s) URL with a host.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// decodeSummary reads the summary setting.
func decodeSummary(md toml.MetaData, prim toml.Primitive, c *Config, warn func(key, format string, a ...any)) {
	var s string
	if err := md.PrimitiveDecode(prim, &s); err != nil || (s != SummaryOffline && s != SummaryModel) {
		warn("summary", "summary must be %q or %q (using %q)", SummaryOffline, SummaryModel, SummaryOffline)
		c.Summary = SummaryOffline
		return
	}
	c.Summary = s
}

// writeModelExample writes, for Save, a commented [model] example that
// says how to turn model summaries on, when m is nil.
func writeModelExample(b *bytes.Buffer, m *Model) {
	if m == nil {
		b.WriteString(`# Model summaries (S in the reader, brief summary --model): off until a
# [model] section names an OpenAI-compatible endpoint. For Ollama:
# [model]
# url = "http://localhost:11434/v1"  # the API's base URL
# name = "llama3.2"                   # the model to ask
# api_key_env = "OPENAI_API_KEY"      # optional: the variable holding the key
# language = "article"                # "article": the article's own language
# max_input_words = 3000              # longer articles are summarised in parts
# timeout = "2m"                      # one request, answer included

`)
	}
}

// writeModelSection writes, for Save, the [model] section in force,
// when there is one.
func writeModelSection(b *bytes.Buffer, m *Model) {
	if m == nil {
		return
	}
	b.WriteString("\n[model]\n")
	line := func(k, v, comment string) { fmt.Fprintf(b, "%-34s # %s\n", k+" = "+v, comment) }
	line("url", strconv.Quote(m.URL), "the API's base URL")
	line("name", strconv.Quote(m.Name), "the model to ask")
	if m.APIKeyEnv != "" {
		line("api_key_env", strconv.Quote(m.APIKeyEnv), "the environment variable holding the key")
	}
	if m.Prompt != "" {
		line("prompt", strconv.Quote(m.Prompt), "the instructions; {language} is the language to write in")
	}
	line("language", strconv.Quote(m.Language), `"article": the article's own language`)
	line("max_input_words", strconv.Itoa(m.MaxInputWords), "longer articles are summarised in parts")
	line("timeout", strconv.Quote(m.Timeout.String()), "one request, answer included")
}
