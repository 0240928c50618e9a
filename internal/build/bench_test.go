package build_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/export"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/render"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/synth"
)

// BenchmarkBuildReal builds the bundled content in memory, start to finish.
func BenchmarkBuildReal(b *testing.B) {
	for b.Loop() {
		if _, err := build.Site(project, now); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSizes are the numbers of synthetic councils the benchmarks below
// build. LOCALOFFER_BENCH_SIZES replaces them, as in
// LOCALOFFER_BENCH_SIZES=317,10000,100000.
func benchSizes(b *testing.B) []int {
	env := os.Getenv("LOCALOFFER_BENCH_SIZES")
	if env == "" {
		return []int{317, 10000}
	}
	var out []int
	for f := range strings.SplitSeq(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("LOCALOFFER_BENCH_SIZES: want numbers of councils, got %q", f)
		}
		out = append(out, n)
	}
	return out
}

// BenchmarkBuild builds synthetic projects from disk to disk, as
// `localoffer build` does.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes(b) {
		dir := b.TempDir()
		if err := synth.Write(filepath.Join(dir, "project"), project, n, 1); err != nil {
			b.Fatal(err)
		}
		fsys := os.DirFS(filepath.Join(dir, "project"))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := build.Write(fsys, now, filepath.Join(dir, "public")); err != nil {
					b.Fatal(err)
				}
			}
			perCouncil(b, n)
		})
	}
}

// BenchmarkStage times each stage of a build on its own, for each size:
// load (read council files from disk and decode them), decode (the same from
// memory: parsing YAML and checking it), model, render (every page through
// the templates, on all processors), minify (every page, on all processors),
// export (the open data files) and write (every file to a new folder that
// replaces the old).
func BenchmarkStage(b *testing.B) {
	for _, n := range benchSizes(b) {
		fsys, err := synth.FS(project, n, 1)
		if err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		if err := synth.Write(filepath.Join(dir, "project"), project, n, 1); err != nil {
			b.Fatal(err)
		}
		cfg, err := site.LoadConfig(fsys)
		if err != nil {
			b.Fatal(err)
		}
		set, problems := content.Load(fsys, now)
		if errs := problems.Errors(); len(errs) > 0 {
			b.Fatal(errs)
		}
		s := site.New(set, cfg, now)
		// As Run does: templates minified once, so pages come out minified.
		m := publish.NewMinifier()
		r, err := render.NewMinified(fsys, m.Template)
		if err != nil {
			b.Fatal(err)
		}
		_, assets, err := m.Assets(fsys)
		if err != nil {
			b.Fatal(err)
		}
		type rendered struct {
			publish.File
			frags render.Fragments
		}
		var mu sync.Mutex
		var pages []rendered
		paths, err := r.Site(s, assets, func(path string, page []byte, frags *render.Fragments) error {
			f := *frags
			f.Parts = slices.Clone(f.Parts)
			mu.Lock()
			pages = append(pages, rendered{publish.File{Path: path, Data: bytes.Clone(page)}, f})
			mu.Unlock()
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		spliced := make([]publish.File, len(pages))

		stage := func(name string, f func(b *testing.B)) {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				for b.Loop() {
					f(b)
				}
				perCouncil(b, n)
			})
		}
		stage("load", func(b *testing.B) { content.Load(os.DirFS(filepath.Join(dir, "project")), now) })
		stage("decode", func(b *testing.B) { content.Load(fsys, now) })
		stage("model", func(b *testing.B) { site.New(set, cfg, now) })
		stage("render", func(b *testing.B) {
			if _, err := r.Site(s, assets, func(string, []byte, *render.Fragments) error { return nil }); err != nil {
				b.Fatal(err)
			}
		})
		stage("splice", func(b *testing.B) {
			parallel(len(pages), func(i int) {
				var out bytes.Buffer
				if err := pages[i].frags.Splice(&out, pages[i].Data); err != nil {
					b.Error(err)
				}
				spliced[i] = publish.File{Path: pages[i].Path, Data: out.Bytes()}
			})
		})
		stage("export", func(b *testing.B) {
			if err := export.Write(s, paths, discard{}); err != nil {
				b.Fatal(err)
			}
		})
		stage("write", func(b *testing.B) {
			folder, err := publish.NewFolder(filepath.Join(dir, "public"))
			if err != nil {
				b.Fatal(err)
			}
			parallel(len(spliced), func(i int) {
				if err := folder.Put(spliced[i].Path, spliced[i].Data); err != nil {
					b.Error(err)
				}
			})
			if err := folder.Commit(); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// perCouncil reports the time per council of a benchmark of n councils.
func perCouncil(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/council")
}

// parallel calls f for 0 to n-1 on all processors, as the build does.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// discard is a publish.Sink that keeps nothing.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }

func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// BenchmarkPreviewRebuild rebuilds the bundled content for the preview
// server after one council file changed: the decoded content of the others
// is kept, and pages are made only when asked for.
func BenchmarkPreviewRebuild(b *testing.B) {
	fsys, err := synth.FS(project, 0, 1) // the layouts, static files and pages
	if err != nil {
		b.Fatal(err)
	}
	for _, dir := range []string{"content/councils", "content/joint"} {
		entries, err := fs.ReadDir(project, dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			data, err := fs.ReadFile(project, dir+"/"+e.Name())
			if err != nil {
				b.Fatal(err)
			}
			fsys[dir+"/"+e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	var cache content.Cache
	leicester := fsys["content/councils/leicester.md"].Data
	for i := 0; b.Loop(); i++ {
		fsys["content/councils/leicester.md"] = &fstest.MapFile{Data: fmt.Appendf(bytes.Clone(leicester), "\nEdit %d.\n", i)}
		_, site, err := build.Preview(fsys, now, &cache)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok, err := site.Get("councils/leicester/index.html"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
