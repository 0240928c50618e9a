// Package devserver serves a built site from memory for local preview, as a
// static host would: folders answer with their index.html and missing pages
// with 404.html.
package devserver

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/publish"
)

// Site serves the files of the last good build. It is safe for concurrent
// use; Set replaces the files atomically.
type Site struct {
	mu      sync.RWMutex
	files   files
	headers http.Header // from the site's _headers file, as a static host sends them
}

// files are what a Site serves: a finished build's, or a preview's, made
// when first asked for.
type files interface {
	Get(name string) (data []byte, ok bool, err error)
}

// fileMap is a finished build's files.
type fileMap map[string][]byte

func (m fileMap) Get(name string) ([]byte, bool, error) {
	data, ok := m[name]
	return data, ok, nil
}

// Set replaces the files served. The _headers file is not served; its
// headers are sent with every response, as a static host would.
func (s *Site) Set(files []publish.File) error {
	m := make(fileMap, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return s.set(m)
}

// SetLazy replaces the files served with a preview's, whose pages are made
// when first asked for.
func (s *Site) SetLazy(l *build.Lazy) error { return s.set(l) }

func (s *Site) set(f files) error {
	h := http.Header{}
	data, ok, err := f.Get(publish.HeadersFile)
	if err != nil {
		return err
	}
	if ok {
		if h, err = publish.ParseHeaders(data); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.files, s.headers = f, h
	s.mu.Unlock()
	return nil
}

func (s *Site) setHeaders(w http.ResponseWriter) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for name, values := range s.headers {
		w.Header()[name] = values
	}
}

// empty reports whether no site has been set yet.
func (s *Site) empty() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files == nil
}

// get returns a file of the site. The _headers file is not served: its
// headers are sent with every response.
func (s *Site) get(name string) ([]byte, bool, error) {
	s.mu.RLock()
	f := s.files
	s.mu.RUnlock()
	if f == nil || name == publish.HeadersFile {
		return nil, false, nil
	}
	return f.Get(name)
}

// ServeHTTP answers GET and HEAD requests from the files.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.setHeaders(w)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	data, ok, err := s.get(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if !ok {
		if _, isDir, _ := s.get(path.Join(name, "index.html")); isDir {
			to := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				to += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		s.notFound(w)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

func (s *Site) notFound(w http.ResponseWriter) {
	page, ok, err := s.get("404.html")
	if err != nil || !ok {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(page)
}
