package store

import "testing"

// Every connection writes through the WAL and syncs at each commit
// (synchronous FULL): a commit that returned survives a power cut, not
// only a killed process, which the kill tests cannot tell apart.
func TestCommitsAreDurable(t *testing.T) {
	s, _ := openTemp(t)
	for range 4 { // the pool's connections, each with its pragmas
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var mode string
		var sync int
		if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode %q %v, want wal", mode, err)
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
			t.Errorf("synchronous %d %v, want 2 (FULL)", sync, err)
		}
	}
}
