package devserver

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/diag"
)

// Watched are the project folders and files whose changes cause a rebuild.
var Watched = []string{"content", "layouts", "static", "site.yaml"}

// Settle is how long the server waits after the last change before it
// rebuilds, so that a burst of events (an editor's save, a git checkout)
// makes one build.
const Settle = 25 * time.Millisecond

// The paths the preview server adds to the site; the built site has none of them.
const (
	eventsPath = "/_localoffer/events"
	reloadPath = "/_localoffer/reload.js"
	errorsPath = "/_localoffer/errors"
)

// reloadScript listens for rebuilds and reloads the page. It is served as a
// file, so the site's policy against inline scripts still holds.
const reloadScript = `const events = new EventSource("` + eventsPath + `");
events.addEventListener("reload", () => location.reload());
`

// Live serves a project's site while it is edited: it rebuilds when a
// watched file changes and tells open pages to reload through server-sent
// events. A build that fails keeps the last good site: pages made from the
// broken files, or every page when the problem is not in content, show the
// problems instead, and the rest carry a note.
type Live struct {
	Site
	root string
	now  func() time.Time
	// OnBuild, if set, is called after every build with its result; tests and
	// the command use it to report.
	OnBuild func(res *build.Result, err error, took time.Duration)
	// OnWatchError, if set, hears of problems watching files; the server
	// rebuilds after each and goes on watching.
	OnWatchError func(error)
	// Options are passed to every build, such as the content's history.
	Options []build.Option

	cache    content.Cache // decoded content files, so an edit decodes one file
	mu       sync.Mutex
	problems diag.List // of the last build; empty after a good one
	failure  error     // the last build's error, if it failed
	clients  map[chan struct{}]bool
	done     chan struct{}
	version  int
}

// NewLive makes a preview server for the project at root. now gives the
// build's date.
func NewLive(root string, now func() time.Time) *Live {
	return &Live{root: root, now: now, clients: map[chan struct{}]bool{}, done: make(chan struct{})}
}

// Build builds the site and, if it succeeds, serves it; either way open
// pages are told to reload. It reports whether the build succeeded.
func (l *Live) Build() bool {
	start := time.Now()
	res, site, err := build.Preview(os.DirFS(l.root), l.now(), &l.cache, l.Options...)
	took := time.Since(start)
	if err == nil {
		err = l.SetLazy(site)
	}
	l.mu.Lock()
	l.failure = err
	l.problems = nil
	if res != nil {
		l.problems = res.Problems.Errors()
	}
	l.version++
	for c := range l.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already waiting for this page
		}
	}
	l.mu.Unlock()
	if l.OnBuild != nil {
		l.OnBuild(res, err, took)
	}
	return err == nil
}

// Version counts the builds so far.
func (l *Live) Version() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.version
}

// Close ends every event stream, so the HTTP server can shut down.
func (l *Live) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-l.done:
	default:
		close(l.done)
	}
}

// ServeHTTP serves the site, the reload script and events, and the
// problems of a failed build.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		l.events(w, r)
		return
	case reloadPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, reloadScript)
		return
	case errorsPath:
		l.mu.Lock()
		problems, failure := l.problems, l.failure
		l.mu.Unlock()
		l.errorPage(w, problems, failure)
		return
	}
	l.mu.Lock()
	problems, failure := l.problems, l.failure
	l.mu.Unlock()
	page := pagePath(r.URL.Path)
	if failure != nil && (l.Site.empty() || page != "" && broken(page, problems)) {
		l.errorPage(w, problems, failure)
		return
	}
	rec := &recorder{header: http.Header{}}
	l.Site.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	if rec.code == http.StatusInternalServerError {
		// The page could not be made: a template failed on its data.
		l.errorPage(w, nil, errors.New(strings.TrimSpace(string(body))))
		return
	}
	if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		body = inject(body, failure != nil)
		rec.header.Del("Content-Length")
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// pagePath is the site file an address serves, when it is a page.
func pagePath(p string) string {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	if !strings.HasSuffix(name, ".html") {
		return ""
	}
	return name
}

