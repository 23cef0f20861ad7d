// Package llm asks a language model for an article's summary: any
// OpenAI-compatible chat completions endpoint (Ollama, llama.cpp's
// server, LM Studio, vLLM, a hosted API), streamed. It is opt-in: a
// Client exists only for a [model] section in the settings, so without
// one nothing is ever sent.
//
// What is sent is the article's title and its cleaned text (the text the
// offline summarizer reads: summarizer.Input) with a prompt, nothing
// else: no address, no reading history. The answer is untrusted text and
// is cleaned like article text. Answers are cached by (text, model,
// prompt) so that none is asked for twice. It knows nothing of the
// terminal.
package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/brief-news/brief/library/config"
	"github.com/brief-news/brief/reader"
	"github.com/brief-news/brief/summarizer"
)

// ErrNotConfigured is New's answer when the settings have no [model]
// section: model summaries are off and nothing is sent.
var ErrNotConfigured = errors.New("model summaries are off: add a [model] section to config.toml " +
	`(url = "http://localhost:11434/v1", name = "llama3.2"; brief config shows the file)`)

// MaxAnswerBytes caps a model's answer: a summary is a few lines, and a
// model that goes on (or a server that streams without end) is stopped.
const MaxAnswerBytes = 16 << 10

// maxBodyBytes caps the bytes read from one response, stream framing
// included (a few hundred bytes per token). A variable for tests.
var maxBodyBytes int64 = 8 << 20

// MaxParts bounds the parts a long article is summarised in; text beyond
// them is left out (Result.Cut).
const MaxParts = 24

// Cache keeps answers by (text hash, model, prompt hash); *store.Store
// is one. Errors from it are not fatal: the model is asked.
type Cache interface {
	ModelSummary(ctx context.Context, textHash, model, promptHash string) (string, bool, error)
	PutModelSummary(ctx context.Context, textHash, model, promptHash, summary string) error
}

// Article is what a model summarises.
type Article struct {
	Title string
	Text  string // summarizer.Input: plain text, a block a paragraph
	Lang  string // the article's language tag ("en", "de-CH"), "" when unknown
}

// Input is the article as the model gets it: title, cleaned text
// (summarizer.Input) and language.
func Input(title, body, lang string) Article {
	return Article{Title: title, Text: summarizer.Input(summarizer.Document{Title: title, Body: body}), Lang: lang}
}

// Progress is what a summary in the making reports.
type Progress struct {
	// Text is the answer so far, cleaned: of the one request, or of the
	// last one for an article summarised in parts.
	Text string
	// Part of Parts is the part being summarised; Parts is 0 for an
	// article that fits one request. Combining says the parts are done
	// and their summaries are being summarised.
	Part, Parts int
	Combining   bool
}

// Result is a model's summary.
type Result struct {
	Text   string   // the answer, cleaned
	Points []string // its bullet points (Points)
	Model  string
	Cached bool // from the cache, no request made
	Parts  int  // >1: summarised in parts, then the parts' summaries
	Cut    bool // longer than MaxParts parts: the rest was left out
}

// Options are a Summarize call's.
type Options struct {
	// Refresh asks the model even when the cache has an answer.
	Refresh bool
	// Progress, when set, is called as the answer streams in, on the
	// caller's goroutine's behalf (never concurrently).
	Progress func(Progress)
}

// Client asks one model at one endpoint.
type Client struct {
	endpoint string // for messages: the URL without credentials or query
	model    string
	prompt   string // the setting; "" is DefaultPrompt
	language string
	maxWords int
	timeout  time.Duration
	key      string
	secrets  []string // parts of the URL that messages leave out
	base     *url.URL // the API's base; requests go to base/chat/completions
	http     *http.Client
	cache    Cache
}

