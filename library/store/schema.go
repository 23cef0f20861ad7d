package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring a database from schema version i to i+1; version 0 is
// an empty file. They only ever get appended: a released migration is
// never edited, so every database written by any release upgrades in
// place and keeps its read marks and saved articles.
var migrations = []string{
	// 1: the first release.
	`CREATE TABLE feeds (
		id            INTEGER PRIMARY KEY,
		url           TEXT NOT NULL UNIQUE,
		site_url      TEXT NOT NULL DEFAULT '',
		title         TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		added_at      INTEGER NOT NULL,
		checked_at    INTEGER NOT NULL DEFAULT 0,
		updated_at    INTEGER NOT NULL DEFAULT 0,
		error         TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE items (
		id         INTEGER PRIMARY KEY,
		feed_id    INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
		guid       TEXT NOT NULL,
		url        TEXT NOT NULL DEFAULT '',
		title      TEXT NOT NULL DEFAULT '',
		author     TEXT NOT NULL DEFAULT '',
		lang       TEXT NOT NULL DEFAULT '',
		site       TEXT NOT NULL DEFAULT '',
		published  INTEGER NOT NULL DEFAULT 0,
		fetched_at INTEGER NOT NULL,
		sort_key   INTEGER NOT NULL,
		words      INTEGER NOT NULL DEFAULT 0,
		teaser     INTEGER NOT NULL DEFAULT 0,
		source     TEXT NOT NULL DEFAULT 'feed',
		links      TEXT NOT NULL DEFAULT '',
		read       INTEGER NOT NULL DEFAULT 0,
		read_at    INTEGER NOT NULL DEFAULT 0,
		saved      INTEGER NOT NULL DEFAULT 0,
		seen_at    INTEGER NOT NULL DEFAULT 0
	);
	CREATE UNIQUE INDEX items_guid ON items(feed_id, guid);
	CREATE INDEX items_order ON items(sort_key DESC, id DESC);
	CREATE INDEX items_feed ON items(feed_id, sort_key DESC, id DESC);
	CREATE INDEX items_feed_read ON items(feed_id, read);
	CREATE INDEX items_unread ON items(read, sort_key DESC, id DESC);
	CREATE INDEX items_saved ON items(saved, sort_key DESC, id DESC);
	CREATE INDEX items_url ON items(url);
	CREATE TABLE bodies (
		item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
		body    TEXT NOT NULL
	);
	-- pruned items: their GUIDs stay known while the feed still carries
	-- them, so that a pruned article does not come back as new.
	CREATE TABLE pruned (
		feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
		guid    TEXT NOT NULL,
		seen_at INTEGER NOT NULL,
		PRIMARY KEY (feed_id, guid)
	) WITHOUT ROWID;
	CREATE VIRTUAL TABLE items_fts USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2');
	INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0)');`,

	// 2: feed and article ids are never reused (AUTOINCREMENT), so that
	// a number from an earlier brief list or brief feeds never names
	// another article or feed; a saved article kept from a removed feed
	// remembers that feed's URL (removed_from), so that subscribing to
	// it again re-attaches the article rather than storing it twice.
	// Both tables are rebuilt with their ids, marks and bodies (the
	// foreign keys are off meanwhile: see migrate).
	`CREATE TABLE feeds_v2 (
		id            INTEGER PRIMARY KEY AUTOINCREMENT,
		url           TEXT NOT NULL UNIQUE,
		site_url      TEXT NOT NULL DEFAULT '',
		title         TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		added_at      INTEGER NOT NULL,
		checked_at    INTEGER NOT NULL DEFAULT 0,
		updated_at    INTEGER NOT NULL DEFAULT 0,
		error         TEXT NOT NULL DEFAULT ''
	);
	INSERT INTO feeds_v2(id, url, site_url, title, etag, last_modified, added_at, checked_at, updated_at, error)
		SELECT id, url, site_url, title, etag, last_modified, added_at, checked_at, updated_at, error FROM feeds;
	DROP TABLE feeds;
	ALTER TABLE feeds_v2 RENAME TO feeds;
	CREATE TABLE items_v2 (
		id           INTEGER PRIMARY KEY AUTOINCREMENT,
		feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
		guid         TEXT NOT NULL,
		url          TEXT NOT NULL DEFAULT '',
		title        TEXT NOT NULL DEFAULT '',
		author       TEXT NOT NULL DEFAULT '',
		lang         TEXT NOT NULL DEFAULT '',
		site         TEXT NOT NULL DEFAULT '',
		published    INTEGER NOT NULL DEFAULT 0,
		fetched_at   INTEGER NOT NULL,
		sort_key     INTEGER NOT NULL,
		words        INTEGER NOT NULL DEFAULT 0,
		teaser       INTEGER NOT NULL DEFAULT 0,
		source       TEXT NOT NULL DEFAULT 'feed',
		links        TEXT NOT NULL DEFAULT '',
		read         INTEGER NOT NULL DEFAULT 0,
		read_at      INTEGER NOT NULL DEFAULT 0,
		saved        INTEGER NOT NULL DEFAULT 0,
		seen_at      INTEGER NOT NULL DEFAULT 0,
		removed_from TEXT NOT NULL DEFAULT ''
	);
	INSERT INTO items_v2(id, feed_id, guid, url, title, author, lang, site, published, fetched_at, sort_key,
			words, teaser, source, links, read, read_at, saved, seen_at)
		SELECT id, feed_id, guid, url, title, author, lang, site, published, fetched_at, sort_key,
			words, teaser, source, links, read, read_at, saved, seen_at FROM items;
	DROP TABLE items;
	ALTER TABLE items_v2 RENAME TO items;
	CREATE UNIQUE INDEX items_guid ON items(feed_id, guid);
	CREATE INDEX items_order ON items(sort_key DESC, id DESC);
	CREATE INDEX items_feed ON items(feed_id, sort_key DESC, id DESC);
	CREATE INDEX items_feed_read ON items(feed_id, read);
	CREATE INDEX items_unread ON items(read, sort_key DESC, id DESC);
	CREATE INDEX items_saved ON items(saved, sort_key DESC, id DESC);
	CREATE INDEX items_url ON items(url);`,

	// 3: read marks of the articles outside the library (files, folders,
	// web pages, the sample edition), by location (marks.go).
	`CREATE TABLE location_marks (
		location TEXT PRIMARY KEY,
		read_at  INTEGER NOT NULL
	) WITHOUT ROWID;`,

	// 4: model summaries, by (article text, model, prompt)
	// (summaries.go).
	modelSummariesSchema,

	// 5: sync with a feed server (syncschema.go).
	syncSchema,

	// 6: the list order's index carries every column a one-line
	// listing prints (store.EachHeadline), so that `brief list` walks
	// the index alone and never looks a row up in the table: 0.1 s
	// instead of 0.6 s for 100,000 articles. It serves every query
	// items_order served.
	`DROP INDEX items_order;
	CREATE INDEX items_list ON items(sort_key DESC, id DESC, feed_id, site, published, fetched_at, read, saved, url, title);`,
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(migrations)

// migrate applies the migrations the database lacks, each in its own
// transaction together with the new version number, so that a crash
// leaves the database at one version or the next.
//
// Migrations run on one connection with foreign keys off (SQLite's
// procedure for rebuilding a table: with them on, dropping the old
// table would cascade to the rows that refer to it); each checks the
// keys before it commits.
//
// A read-only db is never written: one that is not at the current
// schema is a *schemaError.
func migrate(ctx context.Context, db *sql.DB, readOnly bool) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("was written by a newer brief (schema %d, this build knows %d)", v, len(migrations))
	}
	if v == len(migrations) {
		return nil
	}
	if readOnly {
		return &schemaError{have: v}
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	// The connection goes back to the pool: with its foreign keys on.
	defer conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON")
	for ; v < len(migrations); v++ {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		// Another process may have migrated meanwhile.
		var cur int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
			tx.Rollback()
			return err
		}
		if cur > len(migrations) {
			tx.Rollback()
			return fmt.Errorf("was written by a newer brief (schema %d, this build knows %d)", cur, len(migrations))
		}
		if cur > v {
			tx.Rollback()
			v = cur - 1
			continue
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema %d: %w", v+1, err)
		}
		if err := foreignKeyCheck(ctx, tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// schemaError is a database opened read-only that is not at the current
// schema: it cannot be migrated, so it cannot be read.
type schemaError struct {
	path      string
	have      int
	walUnread bool   // its WAL, which may hold the schema, could not be read
	why       string // why not, when walUnread
}

func (e *schemaError) Error() string {
	switch {
	case e.walUnread:
		return fmt.Sprintf("%s: %s (the library's tables are among them)", e.path, e.why)
	case e.have == 0:
		return fmt.Sprintf("%s: opened read-only, it holds no library (schema 0) and cannot be set up", e.path)
	}
	return fmt.Sprintf("%s: opened read-only, it cannot be upgraded from schema %d to %d", e.path, e.have, len(migrations))
}

// foreignKeyCheck fails when a row refers to one that does not exist.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("row %d of %s refers to a missing row of %s", rowid.Int64, table, parent)
	}
	return rows.Err()
}
