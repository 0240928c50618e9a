package publish

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteReplacesTheFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, []File{{"index.html", []byte("one")}, {"old/page.html", []byte("gone soon")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, []File{{"index.html", []byte("two")}, {"councils/a/index.html", []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("index.html = %q, want the second build's", got)
	}
	if _, err := os.Stat(filepath.Join(out, "old")); !os.IsNotExist(err) {
		t.Error("a file from the first build survived the second")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the parent folder holds %d entries, want only public/", len(entries))
	}
}

// TestWriteRemovesWhatAStoppedBuildLeft: a build stopped part way leaves
// its unfinished folder beside the site; the next build removes it, and
// nothing else.
func TestWriteRemovesWhatAStoppedBuildLeft(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, name := range []string{".public.new-123/councils/a", ".public.new-456.old/b", ".other.new-1", "keep"} {
		if err := os.MkdirAll(filepath.Join(parent, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(out, []File{{"index.html", []byte("one")}}); err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".other.new-1", "keep", "public"}; !slices.Equal(names, want) {
		t.Errorf("beside the site: %v, want %v", names, want)
	}
}

func TestFailedWriteLeavesTheFolderAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, []File{{"index.html", []byte("good")}}); err != nil {
		t.Fatal(err)
	}
	for name, files := range map[string][]File{
		"two files at one path":         {{"a.html", nil}, {"a.html", nil}},
		"a path outside":                {{"../escape.html", []byte("x")}},
		"an absolute path":              {{"/etc/passwd", []byte("x")}},
		"a file where a folder must go": {{"a", []byte("x")}, {"a/b.html", []byte("y")}},
	} {
		if err := Write(out, files); err == nil {
			t.Errorf("%s: Write succeeded", name)
		}
		if got := read(t, filepath.Join(out, "index.html")); got != "good" {
			t.Errorf("%s: index.html = %q after a failed write", name, got)
		}
		entries, _ := os.ReadDir(filepath.Dir(out))
		if len(entries) != 1 {
			t.Errorf("%s: a failed write left %d entries beside public/", name, len(entries)-1)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the site")
	}
}

func TestAssetsAreMinifiedAndFingerprinted(t *testing.T) {
	fsys := fstest.MapFS{
		"static/style.css":   {Data: []byte("body {\n  color : #ff0000 ;\n}\n")},
		"static/site.js":     {Data: []byte("const answer = 40 + 2;\nconsole.log( answer );\n")},
		"static/favicon.ico": {Data: []byte{0, 0, 1, 0}},
	}
	m := NewMinifier()
	files, names, err := m.Assets(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	css := names["style.css"]
	if !strings.HasPrefix(css, "assets/style.") || !strings.HasSuffix(css, ".css") || len(css) != len("assets/style.0123456789.css") {
		t.Errorf("style.css is published as %q, want assets/style.<10 hex digits>.css", css)
	}
	if got[css] != "body{color:red}" {
		t.Errorf("minified CSS = %q", got[css])
	}
	if js := got[names["site.js"]]; strings.Contains(js, "\n") || !strings.Contains(js, "console.log") {
		t.Errorf("minified JS = %q", js)
	}
	if got["favicon.ico"] != "\x00\x00\x01\x00" {
		t.Error("favicon.ico was not copied unchanged")
	}

	// A change to the file changes its name, so caches never serve old CSS.
	fsys["static/style.css"] = &fstest.MapFile{Data: []byte("body { color: blue }")}
	_, names2, err := m.Assets(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if names2["style.css"] == css {
		t.Error("changing style.css did not change its published name")
	}
	if names2["site.js"] != names["site.js"] {
		t.Error("site.js's name changed though the file did not")
	}
}

func TestHeadersRoundTrip(t *testing.T) {
	f := Headers("https://api.postcodes.io")
	if f.Path != "_headers" || !strings.HasPrefix(string(f.Data), "/*\n  Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self';") {
		t.Errorf("_headers:\n%s", f.Data)
	}
	h, err := ParseHeaders(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "connect-src 'self' https://api.postcodes.io", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("policy %q allows unsafe sources", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Permissions-Policy") == "" {
		t.Errorf("headers %v", h)
	}
	if _, err := ParseHeaders([]byte("/*\n  no colon here\n")); err == nil {
		t.Error("a header line with no colon was accepted")
	}
}
