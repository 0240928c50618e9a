package layoutc

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCompiledFileIsCurrent: internal/render/layouts_gen.go is what the
// layouts in layouts/ compile to; run make layouts after changing one.
func TestCompiledFileIsCurrent(t *testing.T) {
	want, err := Generate(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../render/layouts_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("internal/render/layouts_gen.go is out of date: run make layouts")
	}
}

// TestUnknownsAreErrors: what layoutc cannot compile is an error that
// names the template's place, not a wrong page.
func TestUnknownsAreErrors(t *testing.T) {
	real := os.DirFS("../..")
	for _, tc := range []struct{ name, tmpl, want string }{
		{"field", `{{define "content"}}{{.NoSuchField}}{{end}}`, "can't evaluate field NoSuchField"},
		{"function", `{{define "content"}}{{printf "%d" 1}}{{end}}`, `does not know the function "printf"`},
		{"map", `{{define "content"}}{{range $.Site.Config}}x{{end}}{{end}}`, "cannot range over"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			err := fs.WalkDir(real, "layouts", func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(real, name)
				fsys[name] = &fstest.MapFile{Data: data}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			fsys["layouts/home.html"] = &fstest.MapFile{Data: []byte(tc.tmpl)}
			_, err = Generate(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "home.html:1:") {
				t.Fatalf("got %v, want an error at home.html:1 saying %q", err, tc.want)
			}
		})
	}
}
