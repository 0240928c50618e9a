package build_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/render"
	"github.com/localoffer/localoffer/internal/synth"
	xhtml "golang.org/x/net/html"
)

// now is the fixed build date for tests.
var now = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// project is the repository itself: the real content, layouts and static files.
var project = os.DirFS("../..")

// realSite builds the real content once for all the tests that read it.
var realSite = sync.OnceValues(func() (*build.Result, error) { return build.Site(project, now) })

func buildReal(t testing.TB) *build.Result {
	t.Helper()
	res, err := realSite()
	if err != nil {
		t.Fatalf("building the real content: %v", err)
	}
	return res
}

func files(res *build.Result) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range res.Files {
		m[f.Path] = f.Data
	}
	return m
}

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
	h1       = regexp.MustCompile(`<h1[\s>]`)
	htmlLang = regexp.MustCompile(`^<!doctype html><html lang="[a-z]{2}(-[A-Z]{2})?"[ >]`)
)

// TestEveryLinkResolves follows every link and fragment on every page of
// the real site and checks it leads to a file (and an id) that exists.
func TestEveryLinkResolves(t *testing.T) {
	site := files(buildReal(t))
	ids := map[string]map[string]bool{}
	for name, data := range site {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(data, -1) {
				ids[name][string(m[1])] = true
			}
		}
	}
	checked := 0
	for name, data := range site {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			link := html.UnescapeString(string(m[1]))
			if strings.Contains(link, ":") { // http:, https:, mailto:, tel:
				continue
			}
			target, frag, _ := strings.Cut(link, "#")
			target, _, _ = strings.Cut(target, "?") // a query is read by the page's script
			switch {
			case name == "404.html" && target != "":
				if !strings.HasPrefix(target, "/") {
					t.Errorf("404.html: link %q is relative, but the page is served at any address", link)
					continue
				}
				target = strings.TrimPrefix(target, "/")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			case target == "":
				target = name
			case strings.HasPrefix(target, "/"):
				t.Errorf("%s: link %q is absolute; links must be relative", name, link)
				continue
			case strings.HasSuffix(target, "/"):
				t.Errorf("%s: link %q ends in /, which does not open from disk", name, link)
				continue
			default:
				target = path.Join(path.Dir(name), target)
			}
			if _, ok := site[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which is not in the site", name, link, target)
				continue
			}
			if frag != "" && !ids[target][frag] {
				t.Errorf("%s: link %q: %s has no id %q", name, link, target, frag)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked; the site should have many more", checked)
	}
}

// TestEveryPageHasOneH1AndALanguage checks the basics of every page.
func TestEveryPageHasOneH1AndALanguage(t *testing.T) {
	pages := 0
	for name, data := range files(buildReal(t)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		if n := len(h1.FindAll(data, -1)); n != 1 {
			t.Errorf("%s: %d h1 headings, want 1", name, n)
		}
		if !htmlLang.Match(data) {
			t.Errorf("%s: want a doctype and an html element with a lang attribute, got %.60q", name, data)
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages built", pages)
	}
}

var (
	titleRe       = regexp.MustCompile(`<title>([^<]*)</title>`)
	descriptionRe = regexp.MustCompile(`<meta name="?description"? content="?([^">]+)`)
)

// TestEveryPageHasATitleAndDescription: search results and tabs show a
// page's title whole and a line about it, so every page has a title of at
// most render.MaxTitle characters and a meta description.
func TestEveryPageHasATitleAndDescription(t *testing.T) {
	for name, data := range files(buildReal(t)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		title := titleRe.FindSubmatch(data)
		if title == nil || len(bytes.TrimSpace(title[1])) == 0 {
			t.Errorf("%s: no title", name)
		} else if n := utf8.RuneCountInString(html.UnescapeString(string(title[1]))); n > render.MaxTitle {
			t.Errorf("%s: the title %q is %d characters, want at most %d", name, title[1], n, render.MaxTitle)
		}
		if d := descriptionRe.FindSubmatch(data); d == nil || len(bytes.TrimSpace(d[1])) < 20 {
			t.Errorf("%s: no meta description", name)
		}
	}
}

// MaxElements is the most HTML elements a page may have: beyond that a
// cheap phone is slow to lay it out and to run its scripts.
const MaxElements = 3000

// TestEveryPageIsLight walks every page of the built site and counts its
// elements.
func TestEveryPageIsLight(t *testing.T) {
	heaviest, most := "", 0
	for name, data := range files(buildReal(t)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		n := 0
		z := xhtml.NewTokenizer(bytes.NewReader(data))
		for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
			if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
				n++
			}
		}
		if n > MaxElements {
			t.Errorf("%s has %d HTML elements, want at most %d", name, n, MaxElements)
		}
		if n > most {
			heaviest, most = name, n
		}
	}
	t.Logf("the page with most elements is %s, with %d", heaviest, most)
}

