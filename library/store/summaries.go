package store

// Model summaries: what a language model wrote about an article, kept so
// that it survives a restart, shows offline and is never asked for
// twice. The key is what the answer depends on: the article's text, the
// model and the prompt (each as the caller's hash or name), not the
// article's location, so the same text read from a file, a URL or the
// library shares one summary.

import (
	"context"
	"database/sql"
	"errors"
)

// modelSummariesSchema is the migration that adds the table (schema.go).
// Self-contained: it touches no other table.
const modelSummariesSchema = `CREATE TABLE model_summaries (
		text_hash   TEXT NOT NULL,
		model       TEXT NOT NULL,
		prompt_hash TEXT NOT NULL,
		summary     TEXT NOT NULL,
		created_at  INTEGER NOT NULL,
		PRIMARY KEY (text_hash, model, prompt_hash)
	) WITHOUT ROWID;`

// ModelSummary is the summary stored for (textHash, model, promptHash);
// ok is false when there is none.
func (s *Store) ModelSummary(ctx context.Context, textHash, model, promptHash string) (summary string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT summary FROM model_summaries
		WHERE text_hash = ? AND model = ? AND prompt_hash = ?`, textHash, model, promptHash).Scan(&summary)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return summary, err == nil, err
}

// PutModelSummary stores a summary, replacing the one kept for the same
// key (brief summary --model --refresh).
func (s *Store) PutModelSummary(ctx context.Context, textHash, model, promptHash, summary string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO model_summaries (text_hash, model, prompt_hash, summary, created_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (text_hash, model, prompt_hash) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at`,
		textHash, model, promptHash, summary, s.now().Unix())
	return writeError(s.path, err)
}
