package llm

// One streamed chat completion: the request, the answer as it arrives
// (cleaned, capped), and what went wrong said in one line.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/openai/openai-go/v3/packages/ssestream"

	"github.com/brief-news/brief/internal/netcause"
	"github.com/brief-news/brief/reader"
)

// userAgent names brief to the endpoint, as the page fetcher does.
const userAgent = "brief/1.0 (+https://github.com/brief-news/brief)"

// chatRequest is a chat completions request, streamed.
type chatRequest struct {
	Model    string        `json:"model"`
	Messages []chatMessage `json:"messages"`
	Stream   bool          `json:"stream"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// chatChunk is what brief reads of one event of the stream.
type chatChunk struct {
	Choices []struct {
		Delta struct {
			Content string `json:"content"`
		} `json:"delta"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
}

// apiError is a failed request's status and the server's own words.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.status, e.msg) }

// post sends the request and, when the server accepts it, returns the
// stream of its answer (openai-go's server-sent events decoder).
func (c *Client) post(ctx context.Context, system, user string) (*ssestream.Stream[chatChunk], error) {
	body, err := json.Marshal(chatRequest{Model: c.model, Stream: true, Messages: []chatMessage{
		{Role: "system", Content: system}, {Role: "user", Content: user},
	}})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base.JoinPath("chat", "completions").String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("User-Agent", userAgent)
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if res.StatusCode >= 400 {
		defer res.Body.Close()
		data, _ := io.ReadAll(io.LimitReader(res.Body, 4<<10))
		return nil, &apiError{status: res.StatusCode, msg: apiMessage(data)}
	}
	return ssestream.NewStream[chatChunk](ssestream.NewDecoder(res), nil), nil
}

// ask sends one request and reads its streamed answer; onText, when
// set, gets the cleaned answer so far after each piece.
func (c *Client) ask(ctx context.Context, system, user string, onText func(string)) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	stream, err := c.post(ctx, system, user)
	if err != nil {
		return "", c.classify(ctx, err)
	}
	defer stream.Close()
	var raw strings.Builder
	finished := false
	chunks := 0
	for stream.Next() {
		chunk := stream.Current()
		chunks++
		grew := false
		for _, ch := range chunk.Choices {
			if ch.Delta.Content != "" {
				raw.WriteString(ch.Delta.Content)
				grew = true
			}
			if ch.FinishReason != "" {
				finished = true
			}
		}
		if raw.Len() > MaxAnswerBytes {
			return "", c.fail(KindTooLong, fmt.Sprintf("the answer passed %d KB; stopped", MaxAnswerBytes>>10))
		}
		if grew && onText != nil {
			onText(Clean(raw.String()))
		}
	}
	if err := stream.Err(); err != nil {
		return "", c.classify(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return "", c.classify(ctx, err)
	}
	if chunks == 0 {
		return "", c.fail(KindBadStream, "the server sent no chat completions stream (is url the API's base, like http://localhost:11434/v1?)")
	}
	if !finished {
		return "", c.fail(KindBadStream, "the stream ended before the answer was complete")
	}
	text := Clean(raw.String())
	if text == "" {
		return "", c.fail(KindEmpty, "the model gave an empty answer")
	}
	return text, nil
}

// think is a reasoning model's thinking (deepseek-r1, qwen3): not part
// of the answer. An unclosed one runs to the end (still thinking).
var think = regexp.MustCompile(`(?s)<think>.*?(</think>|$)`)

// Clean makes a model's answer safe and tidy to show: no escape
// sequences or controls (reader.Clean, as for article text), no
// thinking, no blank lines at either end.
func Clean(s string) string {
	s = think.ReplaceAllString(s, "")
	return strings.TrimSpace(reader.Clean(s))
}

// Kind is what went wrong with a request.
type Kind int

// The kinds of failure.
const (
	KindRefused   Kind = iota + 1 // nothing listens at the address, or no such host
	KindTimeout                   // no complete answer within the timeout
	KindStatus                    // the server answered 4xx or 5xx
	KindBadStream                 // not a chat completions stream, or one broken off
	KindTooLong                   // the answer passed MaxAnswerBytes
	KindEmpty                     // the answer was empty
)

// Error is a failed request, said in one line naming the endpoint.
// It never holds the API key.
type Error struct {
	Endpoint string
	Kind     Kind
	Status   int    // the HTTP status, for KindStatus
	Detail   string // what went wrong, one line
}

func (e *Error) Error() string { return "model at " + e.Endpoint + ": " + e.Detail }

func (c *Client) fail(k Kind, detail string) *Error {
	return &Error{Endpoint: c.endpoint, Kind: k, Detail: c.redact(detail)}
}

// classify turns an error from the client into an *Error; the caller's
// cancellation comes back as it is.
func (c *Client) classify(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) && ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return context.Canceled
	}
	var apiErr *apiError
	var streamErr *ssestream.StreamError
	switch {
	case errors.As(err, &streamErr):
		var ev struct {
			Error struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		msg := streamErr.Message
		if json.Unmarshal(streamErr.Event.Data, &ev) == nil && ev.Error.Message != "" {
			msg = ev.Error.Message
		}
		return c.fail(KindBadStream, "the stream broke off with an error: "+shorten(msg, 200))
	case errors.As(err, &apiErr):
		detail := fmt.Sprintf("HTTP %d", apiErr.status)
		if t := http.StatusText(apiErr.status); t != "" {
			detail += " " + t
		}
		if apiErr.msg != "" {
			detail += ": " + apiErr.msg
		}
		e := c.fail(KindStatus, detail)
		e.Status = apiErr.status
		return e
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return c.fail(KindTimeout, "no complete answer within "+c.timeout.String())
	case errors.Is(err, errBodyTooLarge):
		return c.fail(KindTooLong, fmt.Sprintf("the response passed %d KB; stopped", maxBodyBytes>>10))
	case netcause.Unreachable(err):
		kind, cause := netcause.Classify(err)
		if kind == netcause.Refused {
			cause += " (is the server running?)"
		}
		return c.fail(KindRefused, "cannot connect: "+cause)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return c.fail(KindBadStream, "the stream ended before the answer was complete")
	}
	return c.fail(KindBadStream, "not a chat completions stream: "+shorten(err.Error(), 160))
}

// apiMessage is the server's own words about an error: the message of
// an OpenAI-style error body ({"error": {"message": …}}), or a plain
// text body, shortened.
func apiMessage(body []byte) string {
	var e struct {
		Error json.RawMessage `json:"error"`
	}
	var obj struct {
		Message string `json:"message"`
	}
	var str string
	if json.Unmarshal(body, &e) == nil {
		switch {
		case json.Unmarshal(e.Error, &obj) == nil && obj.Message != "":
			return shorten(obj.Message, 200)
		case json.Unmarshal(e.Error, &str) == nil && str != "": // {"error": "…"}, as some servers send
			return shorten(str, 200)
		}
	}
	if s := strings.TrimSpace(string(body)); s != "" && s != "null" {
		return shorten(s, 200)
	}
	return ""
}

// redact keeps the key out of a message, in case a server quotes it
// ("Incorrect API key provided: sk-…"), and makes it one clean line.
func (c *Client) redact(s string) string {
	if c.key != "" {
		s = strings.ReplaceAll(s, c.key, "[key]")
	}
	for _, x := range c.secrets {
		s = strings.ReplaceAll(s, x, "…")
	}
	return reader.CleanLine(s)
}

func shorten(s string, n int) string {
	s = reader.CleanLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
