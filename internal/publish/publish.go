// Package publish turns rendered pages and static files into the files of
// the site: it minifies HTML, CSS and JavaScript, puts a content hash in the
// names of style sheets and scripts, and writes the site to its folder in
// one swap, so a failed build never leaves a half-written folder.
package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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
type Minifier struct{ m, templates *minify.M }

// NewMinifier sets up minifiers that keep what the site's tests and older
// browsers rely on: quotes, document tags and end tags.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	t := minify.New()
	t.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true,
		TemplateDelims: [2]string{"{{", "}}"}})
	return &Minifier{m, t}
}

var mediaTypes = map[string]string{".html": "text/html", ".css": "text/css", ".js": "text/javascript"}

// Template minifies an HTML template, leaving its {{actions}} as they are,
// so the pages it makes come out minified without minifying each one.
func (m *Minifier) Template(name string, src []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := m.templates.Minify("text/html", &out, bytes.NewReader(src)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}

// Minify minifies data by the file name's extension; other files pass unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	if _, ok := mediaTypes[path.Ext(name)]; !ok {
		return data, nil
	}
	var out bytes.Buffer
	if err := m.MinifyTo(&out, name, bytes.NewBuffer(bytes.Clone(data))); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MinifyTo minifies src into dst by the file name's extension; other files
// are copied. src may be changed.
func (m *Minifier) MinifyTo(dst *bytes.Buffer, name string, src *bytes.Buffer) error {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		_, err := dst.Write(src.Bytes())
		return err
	}
	if err := m.m.Minify(mt, dst, src); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return nil
}

// Assets reads static/: style sheets and scripts are minified and get a
// content hash in their names, under assets/; other files keep their paths.
// It returns the files and a map from each fingerprinted file's name in
// static/ to its path in the site.
func (m *Minifier) Assets(fsys fs.FS) ([]File, map[string]string, error) {
	var files []File
	var worker []byte
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
		if rel == ServiceWorker {
			worker = data // written last, when it can list the others
			return nil
		}
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
	if worker != nil {
		sw, err := m.serviceWorker(worker, names)
		if err != nil {
			return nil, nil, fmt.Errorf("static: %w", err)
		}
		files = append(files, sw)
	}
	return files, names, nil
}

// ServiceWorker is the service worker's name in static/ and in the site,
// where it stays at the root so that it can serve every page.
const ServiceWorker = "sw.js"

// OfflinePages are the files the service worker keeps from the start, so
// they open with no signal: the home page, search, the page that says a
// page is not saved, and the icons and manifest every page links.
var OfflinePages = []string{"index.html", "search/index.html", "offline/index.html", "favicon.ico", "icon.svg", ManifestFile}

// serviceWorker is static/sw.js, minified, after a line that gives it the
// build's VERSION, a digest of the fingerprinted style sheets and scripts
// (so a new build with new ones replaces the old worker and its cache),
// and CORE, the files to keep from the start: OfflinePages and those
// style sheets and scripts.
func (m *Minifier) serviceWorker(src []byte, names map[string]string) (File, error) {
	core := slices.Clone(OfflinePages)
	for _, f := range names {
		core = append(core, f)
	}
	slices.Sort(core[len(OfflinePages):])
	digest := sha256.New()
	for _, p := range core {
		digest.Write([]byte(p + "\n"))
	}
	list, err := json.Marshal(core)
	if err != nil {
		return File{}, err
	}
	min, err := m.Minify(ServiceWorker, src)
	if err != nil {
		return File{}, err
	}
	head := fmt.Sprintf("const VERSION=%q;const CORE=%s;\n", hex.EncodeToString(digest.Sum(nil)[:6]), list)
	return File{ServiceWorker, append([]byte(head), min...)}, nil
}

// Sink receives the files of a site as a build makes them, from many
// goroutines at once. Neither Put nor a writer from Create keeps the bytes it
// is given after it returns, so builders can reuse their buffers.
type Sink interface {
	// Put adds a file.
	Put(path string, data []byte) error
	// Create adds a file written in pieces, for files too big to hold in
	// memory; the file is complete once the writer is closed.
	Create(path string) (io.WriteCloser, error)
}

// checkPath reports a path that cannot be a file of the site.
func checkPath(p string) error {
	if !fs.ValidPath(p) || p == "." {
		return fmt.Errorf("publish: %q is not a path inside the site", p)
	}
	return nil
}

// Memory is a Sink that keeps the files in memory, for tests and the
// preview server.
type Memory struct {
	mu    sync.Mutex
	files []File
}

