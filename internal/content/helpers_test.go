package content

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
)

// testNow is the build date every test loads content at.
var testNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// countyPath holds a valid county council in every test's content, so that
// districts can name it as their parent.
const countyPath = "content/councils/hertfordshire.md"

const countyFile = `---
schema: 1
gss: E10000015
name: Hertfordshire County Council
short_name: Hertfordshire
tier: county
region: East of England
website: https://www.hertfordshire.gov.uk
updated: 2026-11-23
---
Hertfordshire County Council looks after children in care in Hertfordshire.
`

// newFS returns content holding the county file and the given files, keyed
// by path from the project root; a given file may replace the county's.
func newFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{countyPath: {Data: []byte(countyFile)}}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// load reads fsys's content at testNow. The fixture county's warning that
// its districts have no files is dropped: tests hold only the files they
// are about, and that warning has a test of its own.
func load(fsys fs.FS) (*Set, diag.List) {
	set, problems := Load(fsys, testNow)
	out := problems[:0:0]
	for _, p := range problems {
		if !(p.File == countyPath && p.Severity == diag.Warning && strings.Contains(p.Msg, "districts have no file")) {
			out = append(out, p)
		}
	}
	return set, out
}

// strs formats problems as a contributor sees them.
func strs(problems diag.List) []string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.String()
	}
	return out
}

// checkPositions fails the test unless every problem names a file in fsys
// and a line and column inside it; only a problem with a whole folder may
// have no line.
func checkPositions(t *testing.T, fsys fstest.MapFS, problems diag.List) {
	t.Helper()
	for _, p := range problems {
		if p.Line == 0 {
			if info, err := fs.Stat(fsys, p.File); err != nil || !info.IsDir() {
				t.Errorf("%s: no line, but %s is not a folder", p, p.File)
			}
			continue
		}
		f, ok := fsys[p.File]
		if !ok {
			t.Errorf("%s: no such file in the content", p)
			continue
		}
		lines := bytes.Count(f.Data, []byte("\n")) + 1
		if p.Line < 1 || p.Line > lines || p.Col < 1 {
			t.Errorf("%s: position %d:%d is outside the file's %d lines", p, p.Line, p.Col, lines)
		}
	}
}
