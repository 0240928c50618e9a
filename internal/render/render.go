// Package render turns the site model into HTML pages with the templates in
// layouts/ and Markdown bodies through goldmark. Rendering is a pure function
// of the model: the same model gives the same bytes.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LayoutsDir is the folder of templates.
const LayoutsDir = "layouts"

// kinds are the page templates; each is parsed with base.html.
var kinds = []string{"home", "council", "joint", "region", "councils", "search", "compare", "table", "picker", "your-offer", "picture", "map", "law", "lawarea", "offline", "page", "404"}

// Renderer holds parsed templates and the Markdown converter.
type Renderer struct {
	pages map[string]*template.Template
	// compiled are the pages' templates compiled to Go (layouts_gen.go),
	// when the layouts are the ones compiled; nil otherwise.
	compiled map[string]func(*bytes.Buffer, *Page) error
	md       goldmark.Markdown
	nonce    string // for the markers of fragments kept apart
	fsys     fs.FS  // the project, where council pages read their bodies
}

// New parses the templates in fsys's layouts/ folder, as they are: pages
// come out as the templates write them, for the preview server.
func New(fsys fs.FS) (*Renderer, error) { return NewMinified(fsys, nil) }

// NewMinified parses the templates in fsys's layouts/ folder, each passed
// through minify first (unless it is nil), so the pages they make come out
// minified: a build minifies each template once, not every page. When the
// layouts are the ones compiled to Go (see internal/layoutc), pages are
// printed by the compiled functions, which give the same bytes faster.
func NewMinified(fsys fs.FS, minify func(name string, src []byte) ([]byte, error)) (*Renderer, error) {
	srcs, hash, err := readLayouts(fsys, minify)
	if err != nil {
		return nil, err
	}
	r := &Renderer{md: newMarkdown(), nonce: newNonce(), fsys: fsys}
	if hash == compiledHash {
		// The compiled functions were made from these very sources, which
		// parsed then: nothing is gained by parsing them again.
		r.compiled = compiledKinds
		return r, nil
	}
	ls, err := parseLayouts(srcs, hash)
	if err != nil {
		return nil, err
	}
	r.pages = ls.Kinds
	return r, nil
}

// Compiled reports whether pages are made by the layouts compiled to Go,
// because the layouts are the ones compiled.
func (r *Renderer) Compiled() bool { return r.compiled != nil }

// Layouts are the site's templates, parsed: one set for each kind of page,
// each its kind's template with base.html and the partials.
type Layouts struct {
	Kinds map[string]*template.Template
	// Hash identifies the templates' sources, as parsed.
	Hash string
	// Funcs are the helpers templates may call.
	Funcs template.FuncMap
}

// ParseLayouts parses the templates in fsys's layouts/ folder, each passed
// through minify first unless it is nil.
func ParseLayouts(fsys fs.FS, minify func(name string, src []byte) ([]byte, error)) (*Layouts, error) {
	srcs, hash, err := readLayouts(fsys, minify)
	if err != nil {
		return nil, err
	}
	return parseLayouts(srcs, hash)
}

// layout is a template file's name and its source, minified if asked.
type layout struct {
	name string
	src  []byte
}

// readLayouts reads the templates in the order they are parsed (base.html,
// the partials, then each kind of page), minified first when minify is set,
// and hashes them.
func readLayouts(fsys fs.FS, minify func(name string, src []byte) ([]byte, error)) ([]layout, string, error) {
	partials, err := fs.Glob(fsys, LayoutsDir+"/partials/*.html")
	if err != nil {
		return nil, "", fmt.Errorf("render: %w", err)
	}
	names := append([]string{LayoutsDir + "/base.html"}, partials...)
	for _, k := range kinds {
		names = append(names, path.Join(LayoutsDir, k+".html"))
	}
	h := sha256.New()
	out := make([]layout, len(names))
	for i, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", fmt.Errorf("render: %w", err)
		}
		if minify != nil {
			if src, err = minify(name, src); err != nil {
				return nil, "", fmt.Errorf("render: %w", err)
			}
		}
		fmt.Fprintf(h, "%s\x00%d\x00%s", name, len(src), src)
		out[i] = layout{name, src}
	}
	return out, hex.EncodeToString(h.Sum(nil)), nil
}

// parseLayouts parses what readLayouts read: base.html and the partials
// once, then each kind's template with a copy of them.
func parseLayouts(srcs []layout, hash string) (*Layouts, error) {
	ls := &Layouts{Kinds: map[string]*template.Template{}, Funcs: maps.Clone(funcs), Hash: hash}
	base := template.New("base.html").Funcs(funcs)
	shared := len(srcs) - len(kinds)
	for _, l := range srcs[:shared] {
		if err := parse(base, l); err != nil {
			return nil, err
		}
	}
	for i, k := range kinds {
		t := template.Must(base.Clone())
		if err := parse(t, srcs[shared+i]); err != nil {
			return nil, err
		}
		ls.Kinds[k] = t
	}
	return ls, nil
}

