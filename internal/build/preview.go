package build

import (
	"bytes"
	"io/fs"
	"sort"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/export"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/render"
	"github.com/localoffer/localoffer/internal/site"
)

// Lazy is a site whose pages and data files are made when first asked for.
// It is safe for concurrent use.
type Lazy struct {
	files map[string]*lazyFile
}

type lazyFile struct {
	once sync.Once
	make func() ([]byte, error)
	data []byte
	err  error
}

// Get returns the file at path in the site, making it the first time it is
// asked for; ok is false when the site has no such file.
func (l *Lazy) Get(path string) (data []byte, ok bool, err error) {
	f := l.files[path]
	if f == nil {
		return nil, false, nil
	}
	f.once.Do(func() { f.data, f.err = f.make() })
	return f.data, true, f.err
}

// Paths lists the site's files, sorted.
func (l *Lazy) Paths() []string {
	out := make([]string, 0, len(l.files))
	for p := range l.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (l *Lazy) add(path string, make func() ([]byte, error)) {
	l.files[path] = &lazyFile{make: make}
}

// Preview builds the site for the preview server. It loads the content,
// builds the model, parses the templates and reads the static files at once,
// so it finds every content and template problem a full build finds, but
// makes each page and data file only when it is first asked for, and does not
// minify them. A rebuild after an edit so takes milliseconds however large the
// site. cache, if not nil, keeps decoded content files between builds.
func Preview(fsys fs.FS, now time.Time, cache *content.Cache, opts ...Option) (*Result, *Lazy, error) {
	o := apply(opts)
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return nil, nil, err
	}
	set, problems := cache.Load(fsys, now)
	res := &Result{Problems: problems}
	if errs := problems.Errors(); len(errs) > 0 {
		return res, nil, errs
	}
	res.Site = site.New(set, cfg, now)
	res.Site.SetHistory(o.history())
	r, err := render.New(fsys)
	if err != nil {
		return res, nil, err
	}
	static, assets, err := publish.NewMinifier().Assets(fsys)
	if err != nil {
		return res, nil, err
	}
	static = append(static, configFiles(cfg)...)
	l := &Lazy{files: map[string]*lazyFile{}}
	for _, f := range static {
		if f.Path == publish.ServiceWorker {
			continue // the preview's pages change as you type: nothing may keep old copies
		}
		l.add(f.Path, func() ([]byte, error) { return f.Data, nil })
	}
	pages := render.Plan(res.Site, assets)
	paths := render.Paths(pages)
	for i, p := range pages {
		l.add(paths[i], func() ([]byte, error) {
			var b bytes.Buffer
			err := r.Page(&b, p)
			return b.Bytes(), err
		})
	}
	exports := sync.OnceValues(func() (map[string][]byte, error) {
		files, err := export.Files(res.Site, paths)
		out := map[string][]byte{}
		for _, f := range files {
			out[f.Path] = f.Data
		}
		return out, err
	})
	for _, name := range export.Paths {
		l.add(name, func() ([]byte, error) {
			files, err := exports()
			return files[name], err
		})
	}
	for _, c := range res.Site.Councils {
		l.add(export.CouncilFeedFile(c), func() ([]byte, error) { return export.CouncilFeed(res.Site, c), nil })
		l.add(render.CouncilDataPath(c), func() ([]byte, error) { return render.CouncilData(c, c.Sections()), nil })
	}
	res.Count = len(l.files)
	return res, l, nil
}
