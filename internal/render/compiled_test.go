package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/synth"
)

// TestCompiledLayoutsPrintAsTemplates: every page of the real directory,
// and of synthetic ones with answers of every kind, comes out of the
// compiled templates byte for byte as html/template prints it.
func TestCompiledLayoutsPrintAsTemplates(t *testing.T) {
	real := os.DirFS("../..")
	projects := map[string]fs.FS{"the directory": real}
	for _, seed := range []uint64{1, 2} {
		fsys, err := synth.FS(real, 400, seed)
		if err != nil {
			t.Fatal(err)
		}
		projects["synthetic, seed "+string(rune('0'+seed))] = fsys
	}
	for name, fsys := range projects {
		t.Run(name, func(t *testing.T) {
			now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
			cfg, err := site.LoadConfig(fsys)
			if err != nil {
				t.Fatal(err)
			}
			set, problems := content.Load(fsys, now)
			if errs := problems.Errors(); len(errs) > 0 {
				t.Fatal(errs)
			}
			s := site.New(set, cfg, now)
			m := publish.NewMinifier()
			r, err := NewMinified(fsys, m.Template)
			if err != nil {
				t.Fatal(err)
			}
			if r.compiled == nil {
				t.Fatal("the layouts are not the ones compiled: run make layouts")
			}
			_, assets, err := m.Assets(fsys)
			if err != nil {
				t.Fatal(err)
			}
			// The same layouts, parsed for html/template as a build of
			// layouts that differ from the compiled ones would be.
			ls, err := ParseLayouts(fsys, m.Template)
			if err != nil {
				t.Fatal(err)
			}
			interpreted := *r
			interpreted.compiled, interpreted.pages = nil, ls.Kinds
			got, want := printAll(t, r, s, assets), printAll(t, &interpreted, s, assets)
			if len(got) != len(want) || len(got) < 300 {
				t.Fatalf("%d pages compiled, %d interpreted", len(got), len(want))
			}
			differ := 0
			for p, w := range want {
				if g := got[p]; g != w {
					differ++
					if differ <= 3 {
						i := 0
						for i < len(g) && i < len(w) && g[i] == w[i] {
							i++
						}
						t.Errorf("%s differs at byte %d:\ncompiled:    %q\ninterpreted: %q", p, i, around(g, i), around(w, i))
					}
				}
			}
			if differ > 0 {
				t.Errorf("%d of %d pages differ", differ, len(want))
			}
		})
	}
}

func around(s string, i int) string {
	return s[max(0, i-80):min(len(s), i+80)]
}

// printAll prints every page of s, with its kept-apart fragments, by path.
func printAll(t *testing.T, r *Renderer, s *site.Site, assets map[string]string) map[string]string {
	var mu sync.Mutex
	out := map[string]string{}
	_, err := r.Site(s, assets, func(path string, page []byte, frags *Fragments) error {
		var b strings.Builder
		b.Write(page)
		for _, part := range frags.Parts {
			b.WriteString("\n---\n" + part)
		}
		mu.Lock()
		out[path] = b.String()
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzURLEscapers checks the compiled templates' URL escapers against
// html/template's: a whole link, and a value in a link's query, each in an
// attribute, and the same text in an element.
func FuzzURLEscapers(f *testing.F) {
	for _, s := range []string{"", "/councils/leicester/", "https://example.org/a b?c=d&e=f#g", "100%", "%zz", "%4a",
		"javascript:alert(1)", "mailto:foi@example.org", `"><script>`, "£3,000", "\xff", "a\u2028b"} {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">{{.}}</a><a href="/q?x={{.}}">x</a>`))
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Skip(err)
		}
		var got bytes.Buffer
		got.WriteString(`<a href="`)
		lcwHTML(&got, lcURLNorm(lcURLFilter(s)))
		got.WriteString(`">`)
		lcwHTML(&got, s)
		got.WriteString(`</a><a href="/q?x=`)
		lcwHTML(&got, lcURLEsc(s))
		got.WriteString(`">x</a>`)
		if got.String() != want.String() {
			t.Fatalf("%q:\ngot  %s\nwant %s", s, got.String(), want.String())
		}
	})
}
