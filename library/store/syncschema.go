package store

// The tables of sync with a feed server (Miniflux, a Google Reader API
// server): which local feed and article is which remote one, the marks
// and unsubscriptions made here that the server has not been told of
// yet, and the sync's cursors.
//
// The queue is filled by triggers, not by the code that changes marks:
// every way a mark changes (the reader, brief mark, mark-all-read, a
// refresh's transaction) is queued in the same transaction as the
// change, so a mark is never made without its queue row, whatever kills
// brief. The sync's own changes (marks the server sent) are not queued:
// it writes a row to sync_applying inside its transaction, which the
// triggers check; no other connection ever sees that row.

// nowMillis is SQLite's clock in milliseconds since 1970: when a queued
// change was made, for the most-recent-change-wins rule.
const nowMillis = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`

const syncSchema = `CREATE TABLE sync_feeds (
		feed_id   INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
		remote_id TEXT NOT NULL UNIQUE,
		category  TEXT NOT NULL DEFAULT ''
	);
	-- remote_id stays when its article is pruned or removed locally
	-- (item_id NULL): the server's copy is known and not fetched again.
	CREATE TABLE sync_items (
		remote_id    TEXT PRIMARY KEY,
		item_id      INTEGER UNIQUE,
		remote_read  INTEGER NOT NULL DEFAULT 0,
		remote_saved INTEGER NOT NULL DEFAULT 0
	) WITHOUT ROWID;
	CREATE TABLE sync_queue (
		id        INTEGER PRIMARY KEY AUTOINCREMENT,
		kind      TEXT NOT NULL,
		item_id   INTEGER,
		remote_id TEXT NOT NULL,
		value     INTEGER NOT NULL DEFAULT 0,
		at        INTEGER NOT NULL
	);
	CREATE INDEX sync_queue_item ON sync_queue(item_id, kind);
	CREATE TABLE sync_state (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE sync_applying (one INTEGER PRIMARY KEY);
	CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON items
		WHEN OLD.read <> NEW.read AND NOT EXISTS (SELECT 1 FROM sync_applying)
	BEGIN
		INSERT INTO sync_queue(kind, item_id, remote_id, value, at)
			SELECT 'read', NEW.id, remote_id, NEW.read, ` + nowMillis + ` FROM sync_items WHERE item_id = NEW.id;
	END;
	CREATE TRIGGER sync_queue_saved AFTER UPDATE OF saved ON items
		WHEN OLD.saved <> NEW.saved AND NOT EXISTS (SELECT 1 FROM sync_applying)
	BEGIN
		INSERT INTO sync_queue(kind, item_id, remote_id, value, at)
			SELECT 'saved', NEW.id, remote_id, NEW.saved, ` + nowMillis + ` FROM sync_items WHERE item_id = NEW.id;
	END;
	CREATE TRIGGER sync_queue_unsubscribe BEFORE DELETE ON feeds
		WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
	BEGIN
		INSERT INTO sync_queue(kind, remote_id, at)
			SELECT 'unsubscribe', remote_id, ` + nowMillis + ` FROM sync_feeds WHERE feed_id = OLD.id;
	END;
	CREATE TRIGGER sync_items_gone AFTER DELETE ON items
	BEGIN
		UPDATE sync_items SET item_id = NULL WHERE item_id = OLD.id;
	END;`
