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

	"github.com/localoffer/localoffer/internal/publish"
)

// Site serves the files of the last good build. It is safe for concurrent
// use; Set replaces the files atomically.
type Site struct {
	mu      sync.RWMutex
	files   map[string][]byte
	headers http.Header // from the site's _headers file, as a static host sends them
}

// Set replaces the files served. The _headers file is not served; its
// headers are sent with every response, as a static host would.
func (s *Site) Set(files []publish.File) error {
	m := make(map[string][]byte, len(files))
	h := http.Header{}
	for _, f := range files {
		if f.Path == publish.HeadersFile {
			var err error
			if h, err = publish.ParseHeaders(f.Data); err != nil {
				return err
			}
			continue
		}
		m[f.Path] = f.Data
	}
	s.mu.Lock()
	s.files, s.headers = m, h
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

func (s *Site) get(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.files[name]
	return b, ok
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
	data, ok := s.get(name)
	if !ok {
		if _, isDir := s.get(path.Join(name, "index.html")); isDir {
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
	page, ok := s.get("404.html")
	if !ok {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(page)
}
