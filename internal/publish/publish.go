// Package publish turns rendered pages and static files into the files of
// the site: it minifies HTML, CSS and JavaScript, puts a content hash in the
// names of style sheets and scripts, and writes the site to its folder in
// one swap, so a failed build never leaves a half-written folder.
package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// StaticDir is the folder of files copied into the site.
const StaticDir = "static"

// File is one file of the site.
type File struct {
	Path string // slash-separated, relative to the site's root
	Data []byte
}

// Minifier minifies the site's HTML, CSS and JavaScript.
type Minifier struct{ m *minify.M }

// NewMinifier sets up minifiers that keep what the site's tests and older
// browsers rely on: quotes, document tags and end tags.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return &Minifier{m}
}

var mediaTypes = map[string]string{".html": "text/html", ".css": "text/css", ".js": "text/javascript"}

// Minify minifies data by the file name's extension; other files pass unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// Assets reads static/: style sheets and scripts are minified and get a
// content hash in their names, under assets/; other files keep their paths.
// It returns the files and a map from each fingerprinted file's name in
// static/ to its path in the site.
func (m *Minifier) Assets(fsys fs.FS) ([]File, map[string]string, error) {
	var files []File
	names := map[string]string{}
	err := fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, StaticDir+"/")
		ext := path.Ext(rel)
		if ext != ".css" && ext != ".js" {
			files = append(files, File{rel, data})
			return nil
		}
		if data, err = m.Minify(rel, data); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out := "assets/" + strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		names[rel] = out
		files = append(files, File{out, data})
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("static: %w", err)
	}
	return files, names, nil
}

// Write writes files as the folder dir, replacing what was there only once
// every file is written. It builds the site in a fresh folder beside dir,
// then swaps the two; on any failure dir is left as it was.
func Write(dir string, files []File) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i, f := range sorted {
		if i > 0 && sorted[i-1].Path == f.Path {
			return fmt.Errorf("publish: two files would be written to %s", f.Path)
		}
		if !fs.ValidPath(f.Path) || f.Path == "." {
			return fmt.Errorf("publish: %q is not a path inside the site", f.Path)
		}
		target := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	return swap(tmp, dir)
}

// swap puts the new folder in place of dir, keeping the old one until the new
// one is in place.
func swap(next, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = next + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	if err := os.Rename(next, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("publish: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
