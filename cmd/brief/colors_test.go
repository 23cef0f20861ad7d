package main

import (
	"slices"
	"sort"
	"testing"

	"github.com/charmbracelet/glamour/styles"

	"github.com/brief-news/brief/library/config"
)

// The glamour styles [colors] accepts are glamour's own (the settings
// package keeps its own list so as not to depend on the renderer).
func TestGlamourStylesListed(t *testing.T) {
	want := []string{}
	for name := range styles.DefaultStyles {
		want = append(want, name)
	}
	sort.Strings(want)
	want = append([]string{"auto"}, want...)
	if !slices.Equal(config.GlamourStyles, want) {
		t.Errorf("config.GlamourStyles = %q, glamour has %q", config.GlamourStyles, want)
	}
	for _, s := range config.GlamourStyles {
		if err := checkStyle(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}
