package devserver

import (
	"bufio"
	"context"
	"github.com/localoffer/localoffer/internal/publish"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

const county = `---
gss: E10000015
name: Hertfordshire County Council
short_name: Hertfordshire
tier: county
region: East of England
---
`

const district = `---
gss: E07000098
name: Hertsmere Borough Council
short_name: Hertsmere
tier: district
parent: E10000015
region: East of England
default_src: foi
sources: [{id: foi, type: foi, title: Reply, received: 2020-02-04}]
council_tax:
  exempt: no
---
Hertsmere is a district council.
`

// project writes a small project: the real layouts, static files and
// settings, with a county, a district and one plain page.
func project(t testing.TB) string {
	t.Helper()
	dir := copyRepo(t, "layouts", "static", "site.yaml")
	write(t, dir, "content/councils/hertfordshire.md", county)
	write(t, dir, "content/councils/hertsmere.md", district)
	write(t, dir, "content/about.md", "---\ntitle: About\n---\nAbout this site.\n")
	return dir
}

// copyRepo copies the named top-level folders and files of the repository
// into a new folder.
func copyRepo(t testing.TB, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	repo := os.DirFS("../..")
	err := fs.WalkDir(repo, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		top, _, _ := strings.Cut(p, "/")
		if top != "." && !slices.Contains(names, top) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, p), 0o755)
		}
		data, err := fs.ReadFile(repo, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t testing.TB, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write a new file and rename it into place, as many editors save.
	tmp := p + ".tmp~"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// running is a live server for a test, with its reload events.
type running struct {
	t      testing.TB
	dir    string
	live   *Live
	srv    *httptest.Server
	events chan string
	stop   func()
}

func start(t testing.TB, dir string) *running {
	t.Helper()
	live := NewLive(dir, func() time.Time { return testNow })
	if !live.Build() {
		t.Fatal("the first build failed")
	}
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan error, 1)
	go func() { watching <- live.Watch(ctx) }()
	srv := httptest.NewServer(live)
	r := &running{t: t, dir: dir, live: live, srv: srv, events: make(chan string, 1000)}

	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+eventsPath, nil)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	streaming := make(chan struct{})
	go func() {
		defer close(streaming)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				r.events <- data
			}
		}
	}()
	r.stop = func() {
		cancel()
		live.Close()
		<-streaming
		srv.Close()
		if err := <-watching; err != nil {
			t.Errorf("watching: %v", err)
		}
	}
	// Watching starts in its own goroutine; give it a moment to add its watches.
	time.Sleep(50 * time.Millisecond)
	return r
}

// reload waits for the next reload event.
func (r *running) reload() {
	r.t.Helper()
	select {
	case <-r.events:
	case <-time.After(10 * time.Second):
		r.t.Fatal("no reload event within 10s of a change")
	}
}

