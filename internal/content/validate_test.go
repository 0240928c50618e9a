package content

import (
	"cmp"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/offer"
)

var update = flag.Bool("update", false, "rewrite testdata/invalid/*.golden from what Load reports")

const invalidDir = "testdata/invalid"

// invalidCases lists the cases in testdata/invalid: each <case>.md is a
// broken council file, and each <case>/ folder holds files laid out as in
// content/, for cases that need several files or particular names.
func invalidCases(t testing.TB) []string {
	entries, err := os.ReadDir(invalidDir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".md"); ok || e.IsDir() {
			cases = append(cases, name)
		}
	}
	slices.Sort(cases)
	return slices.Compact(cases)
}

// caseFiles returns a case's files, keyed by their path in the content.
func caseFiles(t testing.TB, name string) map[string]string {
	files := map[string]string{}
	if src, err := os.ReadFile(filepath.Join(invalidDir, name+".md")); err == nil {
		files[path.Join(CouncilsDir, name+".md")] = string(src)
	}
	dir := filepath.Join(invalidDir, name)
	err := filepath.WalkDir(dir, func(file string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		src, err := os.ReadFile(file)
		rel, _ := filepath.Rel(dir, file)
		files[path.Join(Dir, filepath.ToSlash(rel))] = string(src)
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("case %s has no files", name)
	}
	return files
}

// TestInvalid loads each broken case with a valid county beside it and
// compares the problems with testdata/invalid/<case>.golden. Run with
// -update to rewrite the golden files, then read them.
func TestInvalid(t *testing.T) {
	cases := invalidCases(t)
	goldens, _ := filepath.Glob(filepath.Join(invalidDir, "*.golden"))
	for _, golden := range goldens {
		if name := strings.TrimSuffix(filepath.Base(golden), ".golden"); !slices.Contains(cases, name) {
			t.Errorf("%s has no case: remove it, or add %s.md", golden, name)
		}
	}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			fsys := newFS(caseFiles(t, name))
			_, problems := load(fsys)
			checkSorted(t, problems)
			checkPositions(t, fsys, problems)
			got := strings.Join(strs(problems), "\n") + "\n"
			golden := filepath.Join(invalidDir, name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestInvalid -update to create it)", err)
			}
			if len(problems) == 0 {
				t.Errorf("no problems reported: a broken case must report at least one")
			}
			if got != string(want) {
				t.Errorf("problems differ from %s\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// TestInvalidTogether loads every case's files in one run, as a contributor
// with many broken files would, and checks that each file's problems still
// come back, sorted by file, line and column.
func TestInvalidTogether(t *testing.T) {
	all := map[string]string{}
	for _, name := range invalidCases(t) {
		for file, src := range caseFiles(t, name) {
			if _, clash := all[file]; clash {
				file = strings.TrimSuffix(file, ".md") + "-" + name + ".md"
			}
			all[file] = src
		}
	}
	fsys := newFS(all)
	_, problems := load(fsys)
	checkSorted(t, problems)
	checkPositions(t, fsys, problems)
	reported := map[string]bool{}
	for _, p := range problems {
		reported[p.File] = true
	}
	for _, name := range invalidCases(t) {
		file := path.Join(CouncilsDir, name+".md")
		if _, ok := all[file]; ok && !reported[file] {
			t.Errorf("%s: no problems when loaded with the other cases", file)
		}
	}
}

// checkSorted fails unless problems are ordered by file, line and column.
func checkSorted(t *testing.T, problems diag.List) {
	t.Helper()
	sorted := slices.IsSortedFunc(problems, func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	if !sorted {
		t.Errorf("problems are not sorted by file, line and column:\n%s", problems.Error())
	}
}

// TestLinksAgreeWithTheSchema: the checker accepts a link exactly when the
// JSON Schema's pattern does, and neither accepts one a browser would not
// take as written.
func TestLinksAgreeWithTheSchema(t *testing.T) {
	schema := regexp.MustCompile(offer.LinkPattern)
	for link, ok := range map[string]bool{
		"https://www.luton.gov.uk/council_tax/help-%5Bpaying/default.aspx": true,
		"https://www.luton.gov.uk/council_tax/help-[paying/default.aspx":   false,
		"https://example.org/a page":                                       false,
		"https://example.org/100%":                                         false,
		`https://example.org/"quoted"`:                                     false,
		"https://example.org/a;jsessionid=1?b=c&d=e#top":                   true,
		"HTTPS://example.org/":                                             true,
		"https://example.org":                                              true,
		"mailto:leavingcare@example.gov.uk":                                true,
		"tel:0116 454 1000":                                                false,
		"tel:01164541000":                                                  true,
		"javascript:alert(1)":                                              false,
		"https:leisure":                                                    false,
	} {
		if got := checkLink(link) == ""; got != ok {
			t.Errorf("checkLink(%q) accepts: %v, want %v", link, got, ok)
		}
		if got := schema.MatchString(link); got != ok {
			t.Errorf("the schema's pattern matches %q: %v, want %v", link, got, ok)
		}
	}
}
