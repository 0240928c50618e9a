package content

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/synth"
	"gopkg.in/yaml.v3"
)

// sameNodes reports where a and b differ in what content reads of a
// node: kind, tag, value, style, position and children.
func sameNodes(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast reader gives kind %d tag %s value %q style %d at %d:%d with %d children; yaml.v3 kind %d tag %s value %q style %d at %d:%d with %d children",
			at, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast reads data both ways: where the fast reader takes it, it must
// give what yaml.v3 gives.
func checkFast(data []byte) (taken bool, err error) {
	var fast yaml.Node
	if !fastYAML(data, &fast, &reading{values: new(interner)}) {
		return false, nil
	}
	var want yaml.Node
	if err := yaml.Unmarshal(data, &want); err != nil {
		return true, fmt.Errorf("the fast reader takes what yaml.v3 rejects (%v)", err)
	}
	return true, sameNodes(&fast, &want, "")
}

// frontmatterOf is a content file's frontmatter text, as split gives it to
// the YAML reader.
func frontmatterOf(src []byte) []byte {
	open, ok := openingLine(src)
	if !ok {
		return nil
	}
	start, end, _ := frontmatterSpan(src, open)
	return src[start:end]
}

// TestFastYAMLReadsAsYAMLv3: every content file of the directory, of
// synthetic directories and of the invalid examples reads the same with
// the fast reader as with yaml.v3, and the fast reader takes nearly all of
// the directory's files.
func TestFastYAMLReadsAsYAMLv3(t *testing.T) {
	projects := map[string]fs.FS{"the directory": os.DirFS("../.."), "invalid examples": os.DirFS("testdata")}
	for _, seed := range []uint64{1, 2, 3} {
		fsys, err := synth.FS(os.DirFS("../.."), 300, seed)
		if err != nil {
			t.Fatal(err)
		}
		projects[fmt.Sprintf("synthetic %d", seed)] = fsys
	}
	for name, fsys := range projects {
		files, taken := 0, 0
		root := "content"
		if name == "invalid examples" {
			root = "invalid"
		}
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".md" {
				return err
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			files++
			ok, err := checkFast(frontmatterOf(src))
			if err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
			}
			if ok {
				taken++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: the fast reader took %d of %d files", name, taken, files)
		if name != "invalid examples" && taken*10 < files*9 {
			t.Errorf("%s: the fast reader took only %d of %d files", name, taken, files)
		}
	}
}

// TestFastYAMLShapes: each shape the fast reader takes, and some it leaves
// to yaml.v3, read as yaml.v3 reads them.
func TestFastYAMLShapes(t *testing.T) {
	for _, tc := range []struct {
		src  string
		fast bool
	}{
		{"a: b\n", true},
		{"a: 1\nb: 2.50\nc: 2026-12-01\nd: 2026-12\ne: yes\nf: true\ng: ~\nh: 0x1F\ni: 1_000\nj: .5\nk: -3\n", true},
		{"a:\n  b: c\n  d:\n    e: f\ng: h\n", true},
		{"list:\n  - a\n  - b c\nnext: x\n", true},
		{"list:\n- id: a\n  title: \"T – x\"\n- id: b\nnext: x\n", true},
		{"note: >-\n  one line\n  two line\nafter: 1\n", true},
		{"note: >\n  one\n  two\n\nafter: 1\n", true},
		{"note: |-\n  one\n  two\n", true},
		{"d: {status: yes, basis: in_principle, to_age: 21}\ne: [A, B c, D]\nf: []\n", true},
		{"q: 'it''s'\nr: \"café – ok\"\ns: {é: x}\n", false},
		{"empty:\nnext: 1\n", true},
		{"# a comment\na: b # a comment\nc: \"d\" # e\nf: [g] # h\n", true},
		{"a: b\n  c\n", false},                   // a value over two lines
		{"a: &x b\nc: *x\n", false},              // anchors
		{"a: \"x\\ty\"\n", false},                // escapes
		{"note: >\n  one\n\n  two\n", false},     // a blank line in folded text
		{"a: b: c\n", false},                     // not YAML
		{"a:\n\tb: c\n", false},                  // a tab
		{"x: {a: b, c}\n", false},                // a key with no value
		{"url: https://example.org/a#b\n", true}, // # in a value
		{"s: {a: café, b: x}\nt: [é, x]\n", true},
		{"a: -\n", false},
		{"- a\n- b: c\n", true},
	} {
		taken, err := checkFast([]byte(tc.src))
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
		}
		if taken != tc.fast {
			t.Errorf("%q: fast reader took it: %v, want %v", tc.src, taken, tc.fast)
		}
	}
}

// FuzzFastYAML: whatever the fast reader takes, yaml.v3 takes too, and
// reads the same.
func FuzzFastYAML(f *testing.F) {
	for _, s := range []string{"a: b\n", "list:\n- id: a\n  t: \"x\"\n", "n: >-\n  a\n  b\nx: {a: 1, b: c}\ny: [1, b]\n", "a:\n  b: 2026-01-02\n"} {
		f.Add([]byte(s))
	}
	_ = fs.WalkDir(os.DirFS("../../content/councils"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(p, "l") {
			if src, err := fs.ReadFile(os.DirFS("../../content/councils"), p); err == nil {
				f.Add(frontmatterOf(src))
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := checkFast(data); err != nil {
			t.Fatal(err)
		}
	})
}
