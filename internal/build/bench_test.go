package build_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/build"
)

// BenchmarkBuildReal builds the bundled content in memory, start to finish.
func BenchmarkBuildReal(b *testing.B) {
	for b.Loop() {
		if _, err := build.Site(project, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildSynthetic builds n copies of the fullest real council file,
// to show how build time grows with the number of councils.
func BenchmarkBuildSynthetic(b *testing.B) {
	for _, n := range []int{317, 3170} {
		fsys := synthetic(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := build.Site(fsys, now); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/council")
		})
	}
}

// synthetic returns the project with n unitary councils made from Leicester's file.
func synthetic(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(project, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && !strings.HasPrefix(p, "layouts") && !strings.HasPrefix(p, "static") && !strings.HasPrefix(p, "content") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(p, "content/councils/") || strings.HasPrefix(p, "content/joint/") {
			return nil
		}
		data, err := fs.ReadFile(project, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	src, err := fs.ReadFile(project, "content/councils/leicester.md")
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		// Codes beyond the reference list, so the synthetic councils only warn.
		s := strings.Replace(string(src), "gss: E06000016", fmt.Sprintf("gss: E069%05d", i), 1)
		s = strings.Replace(s, "name: Leicester City Council", fmt.Sprintf("name: Council %d", i), 1)
		fsys[fmt.Sprintf("content/councils/council-%d.md", i)] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}