// Put keeps a copy of data.
func (m *Memory) Put(p string, data []byte) error {
	if err := checkPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	m.files = append(m.files, File{p, bytes.Clone(data)})
	m.mu.Unlock()
	return nil
}

// Create returns a writer whose bytes become the file when it is closed.
func (m *Memory) Create(p string) (io.WriteCloser, error) {
	if err := checkPath(p); err != nil {
		return nil, err
	}
	return &memoryFile{m: m, path: p}, nil
}

type memoryFile struct {
	bytes.Buffer
	m    *Memory
	path string
}

func (f *memoryFile) Close() error {
	f.m.mu.Lock()
	f.m.files = append(f.m.files, File{f.path, f.Bytes()})
	f.m.mu.Unlock()
	return nil
}

// Files returns the files sorted by path, or an error if two share a path.
func (m *Memory) Files() ([]File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	slices.SortFunc(m.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(m.files); i++ {
		if m.files[i-1].Path == m.files[i].Path {
			return nil, fmt.Errorf("publish: two files would be written to %s", m.files[i].Path)
		}
	}
	return m.files, nil
}

// Folder is a Sink that writes the site into a new folder beside its
// destination as the files arrive, so a large site never has to fit in
// memory, and puts it in place of the destination only when committed. On
// any failure the destination is left as it was.
type Folder struct {
	dir, tmp string
	made     sync.Map // folders inside tmp that exist
}

// NewFolder starts writing a site that will replace the folder dir. It
// first removes what a build that was stopped part way (by Ctrl-C, or the
// machine) left beside dir: its unfinished new folder, which may be as
// large as the site. So two builds into one folder must not run at once.
func NewFolder(dir string) (*Folder, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	prefix := "." + filepath.Base(dir) + ".new-"
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return nil, fmt.Errorf("publish: removing what an earlier build left: %w", err)
			}
		}
	}
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("publish: %w", err)
	}
	return &Folder{dir: dir, tmp: tmp}, nil
}

// target makes the folder the file p goes in, inside the new folder, and
// returns the file's path there.
func (f *Folder) target(p string) (string, error) {
	if err := checkPath(p); err != nil {
		return "", err
	}
	target := filepath.Join(f.tmp, filepath.FromSlash(p))
	if d := filepath.Dir(target); d != f.tmp {
		if _, ok := f.made.Load(d); !ok {
			// Most folders' parents exist already: one mkdir, not the three
			// system calls of MkdirAll, for each of thousands of pages.
			err := os.Mkdir(d, 0o755)
			if errors.Is(err, fs.ErrNotExist) {
				err = os.MkdirAll(d, 0o755)
			}
			if err != nil && !errors.Is(err, fs.ErrExist) {
				return "", fmt.Errorf("publish: %w", err)
			}
			f.made.Store(d, true)
		}
	}
	return target, nil
}

// exists is the error for a file made twice: a file that is already there
// is an error, because two parts of the build made the same file.
func exists(p string, err error) error {
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("publish: two files would be written to %s", p)
	}
	return fmt.Errorf("publish: %w", err)
}

// open creates the file p inside the new folder.
func (f *Folder) open(p string) (*os.File, error) {
	target, err := f.target(p)
	if err != nil {
		return nil, err
	}
	file, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, exists(p, err)
	}
	return file, nil
}

// Put writes a file.
func (f *Folder) Put(p string, data []byte) error {
	target, err := f.target(p)
	if err != nil {
		return err
	}
	if err := writeNew(target, data); err != nil {
		return exists(p, err)
	}
	return nil
}

// Create returns a buffered writer to a new file.
func (f *Folder) Create(p string) (io.WriteCloser, error) {
	file, err := f.open(p)
	if err != nil {
		return nil, err
	}
	return &folderFile{bufio.NewWriterSize(file, 256<<10), file}, nil
}

type folderFile struct {
	*bufio.Writer
	f *os.File
}

func (w *folderFile) Close() error {
	err := w.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Commit puts the new folder in place of the destination.
func (f *Folder) Commit() error {
	if err := swap(f.tmp, f.dir); err != nil {
		f.Abort()
		return err
	}
	return nil
}

// Abort removes the new folder, leaving the destination as it was.
func (f *Folder) Abort() { os.RemoveAll(f.tmp) }

// Write writes files as the folder dir, replacing what was there only once
// every file is written. On any failure dir is left as it was.
func Write(dir string, files []File) error {
	f, err := NewFolder(dir)
	if err != nil {
		return err
	}
	for _, file := range files {
		if err := f.Put(file.Path, file.Data); err != nil {
			f.Abort()
			return err
		}
	}
	return f.Commit()
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
