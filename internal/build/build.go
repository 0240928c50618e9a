// Package build runs the whole pipeline: it loads content, builds the site
// model, renders pages, minifies and fingerprints files, and publishes them.
// It reads the project through an fs.FS, so tests can build from memory, and
// passes files to a publish.Sink as they are made, so a large site is
// written to disk without ever being held in memory whole.
package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/export"
	"github.com/localoffer/localoffer/internal/history"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/render"
	"github.com/localoffer/localoffer/internal/site"
)

// Result is what a build made.
type Result struct {
	Site     *site.Site
	Files    []publish.File // the files, sorted by path; only from Site
	Count    int            // how many files the build made
	Problems diag.List      // errors and warnings in the content, sorted
	// Interpreted is set when the layouts are not the ones compiled to Go
	// (see internal/layoutc), so pages were made by html/template.
	Interpreted bool
}

// Run builds the site from the project in fsys and passes its files to
// sink. now is the build's date. When the content has errors, it returns
// them as a diag.List error along with the Result holding every problem,
// and sink gets nothing.
func Run(fsys fs.FS, now time.Time, sink publish.Sink, opts ...Option) (*Result, error) {
	o := apply(opts)
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return nil, err
	}
	// The layouts and static files need nothing from the content, so they
	// are read and minified while it loads.
	ready := make(chan prepared, 1)
	go func() { ready <- prepare(fsys) }()
	set, problems := content.Load(fsys, now)
	res := &Result{Problems: problems}
	p := <-ready
	if errs := problems.Errors(); len(errs) > 0 {
		return res, errs
	}
	if p.err != nil {
		return res, p.err
	}
	r, files, assets := p.r, p.files, p.assets
	res.Site = site.New(set, cfg, now)
	res.Site.SetHistory(o.history())
	res.Interpreted = !r.Compiled()
	files = append(files, configFiles(cfg)...)
	for _, f := range files {
		if err := sink.Put(f.Path, f.Data); err != nil {
			return res, err
		}
	}
	// The open data, the councils' feeds and their data scripts need
	// nothing from the pages, so they are made while the pages are: each
	// fills the processors when the other waits.
	data := make(chan dataDone, 1)
	go func() {
		d, err := export.Data(res.Site, sink, func(c *site.Council, sections []site.Section) error {
			return sink.Put(render.CouncilDataPath(c), render.CouncilData(c, sections))
		})
		data <- dataDone{d, err}
	}()
	var buffers sync.Pool
	pages, err := r.Site(res.Site, assets, func(path string, page []byte, frags *render.Fragments) error {
		out, _ := buffers.Get().(*bytes.Buffer)
		if out == nil {
			out = new(bytes.Buffer)
		}
		defer func() {
			if out.Cap() < 8<<20 { // keep room for pages, not for a huge one
				buffers.Put(out)
			}
		}()
		// The templates were minified when they were read, so the page is
		// written as it was made, with its fragments put back.
		out.Reset()
		if err := frags.Splice(out, page); err != nil {
			return fmt.Errorf("render %s: %w", path, err)
		}
		return sink.Put(path, out.Bytes())
	})
	d := <-data
	if err != nil {
		return res, err
	}
	if d.err != nil {
		return res, d.err
	}
	if err := export.Index(res.Site, pages, d.Written, sink); err != nil {
		return res, err
	}
	res.Count = len(files) + len(pages) + len(export.Paths) + 2*len(res.Site.Councils) // and each council's feed and data
	return res, nil
}

// prepared are the layouts, ready to make pages, and the static files,
// minified and fingerprinted, with assets mapping their names to their
// fingerprinted paths.
type prepared struct {
	r      *render.Renderer
	files  []publish.File
	assets map[string]string
	err    error
}

func prepare(fsys fs.FS) prepared {
	m := publish.NewMinifier()
	r, err := render.NewMinified(fsys, m.Template)
	if err != nil {
		return prepared{err: err}
	}
	files, assets, err := m.Assets(fsys)
	return prepared{r, files, assets, err}
}

// dataDone is what export.Data returned.
type dataDone struct {
	*export.Written
	err error
}

// Option changes how a build is made.
type Option func(*options)

type options struct {
	readHistory func() *history.Log
}

// WithHistory gives the build the content's history, for each council's
// changes and feed: log is called when the build needs it, so the history
// can be read while the content loads. Without it, no changes are listed.
func WithHistory(log func() *history.Log) Option {
	return func(o *options) { o.readHistory = log }
}

// apply gives the options opts set.
func apply(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// configFiles are the files made from site.yaml: the host's headers and
// the web app manifest.
func configFiles(cfg site.Config) []publish.File {
	return []publish.File{publish.Headers(cfg.PostcodeAPI), publish.Manifest(cfg.Title, cfg.ShortTitle, cfg.Language)}
}

func (o *options) history() *history.Log {
	if o.readHistory == nil {
		return nil
	}
	return o.readHistory()
}

// Site builds the site in memory, as Run does.
func Site(fsys fs.FS, now time.Time, opts ...Option) (*Result, error) {
	var m publish.Memory
	res, err := Run(fsys, now, &m, opts...)
	if err != nil {
		return res, err
	}
	if res.Files, err = m.Files(); err != nil {
		return res, err
	}
	return res, nil
}

// Write builds the site and publishes it to the folder out, writing each
// file as it is made into a new folder that replaces out only when the
// build has succeeded. On any error out is left as it was.
func Write(fsys fs.FS, now time.Time, out string, opts ...Option) (*Result, error) {
	folder, err := publish.NewFolder(out)
	if err != nil {
		return nil, err
	}
	res, err := Run(fsys, now, folder, opts...)
	if err != nil {
		folder.Abort()
		return res, err
	}
	if err := folder.Commit(); err != nil {
		return res, fmt.Errorf("write %s: %w", out, err)
	}
	return res, nil
}
