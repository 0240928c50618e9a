// Package build runs the whole pipeline: it loads content, builds the site
// model, renders pages, minifies and fingerprints files, and (with Write)
// publishes them. It reads the project through an fs.FS, so tests can build
// from memory.
package build

import (
	"fmt"
	"io/fs"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/export"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/render"
	"github.com/localoffer/localoffer/internal/site"
)

// Result is what a build made.
type Result struct {
	Site     *site.Site
	Files    []publish.File
	Problems diag.List // errors and warnings in the content, sorted
}

// Site builds the site in memory from the project in fsys. now is the build's
// date. When the content has errors, it returns them as a diag.List error
// along with the Result holding every problem.
func Site(fsys fs.FS, now time.Time) (*Result, error) {
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return nil, err
	}
	set, problems := content.Load(fsys, now)
	res := &Result{Problems: problems}
	if errs := problems.Errors(); len(errs) > 0 {
		return res, errs
	}
	res.Site = site.New(set, cfg, now)

	r, err := render.New(fsys)
	if err != nil {
		return res, err
	}
	m := publish.NewMinifier()
	files, assets, err := m.Assets(fsys)
	if err != nil {
		return res, err
	}
	pages, err := r.Site(res.Site, assets, m.Minify)
	if err != nil {
		return res, err
	}
	for _, p := range pages {
		files = append(files, publish.File{Path: p.Path, Data: p.Data})
	}
	exports, err := export.Files(res.Site, files)
	if err != nil {
		return res, err
	}
	files = append(files, exports...)
	files = append(files, publish.Headers(cfg.PostcodeAPI))
	res.Files = files
	return res, nil
}

// Write builds the site and publishes it to the folder out. On any error the
// folder is left as it was.
func Write(fsys fs.FS, now time.Time, out string) (*Result, error) {
	res, err := Site(fsys, now)
	if err != nil {
		return res, err
	}
	if err := publish.Write(out, res.Files); err != nil {
		return res, fmt.Errorf("write %s: %w", out, err)
	}
	return res, nil
}
