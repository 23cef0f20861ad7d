package llm

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/hostiletest"
	"github.com/brief-news/brief/internal/llmtest"
	"github.com/brief-news/brief/library/config"
)

// memCache is a Cache in memory that counts its use.
type memCache struct {
	mu   sync.Mutex
	m    map[string]string
	puts int
}

func (c *memCache) ModelSummary(_ context.Context, th, model, ph string) (string, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[th+"|"+model+"|"+ph]
	return s, ok, nil
}

func (c *memCache) PutModelSummary(_ context.Context, th, model, ph, s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	c.m[th+"|"+model+"|"+ph] = s
	c.puts++
	return nil
}

func settings(url string) *config.Model {
	m := config.DefaultModel()
	m.URL, m.Name = url, "llama3.2"
	return &m
}

func client(t *testing.T, m *config.Model, env map[string]string, cache Cache) *Client {
	t.Helper()
	c, err := New(m, func(k string) string { return env[k] }, cache)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var harbour = Article{Title: "Harbour wall to be rebuilt", Lang: "de",
	Text: "The council will rebuild the harbour wall.\n\nWork starts in March and costs 4 million."}

// The request is a streamed chat completion for the model in the
// settings: the prompt (asking for neutral bullet points in the
// article's language) and the title and cleaned text, nothing else,
// and no Authorization header when no key is set, even with
// OPENAI_API_KEY in the environment.
func TestRequestShape(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- The council ", "will rebuild the wall.\n", "- Work starts in March."))
	t.Setenv("OPENAI_API_KEY", "sk-ambient")
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/")
	c := client(t, settings(srv.BaseURL()), nil, nil)
	var seen []string
	r, err := c.Summarize(context.Background(), harbour, Options{Progress: func(p Progress) { seen = append(seen, p.Text) }})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	q := reqs[0]
	if q.Method != "POST" || q.Path != "/v1/chat/completions" || q.Model != "llama3.2" || !q.Stream {
		t.Errorf("request %s %s model %q stream %v", q.Method, q.Path, q.Model, q.Stream)
	}
	if q.Authorization != "" {
		t.Errorf("an Authorization header was sent without a key: %q", q.Authorization)
	}
	if !strings.HasPrefix(q.UserAgent, "brief/") {
		t.Errorf("User-Agent %q does not name brief", q.UserAgent)
	}
	if len(q.Messages) != 2 || q.Messages[0].Role != "system" || q.Messages[1].Role != "user" {
		t.Fatalf("messages %+v", q.Messages)
	}
	for _, s := range []string{"neutral", "bullet points", "German"} {
		if !strings.Contains(q.Messages[0].Content, s) {
			t.Errorf("the prompt lacks %q: %s", s, q.Messages[0].Content)
		}
	}
	if want := "Title: " + harbour.Title + "\n\n" + harbour.Text; q.Messages[1].Content != want {
		t.Errorf("user message %q, want %q", q.Messages[1].Content, want)
	}
	for k := range q.Body {
		if k != "model" && k != "messages" && k != "stream" {
			t.Errorf("the request sends %q too", k)
		}
	}
	if strings.Join(r.Points, "|") != "The council will rebuild the wall.|Work starts in March." || r.Model != "llama3.2" || r.Cached {
		t.Errorf("result %+v", r)
	}
	if len(seen) != 3 || seen[0] != "- The council" || seen[2] != r.Text {
		t.Errorf("progress %q", seen)
	}
}

// With a key in the variable the settings name, it goes as a bearer
// token; a server quoting it back in an error does not get it shown.
func TestKeyFromTheNamedVariableOnly(t *testing.T) {
	srv := llmtest.New(t, llmtest.Status(401, "Incorrect API key provided: sk-secret-123."))
	m := settings(srv.BaseURL())
	m.APIKeyEnv = "BRIEF_TEST_KEY"
	c := client(t, m, map[string]string{"BRIEF_TEST_KEY": "sk-secret-123"}, nil)
	_, err := c.Summarize(context.Background(), harbour, Options{})
	if got := srv.Requests()[0].Authorization; got != "Bearer sk-secret-123" {
		t.Errorf("Authorization %q", got)
	}
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindStatus || e.Status != 401 {
		t.Fatalf("error %v", err)
	}
	if strings.Contains(err.Error(), "sk-secret-123") || !strings.Contains(err.Error(), "HTTP 401 Unauthorized: Incorrect API key provided: [key].") {
		t.Errorf("error %q", err)
	}
}

// Without a [model] section there is no client: nothing can be sent.
func TestNotConfigured(t *testing.T) {
	if c, err := New(nil, nil, nil); c != nil || !errors.Is(err, ErrNotConfigured) {
		t.Errorf("New(nil) = %v, %v", c, err)
	}
}

// An answer is cached by (text, model, prompt): asked once, then read
// from the cache; another model, prompt or text asks again; Refresh
// asks again and replaces it.
func TestCache(t *testing.T) {
	srv := llmtest.New(t, llmtest.Pieces("- One."))
	cache := &memCache{}
	c := client(t, settings(srv.BaseURL()), nil, cache)
	ctx := context.Background()
	for range 2 {
		if _, err := c.Summarize(ctx, harbour, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(srv.Requests()); n != 1 {
		t.Fatalf("%d requests for the same article twice, want 1", n)
	}
	if r, ok := c.Cached(ctx, harbour); !ok || !r.Cached || r.Text != "- One." {
		t.Errorf("Cached = %+v %v", r, ok)
	}
	other := settings(srv.BaseURL())
	other.Name = "qwen3"
	client(t, other, nil, cache).Summarize(ctx, harbour, Options{})
	prompted := settings(srv.BaseURL())
	prompted.Prompt = "Two points in {language}."
	client(t, prompted, nil, cache).Summarize(ctx, harbour, Options{})
	changed := harbour
	changed.Text += "\n\nA correction."
	c.Summarize(ctx, changed, Options{})
	if n := len(srv.Requests()); n != 4 {
		t.Fatalf("%d requests, want 4 (another model, prompt, text)", n)
	}
	srv.SetReply(llmtest.Pieces("- Two."))
	if r, err := c.Summarize(ctx, harbour, Options{Refresh: true}); err != nil || r.Text != "- Two." || r.Cached {
		t.Fatalf("refresh: %+v %v", r, err)
	}
	if r, _ := c.Summarize(ctx, harbour, Options{}); r.Text != "- Two." || !r.Cached {
		t.Errorf("after a refresh the cache has %+v", r)
	}
}

// A long article is summarised in parts of max_input_words, then the
// parts' summaries together; progress says which part.
func TestLongArticleInParts(t *testing.T) {
	srv := llmtest.New(t, func(w http.ResponseWriter, r *http.Request, req llmtest.Request) {
		u := req.Messages[1].Content
		switch {
		case strings.Contains(u, "(This is part 1 of 3"):
			llmtest.Pieces("- Part one.")(w, r, req)
		case strings.Contains(u, "(This is part 2 of 3"):
			llmtest.Pieces("- Part two.")(w, r, req)
		case strings.Contains(u, "(This is part 3 of 3"):
			llmtest.Pieces("- Part three.")(w, r, req)
		default:
			llmtest.Pieces("- All ", "of it.")(w, r, req)
		}
	})
	m := settings(srv.BaseURL())
	m.MaxInputWords = 100
	c := client(t, m, nil, nil)
	para := strings.Repeat("word ", 40)
	a := Article{Title: "Long", Text: strings.Join([]string{para, para, para, para, para}, "\n\n")}
	var parts []int
	var combining []string
	r, err := c.Summarize(context.Background(), a, Options{Progress: func(p Progress) {
		if p.Part > 0 {
			parts = append(parts, p.Part)
		}
		if p.Combining {
			combining = append(combining, p.Text)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 4 || r.Parts != 3 || r.Text != "- All of it." {
		t.Fatalf("%d requests, result %+v", len(reqs), r)
	}
	for i, q := range reqs[:3] {
		if n := len(strings.Fields(q.Messages[1].Content)); n > 100+20 {
			t.Errorf("part %d has %d words", i+1, n)
		}
	}
	last := reqs[3].Messages[1].Content
	for _, s := range []string{"Part 1:\n- Part one.", "Part 2:\n- Part two.", "Part 3:\n- Part three."} {
		if !strings.Contains(last, s) {
			t.Errorf("the final request lacks %q:\n%s", s, last)
		}
	}
	if strings.Join(strings.Fields(strings.Trim(fmtInts(parts), "[]")), ",") != "1,2,3" || len(combining) == 0 || combining[len(combining)-1] != "- All of it." {
		t.Errorf("progress: parts %v, combining %q", parts, combining)
	}
}

// Text beyond MaxParts parts is reported cut, also when its parts end
// at paragraphs and so hold fewer words than MaxParts full parts would.
func TestPartsCut(t *testing.T) {
	m := settings("http://localhost:1/v1")
	m.MaxInputWords = 100
	c := client(t, m, nil, nil)
	para := strings.TrimSpace(strings.Repeat("word ", 60)) // two do not fit in one part
	for _, tc := range []struct {
		paras int
		cut   bool
	}{{MaxParts, false}, {MaxParts + 1, true}} {
		ps := make([]string, tc.paras)
		for i := range ps {
			ps[i] = para
		}
		parts, cut := c.parts(strings.Join(ps, "\n\n"))
		if len(parts) != MaxParts || cut != tc.cut {
			t.Errorf("%d paragraphs: %d parts, cut %v; want %d, %v", tc.paras, len(parts), cut, MaxParts, tc.cut)
		}
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(" " + string(rune('0'+x)))
	}
	return b.String()
}

// Every way a request fails is one line naming the endpoint and what
// went wrong, of its kind.
func TestFailures(t *testing.T) {
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr + "/v1"
	}()
	for _, tc := range []struct {
		name  string
		reply llmtest.Reply
		url   string
		kind  Kind
		want  string
	}{
		{"refused", nil, closed, KindRefused, "cannot connect: connection refused"},
		{"404", llmtest.Status(404, `model "llama3.2" not found, try pulling it first`), "", KindStatus, `HTTP 404 Not Found: model "llama3.2" not found, try pulling it first`},
		{"500", llmtest.Status(500, "out of memory"), "", KindStatus, "HTTP 500 Internal Server Error: out of memory"},
		{"429", llmtest.Status(429, "Rate limit reached"), "", KindStatus, "HTTP 429 Too Many Requests: Rate limit reached"},
		{"timeout", llmtest.Hang, "", KindTimeout, "no complete answer within 300ms"},
		{"broken", llmtest.Broken("- Half"), "", KindBadStream, "the stream ended before the answer was complete"},
		{"html", llmtest.Raw("text/html", "<html><body>It works!</body></html>"), "", KindBadStream, "the server sent no chat completions stream"},
		{"stream error", llmtest.StreamError("model crashed", "- Half"), "", KindBadStream, "the stream broke off with an error: model crashed"},
		{"empty", llmtest.Pieces(""), "", KindEmpty, "the model gave an empty answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := tc.url
			if url == "" {
				url = llmtest.New(t, tc.reply).BaseURL()
			}
			m := settings(url)
			m.Timeout = config.Duration{Duration: 300 * time.Millisecond}
			cache := &memCache{}
			_, err := client(t, m, nil, cache).Summarize(context.Background(), harbour, Options{})
			var e *Error
			if !errors.As(err, &e) || e.Kind != tc.kind {
				t.Fatalf("error %v (%T), want kind %d", err, err, tc.kind)
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.HasPrefix(msg, "model at "+url+": ") || !strings.Contains(msg, tc.want) || strings.ContainsAny(msg, "\n\r\x1b") {
				t.Errorf("message %q, want the endpoint and %q on one line", msg, tc.want)
			}
			if cache.puts != 0 {
				t.Errorf("a failure was cached")
			}
		})
	}
}

// Cancelling stops the request at once and is no failure to report.
func TestCancel(t *testing.T) {
	srv := llmtest.New(t, llmtest.Hang)
	c := client(t, settings(srv.BaseURL()), nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Summarize(ctx, harbour, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
}

// Model output is untrusted: escape sequences and controls never come
// out, thinking is dropped, and an answer past the cap is stopped.
func TestHostileOutput(t *testing.T) {
	var pieces []string
	for _, p := range hostiletest.Valid() {
		pieces = append(pieces, "- "+p.Text+"\n")
	}
	pieces = append(pieces, "<think>secret reasoning</think>- Last.", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "\x1b[")
	srv := llmtest.New(t, llmtest.Pieces(pieces...))
	var seen []string
	r, err := client(t, settings(srv.BaseURL()), nil, nil).Summarize(context.Background(), harbour,
		Options{Progress: func(p Progress) { seen = append(seen, p.Text) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(seen, r.Text) {
		if err := hostiletest.Check([]byte(s)); err != nil {
			t.Fatalf("%v in %q", err, s)
		}
	}
	if strings.Contains(r.Text, "secret reasoning") || !strings.Contains(r.Text, "Last.") {
		t.Errorf("thinking kept or answer lost: %q", r.Text)
	}

	huge := strings.Repeat("word ", 1000)
	srv.SetReply(llmtest.Pieces(strings.Split(strings.Repeat(huge+"\n", 10), "\n")...))
	_, err = client(t, settings(srv.BaseURL()), nil, nil).Summarize(context.Background(), harbour, Options{Refresh: true})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindTooLong {
		t.Errorf("a huge answer: %v", err)
	}

	// A stream of empty chunks without end stops at the body cap.
	defer func(n int64) { maxBodyBytes = n }(maxBodyBytes)
	maxBodyBytes = 64 << 10
	srv.SetReply(func(w http.ResponseWriter, r *http.Request, req llmtest.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for r.Context().Err() == nil {
			llmtest.Chunk(w, req.Model, "", "")
		}
	})
	_, err = client(t, settings(srv.BaseURL()), nil, nil).Summarize(context.Background(), harbour, Options{Refresh: true})
	if !errors.As(err, &e) || e.Kind != KindTooLong || !strings.Contains(err.Error(), "the response passed 64 KB; stopped") {
		t.Errorf("an endless stream: %v", err)
	}
}

// Points reads the answers models give.
func TestPoints(t *testing.T) {
	for in, want := range map[string]string{
		"Here is a summary:\n\n- One.\n- Two\n  continued.\n": "One.|Two continued.",
		"* One.\n* Two.":   "One.|Two.",
		"1. One.\n2) Two.": "One.|Two.",
		"• One.\n• Two.":   "One.|Two.",
		"The council will rebuild the wall.\nWork starts in March.": "The council will rebuild the wall.|Work starts in March.",
	} {
		if got := strings.Join(Points(in), "|"); got != want {
			t.Errorf("Points(%q) = %q, want %q", in, got, want)
		}
	}
}

// The language: the article's own by name, or when unknown, said so;
// a setting names it.
func TestLanguage(t *testing.T) {
	c := client(t, settings("http://127.0.0.1:1/v1"), nil, nil)
	if got := c.languageFor(Article{Lang: "fr-CA"}); !strings.HasPrefix(got, "French") {
		t.Errorf("fr-CA: %q", got)
	}
	if got := c.languageFor(Article{}); got != "the language the article is written in" {
		t.Errorf("unknown: %q", got)
	}
	m := settings("http://127.0.0.1:1/v1")
	m.Language = "English"
	if got := client(t, m, nil, nil).languageFor(Article{Lang: "de"}); got != "English" {
		t.Errorf("setting: %q", got)
	}
}

// The settings are text like any other: a model name or URL with an
// escape sequence is shown cleaned, in Model and in errors.
func TestSettingsShownCleaned(t *testing.T) {
	srv := llmtest.New(t, llmtest.Raw("text/plain", "no"))
	m := settings(strings.Replace(srv.BaseURL(), "http://", "http://user:pw-secret@", 1) + "?token=q-secret")
	m.Name = "llama\x1b[31m3.2"
	c := client(t, m, nil, nil)
	if got := c.Model(); got != "llama3.2" {
		t.Errorf("Model() = %q", got)
	}
	_, err := c.Summarize(context.Background(), harbour, Options{})
	if err == nil || strings.ContainsRune(err.Error(), 0x1b) || strings.Contains(err.Error(), "secret") || !strings.HasPrefix(err.Error(), "model at "+srv.BaseURL()+":") {
		t.Errorf("error %q", err)
	}
	if _, err := New(settings("http://127.0.0.1:1/v1?\x1b]0;x\x07"), nil, nil); err == nil {
		t.Error("a URL with a control character was taken")
	}
}

// TestAPIMessage: the server's words about a failed request, whichever
// error body it sends.
func TestAPIMessage(t *testing.T) {
	for body, want := range map[string]string{
		`{"error":{"message":"model \"x\" not found","type":"not_found"}}`: `model "x" not found`,
		`{"error":"model 'x' not found"}`:                                  `model 'x' not found`,
		"Bad Gateway\n":                                                    "Bad Gateway",
		"null":                                                             "",
		"":                                                                 "",
		"\x1b[31mred\x1b[0m":                                               "red",
	} {
		if got := apiMessage([]byte(body)); got != want {
			t.Errorf("apiMessage(%q) = %q, want %q", body, got, want)
		}
	}
}
