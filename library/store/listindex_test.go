package store

import "testing"

// undoListIndex takes a database back to before migration 6.
const undoListIndex = `DROP INDEX items_list; CREATE INDEX items_order ON items(sort_key DESC, id DESC);`

// A library of schema 5 trades items_order for items_list and lists
// the same articles in the same order.
func TestListIndexMigrate(t *testing.T) {
	s, p := openTemp(t)
	f := addFeed(t, s, "https://a.test/feed")
	if _, err := s.ApplyUpdate(ctx, Update{FeedID: f.ID, Title: "A", At: t0, Items: doc(12, "a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(undoListIndex + `PRAGMA user_version = 5`); err != nil {
		t.Fatal(err)
	}
	before, err := s.Items(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(); v != SchemaVersion {
		t.Errorf("version %d, want %d", v, SchemaVersion)
	}
	var names []string
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('items_order', 'items_list')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	if len(names) != 1 || names[0] != "items_list" {
		t.Fatalf("indexes %q, want items_list alone", names)
	}
	after, err := s.Items(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(before) != 12 {
		t.Fatalf("%d articles after, %d before", len(after), len(before))
	}
	for i := range before {
		if after[i] != before[i] {
			t.Fatalf("row %d: %+v, before %+v", i, after[i], before[i])
		}
	}
}