// broken reports whether the page at name is made from a file with
// problems, or the problems are not in content at all (a template, say),
// which breaks every page.
func broken(name string, problems diag.List) bool {
	if len(problems) == 0 {
		return true
	}
	for _, p := range problems {
		if sourceOf(p.File) == name {
			return true
		}
	}
	return false
}

// sourceOf is the page a content file makes.
func sourceOf(file string) string {
	slug := strings.TrimSuffix(path.Base(file), ".md")
	switch path.Dir(file) {
	case "content/councils":
		return "councils/" + slug + "/index.html"
	case "content/joint":
		return "joint/" + slug + "/index.html"
	case "content":
		if slug == "index" {
			return "index.html"
		}
		return slug + "/index.html"
	}
	return ""
}

var (
	bodyEnd = []byte("</body>")
	mainTag = []byte(`<main id="main"`)
)

// inject adds the reload script to a page, and a note when the last build
// failed and the page is from the build before.
func inject(page []byte, failed bool) []byte {
	out := page
	if failed {
		note := []byte(`<p class="notice" role="alert">The content has errors, so this page is from the last good build. <a href="` + errorsPath + `">See the errors</a>.</p>`)
		if i := bytes.Index(out, mainTag); i >= 0 {
			out = append(out[:i:i], append(note, out[i:]...)...)
		}
	}
	script := []byte(`<script type="module" src="` + reloadPath + `"></script>`)
	if i := bytes.LastIndex(out, bodyEnd); i >= 0 {
		return append(out[:i:i], append(script, out[i:]...)...)
	}
	return append(out, script...)
}

// pagesHTML are the server's own pages, kept apart from layouts/ so they
// work when it is broken.
//
//go:embed errors.html
var pagesHTML string

var pageTemplates = template.Must(template.New("pages").Parse(pagesHTML))

func (l *Live) errorPage(w http.ResponseWriter, problems diag.List, failure error) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	l.setHeaders(w)
	if failure == nil {
		w.WriteHeader(http.StatusOK)
		pageTemplates.ExecuteTemplate(w, "ok", struct{ Reload string }{reloadPath})
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
	pageTemplates.ExecuteTemplate(w, "errors", struct {
		Problems diag.List
		Failure  string
		Before   bool // there is a last good build
		Reload   string
	}{problems, failure.Error(), !l.Site.empty(), reloadPath})
}

// events streams a "reload" event after every build until the page goes
// away or the server closes.
func (l *Live) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := make(chan struct{}, 1)
	l.mu.Lock()
	l.clients[c] = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.clients, c)
		l.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	heartbeat := time.NewTicker(15 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-l.done:
			return
		case <-heartbeat.C:
			fmt.Fprint(w, ": still here\n\n")
		case <-c:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", l.Version())
		}
		flusher.Flush()
	}
}

// Watch rebuilds whenever a watched file or folder changes, until ctx ends.
// New, renamed and deleted files and folders are seen, and so are editors
// that save by writing a new file and renaming it over the old one.
func (l *Live) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, name := range Watched {
		if err := l.addTree(w, filepath.Join(l.root, name)); err != nil {
			return err
		}
	}
	if err := w.Add(l.root); err != nil { // for site.yaml, and folders made anew
		return err
	}
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// Events may have been lost (the kernel's queue overflowed, say):
			// rebuild to be sure the site matches the files, and keep watching.
			if l.OnWatchError != nil {
				l.OnWatchError(err)
			}
			settle = time.After(Settle)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !l.watched(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					l.addTree(w, ev.Name)
				}
			}
			settle = time.After(Settle)
		case <-settle:
			settle = nil
			l.Build()
		}
	}
}

// watched reports whether a changed path is in the project's watched set.
func (l *Live) watched(name string) bool {
	rel, err := filepath.Rel(l.root, name)
	if err != nil {
		return false
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, w := range Watched {
		if top == w {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder inside it.
func (l *Live) addTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// recorder captures a response from Site so a page can be changed before
// it is sent.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) { r.code = code }
