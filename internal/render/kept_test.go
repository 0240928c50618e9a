package render

import (
	"fmt"
	"html/template"
	"testing"
)

// A build keeps pieces it prints for many pages, but no more than it says,
// so a very large directory's many different cells cannot fill memory: the
// rest are printed each time they are asked for, and come out the same.
func TestKeptPiecesAreBounded(t *testing.T) {
	k := newKept(3)
	printed := 0
	get := func(key int) template.HTML {
		h, err := k.get(key, func() (template.HTML, error) {
			printed++
			return template.HTML(fmt.Sprintf("<td>%d</td>", key)), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	for round := range 2 {
		for key := range 5 {
			if got, want := get(key), template.HTML(fmt.Sprintf("<td>%d</td>", key)); got != want {
				t.Errorf("round %d, key %d: got %q, want %q", round, key, got, want)
			}
		}
	}
	// The first round prints all five and keeps three; the second prints
	// only the two it did not keep.
	if printed != 7 {
		t.Errorf("printed %d times, want 7", printed)
	}
	kept := 0
	k.m.Range(func(any, any) bool { kept++; return true })
	if kept != 3 {
		t.Errorf("kept %d pieces, want 3", kept)
	}
}

// A piece that fails to print is not kept, so the next page asks again.
func TestKeptPiecesAreNotKeptOnError(t *testing.T) {
	k := newKept(3)
	if _, err := k.get("x", func() (template.HTML, error) { return "", fmt.Errorf("broken") }); err == nil {
		t.Fatal("want the printing error")
	}
	h, err := k.get("x", func() (template.HTML, error) { return "<p>x</p>", nil })
	if err != nil || h != "<p>x</p>" {
		t.Errorf("got %q, %v; want the piece printed again", h, err)
	}
}
