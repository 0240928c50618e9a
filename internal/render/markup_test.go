package render

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestMarkupLivesInLayouts: a contributor who wants to change how a page
// looks edits layouts/, not Go. No Go code in internal/ outside tests
// writes page elements as strings, except the layouts compiled to Go
// from layouts/, which a test keeps the same as layouts/.
func TestMarkupLivesInLayouts(t *testing.T) {
	element := regexp.MustCompile(`<(dt|dd|tr|td|li|section|dl|table|ul|ol)[\s>]`)
	checked := 0
	err := fs.WalkDir(os.DirFS("../.."), "internal", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile("../../" + p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte("// Code generated")) {
			return nil // the layouts compiled to Go (see internal/layoutc)
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			if m := element.FindString(line); m != "" {
				t.Errorf("%s:%d: writes %s…> in Go; put the markup in a template in layouts/", p, i+1, strings.TrimSpace(m))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("read %d Go files", checked)
	}
}