func (r *running) get(path string) (int, string) {
	r.t.Helper()
	res, err := r.srv.Client().Get(r.srv.URL + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestEditReloadsWithNewContent(t *testing.T) {
	r := start(t, project(t))
	defer r.stop()
	code, page := r.get("/councils/hertsmere/")
	if code != 200 || !strings.Contains(page, "Hertsmere is a district council.") {
		t.Fatalf("before the edit: %d", code)
	}
	if !strings.Contains(page, `<script type="module" src="/_localoffer/reload.js"></script></body>`) {
		t.Error("the served page has no reload script")
	}
	write(t, r.dir, "content/councils/hertsmere.md", strings.Replace(district, "Hertsmere is a district council.", "Borehamwood is in Hertsmere.", 1))
	r.reload()
	if _, page := r.get("/councils/hertsmere/"); !strings.Contains(page, "Borehamwood is in Hertsmere.") {
		t.Error("after the edit and reload, the page does not show the new text")
	}
	if code, script := r.get(reloadPath); code != 200 || !strings.Contains(script, "EventSource") {
		t.Errorf("reload script: %d %q", code, script)
	}
}

func TestBrokenFileShowsErrorsThenRecovers(t *testing.T) {
	r := start(t, project(t))
	defer r.stop()
	write(t, r.dir, "content/councils/hertsmere.md", strings.Replace(district, "exempt: no", "exempt: maybe", 1))
	r.reload()
	code, page := r.get("/councils/hertsmere/")
	want := `content/councils/hertsmere.md:11:11: council_tax.exempt: want yes, no, considering or unknown, got &#34;maybe&#34;`
	if code != 500 || !strings.Contains(page, want) {
		t.Errorf("the broken council's page: %d, want the error page listing %s; got\n%s", code, want, page)
	}
	// Other pages keep the last good build, with a note.
	code, page = r.get("/councils/hertfordshire/")
	if code != 200 || !strings.Contains(page, "Hertfordshire County Council") || !strings.Contains(page, "this page is from the last good build") {
		t.Errorf("another page while the build is broken: %d", code)
	}
	if code, page := r.get(errorsPath); code != 500 || !strings.Contains(page, "hertsmere.md:11:11") {
		t.Errorf("the errors page: %d", code)
	}
	write(t, r.dir, "content/councils/hertsmere.md", district)
	r.reload()
	code, page = r.get("/councils/hertsmere/")
	if code != 200 || strings.Contains(page, "last good build") || !strings.Contains(page, "Hertsmere is a district council.") {
		t.Errorf("after the fix: %d; the page did not recover", code)
	}
}

func TestBrokenTemplateShowsErrorsEverywhere(t *testing.T) {
	r := start(t, project(t))
	defer r.stop()
	write(t, r.dir, "layouts/page.html", `{{define "content"}}<h1>{{.Title}</h1>{{end}}`)
	r.reload()
	for _, p := range []string{"/about/", "/councils/hertsmere/"} {
		if code, page := r.get(p); code != 500 || !strings.Contains(page, "page.html") {
			t.Errorf("%s with a broken template: %d", p, code)
		}
	}
	// Files that are not pages are still served.
	if code, _ := r.get("/favicon.ico"); code != 200 {
		t.Errorf("favicon while broken: %d", code)
	}
}

func TestNewDeletedAndRenamedFilesAndFolders(t *testing.T) {
	r := start(t, project(t))
	defer r.stop()

	// A new page.
	write(t, r.dir, "content/help.md", "---\ntitle: Help\n---\nHelp text.\n")
	r.reload()
	if code, page := r.get("/help/"); code != 200 || !strings.Contains(page, "Help text.") {
		t.Errorf("new page: %d", code)
	}
	// Renamed.
	if err := os.Rename(filepath.Join(r.dir, "content/help.md"), filepath.Join(r.dir, "content/guide.md")); err != nil {
		t.Fatal(err)
	}
	r.reload()
	if code, _ := r.get("/help/"); code != 404 {
		t.Errorf("renamed page's old address: %d, want 404", code)
	}
	if code, _ := r.get("/guide/"); code != 200 {
		t.Errorf("renamed page's new address: %d", code)
	}
	// Deleted.
	if err := os.Remove(filepath.Join(r.dir, "content/guide.md")); err != nil {
		t.Fatal(err)
	}
	r.reload()
	if code, _ := r.get("/guide/"); code != 404 {
		t.Errorf("deleted page: %d, want 404", code)
	}
	// A new folder with a file in it, created in one go.
	write(t, r.dir, "content/joint/herts.md", "---\nname: Hertfordshire joint offer\nmembers: [E10000015, E07000098]\n---\nA joint offer.\n")
	r.reload()
	if code, page := r.get("/joint/herts/"); code != 200 || !strings.Contains(page, "A joint offer.") {
		t.Errorf("joint offer in a new folder: %d", code)
	}
	// A file added later to that new folder is seen too.
	write(t, r.dir, "content/joint/herts.md", "---\nname: Hertfordshire joint offer\nmembers: [E10000015, E07000098]\n---\nChanged.\n")
	r.reload()
	if _, page := r.get("/joint/herts/"); !strings.Contains(page, "Changed.") {
		t.Error("a change inside a new folder was missed")
	}
	// The folder renamed away, then removed.
	if err := os.Rename(filepath.Join(r.dir, "content/joint"), filepath.Join(r.dir, "joint-old")); err != nil {
		t.Fatal(err)
	}
	r.reload()
	if code, _ := r.get("/joint/herts/"); code != 404 {
		t.Errorf("joint offer after its folder moved out: %d, want 404", code)
	}
}

func TestRapidEditsEndConsistent(t *testing.T) {
	before := runtime.NumGoroutine()
	r := start(t, project(t))
	for i := range 100 {
		write(t, r.dir, "content/councils/hertsmere.md", strings.Replace(district, "Hertsmere is a district council.", "Edit number "+strconv.Itoa(i)+".", 1))
	}
	// Wait for the builds to settle on the last edit.
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, page := r.get("/councils/hertsmere/"); strings.Contains(page, "Edit number 99.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the last of 100 rapid edits never showed")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if v := r.live.Version(); v > 60 {
		t.Errorf("100 rapid edits made %d builds; bursts should be coalesced", v)
	}
	r.stop()
	// Every goroutine the server started has ended.
	deadline = time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before, %d after stopping:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkEditToReload measures the time from saving a file to the edited
// page, reloaded, showing the change: the settle time, a rebuild, the reload
// event reaching the open page and the page's request. It edits a plain page
// of a small project, and a council of the whole national content.
func BenchmarkEditToReload(b *testing.B) {
	for _, tc := range []struct {
		name, file, page string
		dir              func(testing.TB) string
	}{
		{"small", "content/about.md", "/about/", project},
		{"national", "content/councils/leicester.md", "/councils/leicester/",
			func(t testing.TB) string { return copyRepo(t, "content", "layouts", "static", "site.yaml") }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := start(b, tc.dir(b))
			defer r.stop()
			src, err := os.ReadFile(filepath.Join(r.dir, tc.file))
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				edit := "Edit number " + strconv.Itoa(i) + "."
				write(b, r.dir, tc.file, string(src)+"\n"+edit+"\n")
				r.reload()
				if code, page := r.get(tc.page); code != 200 || !strings.Contains(page, edit) {
					b.Fatalf("after edit %d: %d, the page does not show it", i, code)
				}
			}
		})
	}
}

// TestBrokenFirstBuild: with no good build yet, every page shows the errors
// and reloads itself once they are fixed.
func TestBrokenFirstBuild(t *testing.T) {
	dir := project(t)
	write(t, dir, "content/councils/hertsmere.md", strings.Replace(district, "exempt: no", "exempt: maybe", 1))
	live := NewLive(dir, func() time.Time { return testNow })
	if live.Build() {
		t.Fatal("a broken first build succeeded")
	}
	srv := httptest.NewServer(live)
	defer srv.Close()
	for _, p := range []string{"/", "/about/", "/councils/hertfordshire/"} {
		res, err := srv.Client().Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 500 || !strings.Contains(string(body), "hertsmere.md:11:11") || !strings.Contains(string(body), reloadPath) || strings.Contains(string(body), "last good build") {
			t.Errorf("%s before any good build: %d\n%s", p, res.StatusCode, body)
		}
	}
}

func TestFolderRedirectKeepsTheQuery(t *testing.T) {
	s := &Site{}
	s.Set([]publish.File{{Path: "compare/councils/index.html", Data: []byte("compare")}})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/compare/councils?c=leicester,hertsmere", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/compare/councils/?c=leicester,hertsmere" {
		t.Errorf("%d to %q", rec.Code, rec.Header().Get("Location"))
	}
}