// parse adds the template l to t, under its base name, as template.ParseFS
// does.
func parse(t *template.Template, l layout) error {
	base := path.Base(l.name)
	tt := t
	if base != t.Name() {
		tt = t.New(base)
	}
	if _, err := tt.Parse(string(l.src)); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// newMarkdown makes the Markdown converter: no raw HTML passes through
// (goldmark's default), and headings move down one level so the page's own
// title stays its only h1.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(contentRules{}, 100))),
	)
}

// contentRules moves headings so the body's highest is an h2 under the
// page's own h1, keeping the steps between them, and keeps links and images
// safe: a link that is not http, https, mailto, tel or a fragment becomes
// its text, and an image becomes its description, because pages load
// nothing from other sites.
type contentRules struct{}

func (contentRules) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	top := 6
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	shift := 2 - top // the body's highest heading becomes an h2
	var unwrap []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(max(n.Level+shift, 2), 6)
		case *ast.Link:
			if !safeLink(string(n.Destination)) {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && !safeLink(string(n.URL(src))) {
				unwrap = append(unwrap, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if a, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(a.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// safeLink reports whether a link from content may stay a link.
func safeLink(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	for _, prefix := range []string{"https://", "http://", "mailto:", "tel:", "#"} {
		if strings.HasPrefix(d, prefix) && len(d) > len(prefix) {
			return true
		}
	}
	return false
}

// Markdown converts a page body to HTML.
func (r *Renderer) Markdown(src []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.md.Convert(src, &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil //nolint:gosec // goldmark escapes raw HTML and unsafe links
}

// Page is what a template sees.
type Page struct {
	Site        *site.Site
	Kind        string
	Path        string // the page's folder, such as councils/leicester/, or a file name such as 404.html
	Title       string
	Description string
	Crumbs      []Crumb
	Council     *site.Council
	Joint       *site.Joint
	Region      *site.Region
	Table       *Table
	Plain       *offer.Page
	Question    *offer.Question // a map page's question
	Area        *offer.Area     // a law area page's area
	Body        template.HTML
	assets      map[string]string
	sections    []site.Section     // worked out on first use
	frags       *Fragments         // where fragments go when they are kept apart
	scratch     *[]Answer          // room for the answer rows, reused page after page, or nil
	views       []SectionView      // the page's AnswerSections, once worked out
	foi         *template.HTML     // the page's FOIRequest, once worked out
	pageSources []PageSource       // the page's numbered sources, worked out on first use
	tmpl        *template.Template // the page's templates, while it is made
	sourceNums  map[*offer.Source]int
}

// Crumb is one step of the breadcrumbs.
type Crumb struct{ Name, Path string }

// Link returns a link from this page to target, a site path such as
// councils/leicester/ or "" for the home page. Links are relative so the site
// works under any sub-path and from disk, and folders end in index.html
// because browsers do not open index.html for file:// links. The 404 page is
// served at any address, so its links start from the configured base path.
func (p *Page) Link(target string) string {
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if p.Kind == "404" {
		return p.Site.Config.BasePath + strings.TrimSuffix(target, "index.html")
	}
	depth := strings.Count(p.Path, "/")
	return strings.Repeat("../", depth) + target
}

// MaxTitle is the most characters a page's title may have: longer ones
// are cut short in search results and tabs.
const MaxTitle = 70

// HeadTitle is the page's title for its <title>: the home page's own, and
// others followed by the site's name where both fit in MaxTitle.
func (p *Page) HeadTitle() string {
	if p.Kind == "home" {
		return p.Title
	}
	if full := p.Title + " – " + p.Site.Config.Title; utf8.RuneCountInString(full) <= MaxTitle {
		return full
	}
	return p.Title
}

// Root is the relative address of the site's root from this page, "./" or
// "../../", or the base path on the 404 page: where the service worker and
// the manifest are.
func (p *Page) Root() string {
	if p.Kind == "404" {
		return p.Site.Config.BasePath
	}
	if depth := strings.Count(p.Path, "/"); depth > 0 {
		return strings.Repeat("../", depth)
	}
	return "./"
}

// Asset returns a link to a fingerprinted asset, by its name in static/.
func (p *Page) Asset(name string) (string, error) {
	fp, ok := p.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset %q in static/", name)
	}
	return p.Link(fp), nil
}

// Site renders every page of the site, on all processors, and passes each
// to emit with its path in the site as soon as it is made, with its
// fragments kept apart (see Fragments); emit is called from many goroutines,
// and must not keep page after it returns. assets maps names in static/ to
// their fingerprinted paths. Site returns the pages' paths.
func (r *Renderer) Site(s *site.Site, assets map[string]string, emit func(path string, page []byte, frags *Fragments) error) ([]string, error) {
	pages := Plan(s, assets)
	paths := Paths(pages)
	errs := make([]error, len(pages))
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var b bytes.Buffer
			frags := &Fragments{nonce: r.nonce}
			var rows []Answer
			for i := range next {
				clear(frags.Parts) // let the last page's parts go
				frags.Parts = frags.Parts[:0]
				if b.Cap() > bigPage {
					b = bytes.Buffer{} // nor keep the room a very large page took
				}
				pages[i].frags, pages[i].scratch = frags, &rows
				if err := r.Page(&b, pages[i]); err != nil {
					errs[i] = err
					continue
				}
				pages[i] = nil // let the page's data go once it is written
				errs[i] = emit(paths[i], b.Bytes(), frags)
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := firstErrors(errs, 10); err != nil {
		return nil, err
	}
	return paths, nil
}

// bigPage is the size above which a worker's buffer is let go after a
// page rather than kept for the next: a large directory's national pages
// run to hundreds of megabytes.
const bigPage = 4 << 20

// Paths returns the pages' files in the site.
func Paths(pages []*Page) []string {
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.File()
	}
	return paths
}

// File is the page's file in the site: its path, with index.html added to
// a folder.
func (p *Page) File() string {
	if p.Path == "" || strings.HasSuffix(p.Path, "/") {
		return p.Path + "index.html"
	}
	return p.Path
}

// Plan lists every page of the site, without rendering any. assets maps
// names in static/ to their fingerprinted paths.
func Plan(s *site.Site, assets map[string]string) []*Page {
	var pages []*Page
	add := func(p *Page) { p.Site, p.assets = s, assets; pages = append(pages, p) }

	home := &Page{Kind: "home", Path: "", Title: s.Config.Title}
	if s.Home != nil {
		home.Plain, home.Title, home.Description = s.Home, s.Home.Title, s.Home.Intro
	}
	add(home)
	add(&Page{Kind: "councils", Path: "councils/", Title: "All councils from A to Z",
		Description: "Every council in England from A to Z, each with a page of what it offers young people leaving care.",
		Crumbs:      []Crumb{{"Home", ""}}})
	add(&Page{Kind: "search", Path: "search/", Title: "Find your council",
		Description: "Find your council by its name, your town or your postcode, and see what it offers young people leaving care.",
		Crumbs:      []Crumb{{"Home", ""}}})
	for _, rg := range s.Regions {
		add(&Page{Kind: "region", Path: "regions/" + rg.Slug + "/", Title: "Councils in " + rg.Name, Region: rg,
			Description: fmt.Sprintf("What each of the %d councils in %s offers young people leaving care, and how much we know.", len(rg.Councils), rg.Name),
			Crumbs:      []Crumb{{"Home", ""}}})
	}
	for _, c := range s.Councils {
		add(&Page{Kind: "council", Path: c.Path(), Title: c.Name, Council: c,
			Description: fmt.Sprintf("What %s offers young people leaving care: council tax, housing, money, work and more, with where each fact came from.", c.Name),
			Crumbs:      []Crumb{{"Home", ""}, {c.Region, "regions/" + c.Area.Slug + "/"}}})
	}
	add(&Page{Kind: "compare", Path: "compare/", Title: "Compare councils",
		Description: "Tables of what every council in England offers care leavers, question by question, and the national picture.",
		Crumbs:      []Crumb{{"Home", ""}}})
	for _, tp := range offer.Topics {
		cols := tp.Columns()
		add(&Page{Kind: "table", Path: "compare/" + tp.Key + "/", Title: tp.Title + ": every council",
			Description: tp.Title + " for care leavers: what every council in England offers, side by side, with the source of each answer.",
			Table:       &Table{Topic: tp, Columns: cols, councils: s.Councils},
			Crumbs:      []Crumb{{"Home", ""}, {"Compare councils", "compare/"}}})
		for _, rg := range s.Regions {
			add(&Page{Kind: "table", Path: "compare/" + tp.Key + "/" + rg.Slug + "/", Title: tp.Title + ": " + rg.Name,
				Description: tp.Title + " for care leavers: what each council in " + rg.Name + " offers, side by side, with the source of each answer.",
				Table:       &Table{Topic: tp, Columns: cols, Region: rg, councils: rg.Councils},
				Crumbs:      []Crumb{{"Home", ""}, {"Compare councils", "compare/"}, {tp.Title, "compare/" + tp.Key + "/"}}})
		}
	}
	add(&Page{Kind: "picker", Path: "compare/councils/", Title: "Compare chosen councils",
		Description: "Choose two to four councils and see their offers to care leavers side by side.",
		Crumbs:      []Crumb{{"Home", ""}, {"Compare councils", "compare/"}}})
	add(&Page{Kind: "your-offer", Path: YourOfferPath, Title: "Your offer, from two councils",
		Description: "Looked after by one council and living in another? See what you can get from each, and whether your council tax is paid.",
		Crumbs:      []Crumb{{"Home", ""}}})
	for _, q := range MapQuestions() {
		title := q.Label + ": a map of England"
		if utf8.RuneCountInString(title) > MaxTitle {
			title = q.Label + ": a map"
		}
		add(&Page{Kind: "map", Path: MapPath(q), Title: title, Question: q,
			Description: "What someone living in each council area of England gets: " + q.Label + ".",
			Crumbs:      []Crumb{{"Home", ""}, {"The national picture", "picture/"}}})
	}
	add(&Page{Kind: "law", Path: LawPath, Title: "What offers cover, area by area, under the law",
		Description: "For each area the law says a council's local offer for care leavers must cover, how many offers we have found it in, with a map of each.",
		Crumbs:      []Crumb{{"Home", ""}, {"The national picture", "picture/"}}})
	for i := range offer.Areas {
		a := &offer.Areas[i]
		add(&Page{Kind: "lawarea", Path: LawAreaPath(a), Title: a.Title + ": offers under the law", Area: a,
			Description: "Which councils' local offers for care leavers we have found covering " + strings.ToLower(a.Title[:1]) + a.Title[1:] + ", as the law requires: a map and a table.",
			Crumbs:      []Crumb{{"Home", ""}, {"The national picture", "picture/"}, {"What offers cover", LawPath}}})
	}
	add(&Page{Kind: "picture", Path: "picture/", Title: "The national picture",
		Description: "How many councils in England have a known answer to each question, and how many say yes, by region.",
		Crumbs:      []Crumb{{"Home", ""}}})
	for _, j := range s.Joints {
		add(&Page{Kind: "joint", Path: j.Path(), Title: j.Name, Joint: j,
			Description: fmt.Sprintf("What the %s gives young people leaving care, and which councils made it.", j.Name),
			Crumbs:      []Crumb{{"Home", ""}}})
	}
	for _, pg := range s.Pages {
		add(&Page{Kind: "page", Path: pg.Slug + "/", Title: pg.Title, Description: pg.Intro, Plain: pg,
			Crumbs: []Crumb{{"Home", ""}}})
	}
	add(&Page{Kind: "offline", Path: "offline/", Title: "You are offline",
		Description: "This page is not saved on this device. The pages you have opened or saved are listed here, to read with no signal.",
		Crumbs:      []Crumb{{"Home", ""}}})
	add(&Page{Kind: "404", Path: "404.html", Title: "Page not found",
		Description: "There is no page at this address. Find your council by town or postcode, or see every council from A to Z."})
	return pages
}

// firstErrors joins the first n errors in errs and says how many more there
// are, so a broken template reports a few pages, not every page it broke.
func firstErrors(errs []error, n int) error {
	var out []error
	more := 0
	for _, err := range errs {
		switch {
		case err == nil:
		case len(out) < n:
			out = append(out, err)
		default:
			more++
		}
	}
	if more > 0 {
		out = append(out, fmt.Errorf("and %d more pages failed", more))
	}
	return errors.Join(out...)
}

// Page renders one page of Plan's into b.
func (r *Renderer) Page(b *bytes.Buffer, p *Page) error {
	if err := r.page(b, p); err != nil {
		return fmt.Errorf("render %s: %w", strings.TrimSuffix(p.Path, "/"), err)
	}
	return nil
}

func (r *Renderer) page(b *bytes.Buffer, p *Page) error {
	b.Reset()
	var body []byte
	switch {
	case p.Council != nil:
		var err error
		if body, err = content.CouncilBody(r.fsys, p.Council.Council); err != nil {
			return err
		}
	case p.Joint != nil:
		body = p.Joint.Body
	case p.Plain != nil:
		body = p.Plain.Body
	}
	if len(bytes.TrimSpace(body)) > 0 {
		html, err := r.Markdown(body)
		if err != nil {
			return err
		}
		p.Body = html
	}
	p.tmpl = r.pages[p.Kind]
	if page, ok := r.compiled[p.Kind]; ok {
		return runCompiled(func() error { return page(b, p) })
	}
	return p.tmpl.ExecuteTemplate(b, "base.html", p)
}
