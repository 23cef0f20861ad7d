// Package llmtest is a loopback OpenAI-compatible chat completions
// server for tests: it speaks the real protocol (server-sent events of
// chat.completion.chunk objects, "data: [DONE]", error bodies as the
// APIs return them) and records every request, so tests check what
// brief sends and how it copes with what comes back. No test needs a
// real model.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one chat message of a request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is what the server received.
type Request struct {
	Method, Path  string
	Authorization string // the header, "" when none was sent
	UserAgent     string
	Model         string
	Messages      []Message
	Stream        bool
	Body          map[string]any // every field, for checks of what else was sent
}

// Reply answers one request; the default streams Pieces.
type Reply func(w http.ResponseWriter, r *http.Request, req Request)

// Server is the fake endpoint. Its zero Reply streams "- A summary.".
type Server struct {
	*httptest.Server

	mu       sync.Mutex
	requests []Request
	reply    Reply
}

// New starts a server that answers with reply (nil: Pieces("- A
// summary.")); it stops when the test ends.
func New(t testing.TB, reply Reply) *Server {
	s := &Server{reply: reply}
	if s.reply == nil {
		s.reply = Pieces("- A summary.")
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// BaseURL is the API's base URL, as [model] url takes it.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// SetReply changes how later requests are answered.
func (s *Server) SetReply(r Reply) {
	s.mu.Lock()
	s.reply = r
	s.mu.Unlock()
}

// Requests are the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Method: r.Method, Path: r.URL.Path, Authorization: r.Header.Get("Authorization"), UserAgent: r.UserAgent()}
	var parsed struct {
		Model    string    `json:"model"`
		Messages []Message `json:"messages"`
		Stream   bool      `json:"stream"`
	}
	json.Unmarshal(body, &parsed)
	json.Unmarshal(body, &req.Body)
	req.Model, req.Messages, req.Stream = parsed.Model, parsed.Messages, parsed.Stream
	s.mu.Lock()
	s.requests = append(s.requests, req)
	reply := s.reply
	s.mu.Unlock()
	if r.URL.Path != "/v1/chat/completions" {
		Status(http.StatusNotFound, "not found")(w, r, req)
		return
	}
	reply(w, r, req)
}

// Chunk writes one chat.completion.chunk event with content; finish,
// when set, is its finish_reason.
func Chunk(w io.Writer, model, content, finish string) {
	choice := map[string]any{"index": 0, "delta": map[string]any{"content": content}, "finish_reason": nil}
	if content == "" {
		choice["delta"] = map[string]any{}
	}
	if finish != "" {
		choice["finish_reason"] = finish
	}
	data, _ := json.Marshal(map[string]any{"id": "chatcmpl-1", "object": "chat.completion.chunk",
		"created": 1764806400, "model": model, "choices": []any{choice}})
	fmt.Fprintf(w, "data: %s\n\n", data)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// Done writes the end of a stream.
func Done(w io.Writer) {
	io.WriteString(w, "data: [DONE]\n\n")
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

func sseHeader(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
}

// Pieces streams the answer in these pieces, as Ollama does: a role
// chunk, a chunk a piece, a finish chunk, [DONE].
func Pieces(pieces ...string) Reply {
	return Paced(0, pieces...)
}

// Paced is Pieces with a pause before each piece.
func Paced(pause time.Duration, pieces ...string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		sseHeader(w)
		fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764806400,\"model\":%q,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n", req.Model)
		for _, p := range pieces {
			if pause > 0 {
				select {
				case <-time.After(pause):
				case <-r.Context().Done():
					return
				}
			}
			Chunk(w, req.Model, p, "")
		}
		Chunk(w, req.Model, "", "stop")
		Done(w)
	}
}

// Gated streams a piece each time a value arrives on step, then
// finishes when step is closed: tests see the view between pieces.
func Gated(step <-chan string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		sseHeader(w)
		for {
			select {
			case p, ok := <-step:
				if !ok {
					Chunk(w, req.Model, "", "stop")
					Done(w)
					return
				}
				Chunk(w, req.Model, p, "")
			case <-r.Context().Done():
				return
			}
		}
	}
}

// Status answers with an HTTP error and an OpenAI-style error body.
func Status(code int, message string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		data, _ := json.Marshal(map[string]any{"error": map[string]any{
			"message": message, "type": "invalid_request_error", "param": nil, "code": nil}})
		w.Write(data)
	}
}

// Broken streams pieces, then stops without a finish or [DONE], as a
// server that crashes mid-answer.
func Broken(pieces ...string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		sseHeader(w)
		for _, p := range pieces {
			Chunk(w, req.Model, p, "")
		}
	}
}

// Hang accepts the request and sends nothing until the client gives up.
func Hang(w http.ResponseWriter, r *http.Request, req Request) {
	sseHeader(w)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	<-r.Context().Done()
}

// Raw answers 200 with a body that is not a stream of chunks.
func Raw(contentType, body string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		w.Header().Set("Content-Type", contentType)
		io.WriteString(w, body)
	}
}

// StreamError streams pieces, then an error event, as OpenAI does when
// a stream fails midway.
func StreamError(message string, pieces ...string) Reply {
	return func(w http.ResponseWriter, r *http.Request, req Request) {
		sseHeader(w)
		for _, p := range pieces {
			Chunk(w, req.Model, p, "")
		}
		data, _ := json.Marshal(map[string]any{"error": map[string]any{"message": message, "type": "server_error"}})
		fmt.Fprintf(w, "data: %s\n\n", data)
	}
}

// Text is a request's messages as one text, a "role: content" line
// each: everything the model was told.
func (r Request) Text() string {
	var b strings.Builder
	for _, m := range r.Messages {
		b.WriteString(m.Role + ": " + m.Content + "\n")
	}
	return b.String()
}
