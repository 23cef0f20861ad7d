// Command gen writes the inputs of bench/compare.sh: a folder of chained
// scraped pages, RSS feeds, and a library of stored articles. It is a
// benchmark tool, not part of brief, and CI does not run it.
//
//	gen folder N DIR [reversed|flat|flat-reversed]
//	                              N chained text articles (~400 words) in 50 sub-folders
//	                              (flat: all in DIR)
//	gen feed N FILE               an RSS feed of N items with HTML content (~100 words)
//	gen library N DB              a library of 100 feeds of N/100 articles (~150 words)
package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/brief-news/brief/internal/benchfeed"
	"github.com/brief-news/brief/internal/chainfolder"
	"github.com/brief-news/brief/library/store"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: gen folder|feed|library N PATH [reversed]")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n <= 0 {
		fmt.Fprintln(os.Stderr, "gen: N must be a positive number")
		os.Exit(2)
	}
	path := os.Args[3]
	switch os.Args[1] {
	case "folder":
		shape := ""
		if len(os.Args) > 4 {
			shape = os.Args[4]
		}
		err = chainfolder.Write(path, n, strings.HasSuffix(shape, "reversed"), strings.HasPrefix(shape, "flat"))
	case "feed":
		err = os.WriteFile(path, benchfeed.RSS(n, filepath.Base(path)), 0o644)
	case "library":
		err = library(n, path)
	default:
		err = fmt.Errorf("unknown input %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

var words = strings.Fields(`the a of to and in that is for on with as was by at from it his be has
	have are this an said not its were but had which more after been one their new also who when will
	first two would over year people about city government police minister council school health market
	election court report water energy climate river tram harbour glacier inflation bank rain festival
	museum weaver soil sensor clinic flu rover team coach striker village farmers bridge station budget`)

// library is library/store's benchmark library (the same words, a rare
// one in 1 article of 1,000; BRIEF_BENCH_DB can name it): 100 feeds, a
// third of the articles read.
func library(n int, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewSource(1))
	at := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	per := max(n/100, 1)
	for f := 0; f < 100; f++ {
		fd, _, err := s.AddFeed(ctx, store.Feed{URL: fmt.Sprintf("https://feed%d.example/rss", f)})
		if err != nil {
			return err
		}
		items := make([]store.NewItem, per)
		for i := range items {
			var body strings.Builder
			for p := 0; p < 3; p++ {
				for w := 0; w < 50; w++ {
					body.WriteString(words[r.Intn(len(words))] + " ")
				}
				body.WriteString("\n\n")
			}
			if (f*per+i)%1000 == 0 {
				body.WriteString("A zeppelin was seen.") // a rare word, as library/store's benchmark has
			}
			items[i] = store.NewItem{
				GUID:      fmt.Sprintf("f%d-%d", f, i),
				URL:       fmt.Sprintf("https://feed%d.example/a/%d", f, i),
				Title:     fmt.Sprintf("Story %d of feed %d: %s %s", i, f, words[r.Intn(len(words))], words[r.Intn(len(words))]),
				Published: at.Add(-time.Duration(r.Intn(90*24*60)) * time.Minute),
				Body:      body.String(),
			}
		}
		if _, err := s.ApplyUpdate(ctx, store.Update{FeedID: fd.ID, Title: fmt.Sprintf("Feed %d", f), At: at, Items: items}); err != nil {
			return err
		}
		for i := 0; i < per; i += 3 {
			if err := s.SetRead(ctx, int64(f*per+i+1), true); err != nil {
				return err
			}
		}
	}
	return nil
}