// TestBuildIsReproducible builds twice, to two folders, and compares every byte.
func TestBuildIsReproducible(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		if _, err := build.Write(project, now, dir); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) == 0 {
		t.Fatal("nothing was written")
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds of the same content", name)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("the builds wrote %d and %d files", len(ta), len(tb))
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBrokenContentLeavesSiteAlone builds a good site, breaks a council file,
// and checks the build reports positioned errors and leaves public/ as it was.
func TestBrokenContentLeavesSiteAlone(t *testing.T) {
	root := t.TempDir()
	copyProject(t, root)
	out := filepath.Join(root, "public")
	if _, err := build.Write(os.DirFS(root), now, out); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	file := filepath.Join(root, "content", "councils", "leicester.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "region: East Midlands", "regoin: East Midlands", 1)
	broken = strings.Replace(broken, "to_age: 25", "to_age: twenty-five", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build.Write(os.DirFS(root), now, out)
	var problems diag.List
	if !errors.As(err, &problems) {
		t.Fatalf("want content errors, got %v", err)
	}
	want := []string{
		`content/councils/leicester.md:7:1: regoin: unknown key (did you mean "region"?)`,
		`content/councils/leicester.md:2:1: missing required key "region"`,
		`: council_tax.exempt.to_age: want an age from 14 to 30, got "twenty-five"`,
	}
	got := problems.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("errors do not include %q; got:\n%s", w, got)
		}
	}
	after := tree(t, out)
	if len(after) != len(before) {
		t.Fatalf("public/ had %d files and now has %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("public/%s changed after a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(root, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("a failed build left %v behind", leftovers)
	}
}

// copyProject copies content/, layouts/, static/ and site.yaml into dir.
func copyProject(t *testing.T, dir string) {
	t.Helper()
	err := fs.WalkDir(project, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		top, _, _ := strings.Cut(p, "/")
		switch top {
		case ".", "content", "layouts", "static", "site.yaml":
		default:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(project, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCouncilPageWeight keeps every council page, with the style sheet and
// scripts it loads, within one round trip: 14 KB gzipped. The print style
// sheet (media="print") is not counted: browsers fetch it last, without
// holding up the page.
func TestCouncilPageWeight(t *testing.T) {
	const budget = 14 * 1024
	site := files(buildReal(t))
	assets := map[string]int{}
	for name, data := range site {
		if strings.HasPrefix(name, "assets/") {
			assets[name] = gzipSize(t, data)
		}
	}
	loads := regexp.MustCompile(`<(?:link rel="?stylesheet"? href|script defer src)="?\.\./\.\./(assets/[^" >]+)"?( media="?print)?`)
	for name, data := range site {
		if !strings.HasPrefix(name, "councils/") || !strings.HasSuffix(name, "/index.html") || name == "councils/index.html" {
			continue
		}
		n := gzipSize(t, data)
		found := 0
		for _, m := range loads.FindAllSubmatch(data, -1) {
			if len(m[2]) > 0 {
				continue // the print style sheet
			}
			size, ok := assets[string(m[1])]
			if !ok {
				t.Errorf("%s loads %s, which is not in the site", name, m[1])
			}
			n += size
			found++
		}
		if found < 2 {
			t.Errorf("%s: found %d style sheets and scripts, want its CSS and JS", name, found)
		}
		if n > budget {
			t.Errorf("%s: %d bytes gzipped with its CSS and JS, want at most %d", name, n, budget)
		}
	}
}

func gzipSize(t testing.TB, data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Len()
}

// TestReservedNamesCoverTheSite: every top-level folder the site writes is
// either a plain page's or reserved, so a page can never be written over.
func TestReservedNamesCoverTheSite(t *testing.T) {
	res := buildReal(t)
	pages := map[string]bool{}
	for _, p := range res.Site.Pages {
		pages[p.Slug] = true
	}
	for _, f := range res.Files {
		top, _, nested := strings.Cut(f.Path, "/")
		if nested && !pages[top] && !slices.Contains(content.Reserved, top) {
			t.Errorf("the site writes %s, but %q is not in content.Reserved: a page named %s.md would clash", f.Path, top, top)
		}
	}
}

// A build minifies each template once, when it reads it, instead of every
// page (see render.NewMinified), so every page it writes must be the same
// document as its preview, made from the templates as they are: the same
// elements, attributes and text, whitespace aside. The real content and
// synthetic councils with every kind of answer are checked.
func TestMinifiedTemplatesMakeTheSamePages(t *testing.T) {
	synthetic, err := synth.FS(project, 48, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{"real": project, "synthetic": synthetic} {
		t.Run(name, func(t *testing.T) {
			res, err := build.Site(fsys, now)
			if err != nil {
				t.Fatal(err)
			}
			_, preview, err := build.Preview(fsys, now, nil)
			if err != nil {
				t.Fatal(err)
			}
			checked, failed, smaller := 0, 0, 0
			for _, f := range res.Files {
				if !strings.HasSuffix(f.Path, ".html") {
					continue
				}
				checked++
				page, ok, err := preview.Get(f.Path)
				if !ok || err != nil {
					t.Fatalf("%s: not in the preview (%v)", f.Path, err)
				}
				if len(f.Data) < len(page) {
					smaller++
				}
				built, whole := document(f.Data), document(page)
				i := 0
				for i < min(len(built), len(whole)) && built[i] == whole[i] {
					i++
				}
				if i == len(built) && i == len(whole) {
					continue
				}
				at := func(d []string) string {
					if i < len(d) {
						return d[i]
					}
					return "(end)"
				}
				t.Errorf("%s differs from its preview at part %d:\n built: %.160q\n preview: %.160q", f.Path, i, at(built), at(whole))
				if failed++; failed > 5 {
					t.FailNow()
				}
			}
			if checked < 100 || smaller < checked*9/10 {
				t.Errorf("checked %d pages, %d of them smaller than their previews; want every page, and nearly all minified", checked, smaller)
			}
		})
	}
}

// document lists a page's parts as a browser reads them: each tag with its
// attributes, and each text with its whitespace collapsed.
func document(page []byte) []string {
	var out []string
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return out
		case xhtml.TextToken:
			if text := strings.Join(strings.Fields(string(z.Text())), " "); text != "" {
				out = append(out, text)
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			tok := z.Token()
			attrs := make([]string, len(tok.Attr))
			for k, a := range tok.Attr {
				attrs[k] = a.Key + "=" + strings.Join(strings.Fields(a.Val), "") // the minifier drops spaces it can, as in "width=device-width,initial-scale=1"
			}
			slices.Sort(attrs)
			out = append(out, tt.String()+" "+tok.Data+" "+strings.Join(attrs, " "))
		}
	}
}
