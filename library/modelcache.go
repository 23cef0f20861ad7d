package library

// The library database as the cache of model summaries (package llm),
// for brief on files, folders and URLs as for the library itself.

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync"

	"github.com/brief-news/brief/library/store"
)

// ModelCache keeps model summaries in the database at path, opened at
// first use: looking up in a database that does not exist finds nothing
// and creates nothing, and the first answer stored creates it, so a
// reader that never asks a model writes no file. Safe for concurrent
// use; its methods match llm.Cache.
type ModelCache struct {
	path string

	mu  sync.Mutex
	st  *store.Store
	err error
}

// NewModelCache is the cache in the database at path.
func NewModelCache(path string) *ModelCache { return &ModelCache{path: path} }

// open opens the database; with create false, a missing one is nil.
func (c *ModelCache) open(create bool) (*store.Store, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.st != nil || c.err != nil {
		return c.st, c.err
	}
	if _, err := os.Stat(c.path); !create && errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	c.st, c.err = store.Open(c.path)
	return c.st, c.err
}

// ModelSummary is the stored answer for the key, if any.
func (c *ModelCache) ModelSummary(ctx context.Context, textHash, model, promptHash string) (string, bool, error) {
	st, err := c.open(false)
	if st == nil || err != nil {
		return "", false, err
	}
	return st.ModelSummary(ctx, textHash, model, promptHash)
}

// PutModelSummary stores an answer, creating the database if need be.
func (c *ModelCache) PutModelSummary(ctx context.Context, textHash, model, promptHash, summary string) error {
	st, err := c.open(true)
	if err != nil {
		return err
	}
	return st.PutModelSummary(ctx, textHash, model, promptHash, summary)
}

// Close closes the database if it was opened.
func (c *ModelCache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.st == nil {
		return nil
	}
	err := c.st.Close()
	c.st = nil
	return err
}
