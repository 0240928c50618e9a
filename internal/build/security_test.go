package build_test

import (
	"errors"
	"html"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/publish"
	xhtml "golang.org/x/net/html"
)

// projectWith returns the real layouts, static files and settings with the
// given content files in place of the real content.
func projectWith(t *testing.T, content map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(project, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if top, _, _ := strings.Cut(p, "/"); top == "layouts" || top == "static" || p == "site.yaml" {
			data, err := fs.ReadFile(project, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range content {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// hostile is a council file whose every text tries to smuggle markup,
// script or template code into the pages.
const hostile = `---
gss: E06000999
name: "Evil <b>Council</b> {{.Site.Config.Repository}}"
short_name: "<script>alert('short')</script>"
tier: unitary
region: London
default_src: foi
sources:
  - id: foi
    type: foi
    title: "<img src=x onerror=alert('title')>"
    note: "\"><svg onload=alert('note')>"
council_tax:
  exempt:
    status: yes
    details: "<script>alert('details')</script>"
    apply: "\" onmouseover=\"alert('apply')"
offer:
  first_contact: "{{template \"base.html\" .}}"
---
# Heading <script>alert('heading')</script>

<script>alert('body')</script>
<a href="#" onclick="alert('onclick')">click</a>
[link](javascript:alert('link')) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![image](javascript:alert('image'))
{{ .Site.Config.Repository }}

<iframe src="https://example.org"></iframe>
`

// elements the templates write; anything else in a page came from content.
var allowedTags = map[string]bool{"optgroup": true,
	"html": true, "head": true, "body": true, "meta": true, "link": true, "script": true,
	"a": true, "header": true, "footer": true, "nav": true, "main": true, "div": true, "section": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true, "ul": true, "ol": true, "li": true,
	"dl": true, "dt": true, "dd": true, "strong": true, "em": true, "span": true, "table": true, "caption": true,
	"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "details": true, "summary": true, "pre": true,
	"code": true, "blockquote": true, "hr": true, "br": true, "label": true, "input": true, "form": true, "button": true,
	"del": true, "img": true, "select": true, "option": true, "noscript": true, "figure": true, "figcaption": true,
	"svg": true, "title": true, "desc": true, "g": true, "text": true, "rect": true,
	"datalist": true, "fieldset": true, "legend": true, "use": true, "pattern": true, "path": true, "circle": true, "defs": true, "meter": true,
}

// ownScript is the site's own fingerprinted script, in assets/.
var ownScript = regexp.MustCompile(`^(/|(\.\./)*)assets/[a-z-]+\.[0-9a-f]{10}\.js$`)

// unsafeMarkup returns what in page could run script: a tag the templates do
// not write, an event-handler attribute, a script that is not the site's
// own, or a link to javascript: or data:.
func unsafeMarkup(page string) []string {
	var bad []string
	z := xhtml.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return bad
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tok := z.Token()
			if !allowedTags[tok.Data] {
				bad = append(bad, "<"+tok.Data+">")
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(a.Key, "on"):
					bad = append(bad, tok.Data+" "+a.Key+"="+a.Val)
				case (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")):
					bad = append(bad, tok.Data+" "+a.Key+"="+a.Val)
				case tok.Data == "script" && a.Key == "src" && !ownScript.MatchString(v):
					bad = append(bad, "script src="+a.Val)
				}
			}
		}
	}
}

func TestHostileContentIsEscaped(t *testing.T) {
	res, err := build.Site(projectWith(t, map[string]string{"content/councils/evil.md": hostile}), now)
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	site := files(res)
	page := string(site["councils/evil/index.html"])
	if page == "" {
		t.Fatal("no page for the council")
	}
	for name, data := range site {
		if strings.HasSuffix(name, ".html") {
			if bad := unsafeMarkup(string(data)); len(bad) > 0 {
				t.Errorf("%s: content reached the page as markup: %q", name, bad)
			}
		}
	}
	// The words are still there, as text, and template code was not run.
	body := html.UnescapeString(page)
	for _, want := range []string{
		"Evil <b>Council</b> {{.Site.Config.Repository}}",
		"<script>alert('details')</script>",
		`{{template "base.html" .}}`,
		"{{ .Site.Config.Repository }}",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if strings.Count(page, "<script") != 1 {
		t.Errorf("the page has %d script elements, want only the site's own", strings.Count(page, "<script"))
	}
}

func TestHostileLinksAreRefused(t *testing.T) {
	file := `---
gss: E06000999
name: Evil Council
tier: unitary
region: London
website: "javascript:alert(1)"
default_src: foi
sources:
  - {id: foi, type: foi, title: Reply, url: "data:text/html,<script>alert(1)</script>"}
contacts:
  - {role: foi, url: "vbscript:msgbox(1)"}
offer:
  url: "//evil.example/offer"
---
`
	_, err := build.Site(projectWith(t, map[string]string{"content/councils/evil.md": file}), now)
	var problems diag.List
	if !errors.As(err, &problems) {
		t.Fatalf("want content errors, got %v", err)
	}
	got := problems.Error()
	for _, want := range []string{
		`evil.md:6:10: website: want an http, https, mailto or tel link, got "javascript:alert(1)"`,
		`evil.md:9:45: sources[0].url: want an http, https, mailto or tel link, got "data:text/html,<script>alert(1)</script>"`,
		`evil.md:11:22: contacts[0].url: want an http, https, mailto or tel link, got "vbscript:msgbox(1)"`,
		`evil.md:13:8: offer.url: want an http, https, mailto or tel link, got "//evil.example/offer"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q; got:\n%s", want, got)
		}
	}
}

func TestSlugsCannotEscapeTheSite(t *testing.T) {
	council := "---\ngss: E06000999\nname: Evil Council\ntier: unitary\nregion: London\n---\n"
	for _, name := range []string{"content/councils/..md", "content/councils/...md", "content/councils/.hidden.md", "content/councils/etc passwd.md", "content/%2e%2e.md"} {
		_, err := build.Site(projectWith(t, map[string]string{name: council}), now)
		var problems diag.List
		if !errors.As(err, &problems) || !strings.Contains(problems.Error(), "file name: want lower-case letters, digits and dashes") {
			t.Errorf("%s: want a file name error, got %v", name, err)
		}
	}
}

// TestEveryPageCarriesThePolicy: hosts that ignore _headers (GitHub Pages)
// still get the Content-Security-Policy, from a meta tag in every page, with
// every directive a meta tag can carry.
func TestEveryPageCarriesThePolicy(t *testing.T) {
	res := buildReal(t)
	want := publish.MetaPolicy(res.Site.Config.PostcodeAPI)
	if want+"; frame-ancestors 'none'" != publish.Policy(res.Site.Config.PostcodeAPI) {
		t.Errorf("the meta policy %q is not the header's without frame-ancestors", want)
	}
	pages := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		pages++
		doc, err := xhtml.Parse(strings.NewReader(string(f.Data)))
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var got []string
		var walk func(n *xhtml.Node)
		walk = func(n *xhtml.Node) {
			if n.Type == xhtml.ElementNode && n.Data == "meta" {
				var equiv, content string
				for _, a := range n.Attr {
					switch a.Key {
					case "http-equiv":
						equiv = a.Val
					case "content":
						content = a.Val
					}
				}
				if strings.EqualFold(equiv, "content-security-policy") {
					got = append(got, content)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: policy meta tags %q, want one with %q", f.Path, got, want)
		}
	}
	if pages < 300 {
		t.Errorf("checked %d pages", pages)
	}
}