// New makes the client for the [model] settings m; getenv reads the
// environment (os.Getenv), once, for the variable m.APIKeyEnv names.
// cache may be nil. A nil m is ErrNotConfigured.
func New(m *config.Model, getenv func(string) string, cache Cache) (*Client, error) {
	if m == nil {
		return nil, ErrNotConfigured
	}
	u, err := url.Parse(m.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("model summaries are off: [model] url is not an http:// or https:// address")
	}
	c := &Client{endpoint: reader.CleanLine(showURL(m.URL)), model: m.Name, prompt: m.Prompt, language: m.Language,
		maxWords: m.MaxInputWords, timeout: m.Timeout.Duration, cache: cache}
	if c.maxWords <= 0 {
		c.maxWords = config.DefaultModel().MaxInputWords
	}
	if c.timeout <= 0 {
		c.timeout = config.DefaultModel().Timeout.Duration
	}
	if m.APIKeyEnv != "" && getenv != nil {
		c.key = getenv(m.APIKeyEnv)
	}
	// What messages must not show: a query or user info may hold a
	// secret, and the client's own errors quote the URL.
	if u.RawQuery != "" {
		c.secrets = append(c.secrets, u.RawQuery)
	}
	if u.User != nil {
		c.secrets = append(c.secrets, u.User.String())
	}
	// The base as a folder: "chat/completions" resolves under it, as the
	// OpenAI clients do (…/v1 → …/v1/chat/completions).
	c.base = u.JoinPath("/")
	c.http = &http.Client{Transport: capTransport{http.DefaultTransport}}
	return c, nil
}

// Model is the model's name ("llama3.2"), cleaned for showing: the
// settings file is text like any other.
func (c *Client) Model() string { return reader.CleanLine(c.model) }

// Endpoint is the base URL as messages show it.
func (c *Client) Endpoint() string { return c.endpoint }

// key is where a's summary is cached.
func (c *Client) cacheKey(a Article) (textHash, promptHash string) {
	return hash(a.Title + "\n\n" + a.Text), hash(c.system(a))
}

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Cached is the cached summary of a, without asking the model.
func (c *Client) Cached(ctx context.Context, a Article) (Result, bool) {
	if c.cache == nil {
		return Result{}, false
	}
	th, ph := c.cacheKey(a)
	text, ok, err := c.cache.ModelSummary(ctx, th, c.model, ph)
	if !ok || err != nil {
		return Result{}, false
	}
	text = Clean(text) // stored cleaned; a database is a file like any other
	parts, cut := c.parts(a.Text)
	return Result{Text: text, Points: Points(text), Model: c.Model(), Cached: true, Parts: len(parts), Cut: cut}, true
}

// Summarize asks the model for a's summary, streaming it through
// o.Progress; a cached answer comes back at once unless o.Refresh. A
// long article is summarised in parts of MaxInputWords words, then the
// parts' summaries are summarised. Errors are *Error (or the context's
// when ctx is cancelled) and never contain the key.
func (c *Client) Summarize(ctx context.Context, a Article, o Options) (Result, error) {
	if strings.TrimSpace(a.Text) == "" {
		return Result{}, summarizer.ErrEmpty
	}
	if !o.Refresh {
		if r, ok := c.Cached(ctx, a); ok {
			return r, nil
		}
	}
	progress := func(p Progress) {
		if o.Progress != nil {
			o.Progress(p)
		}
	}
	parts, cut := c.parts(a.Text)
	r := Result{Model: c.Model(), Parts: len(parts), Cut: cut}
	system := c.system(a)
	var text string
	var err error
	if len(parts) == 1 {
		text, err = c.ask(ctx, system, userMessage(a.Title, parts[0]), func(s string) { progress(Progress{Text: s}) })
	} else {
		sums := make([]string, len(parts))
		for i, p := range parts {
			progress(Progress{Part: i + 1, Parts: len(parts)})
			if sums[i], err = c.ask(ctx, system, partMessage(a.Title, p, i+1, len(parts)), nil); err != nil {
				return Result{}, err
			}
		}
		progress(Progress{Parts: len(parts), Combining: true})
		text, err = c.ask(ctx, system, combineMessage(a.Title, sums), func(s string) {
			progress(Progress{Text: s, Parts: len(parts), Combining: true})
		})
	}
	if err != nil {
		return Result{}, err
	}
	r.Text, r.Points = text, Points(text)
	if c.cache != nil {
		th, ph := c.cacheKey(a)
		// Best effort: a library that cannot be written (read-only,
		// full) costs a second request later, not this summary.
		_ = c.cache.PutModelSummary(context.WithoutCancel(ctx), th, c.model, ph, text)
	}
	return r, nil
}

// PartsNote says that a summary was made in parts, for the views that
// show it.
func PartsNote(parts int) string {
	return fmt.Sprintf("The article is long: it was summarised in %d parts, then the parts' summaries together.", parts)
}
