// Package content reads the project's content/ folder: Markdown files with
// YAML frontmatter, one per council and one per plain page. It decodes the
// frontmatter against the catalogue in package offer and reports every
// problem in every file with its file:line:col.
package content

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
	"gopkg.in/yaml.v3"
)

// Folders within the project that content comes from.
const (
	Dir         = "content"
	CouncilsDir = "content/councils"
	JointDir    = "content/joint"
)

// Reserved are slugs a plain page may not take, because the site already
// uses those paths.
var Reserved = []string{"404", "assets", "compare", "councils", "joint", "picture", "regions", "schema", "search", "static", "your-offer", "maps", "law", "offline"}

// Set is everything read from content/.
type Set struct {
	Councils []*offer.Council // sorted by slug
	Joints   []*offer.Joint   // sorted by slug
	Pages    []*offer.Page    // sorted by slug; "index" is the home page's text
}

// Load reads and checks all content under fsys's content/ folder. now is the
// build's date: dates after it are errors. Problems come back sorted; the
// Set holds what could be read even when there are problems.
func Load(fsys fs.FS, now time.Time) (*Set, diag.List) {
	return (*Cache)(nil).Load(fsys, now)
}

// Cache remembers council files as they were decoded, so that loading the
// same content again decodes only the files that changed. The preview
// server keeps one for as long as it runs. The zero Cache is ready to use;
// a nil *Cache remembers nothing.
type Cache struct {
	mu    sync.Mutex
	now   time.Time
	files map[string]cachedCouncil
}

type cachedCouncil struct {
	src  []byte
	read councilFile
}

// Load reads and checks all content as the package's Load does, decoding
// only the council files that differ from the last load's.
func (cache *Cache) Load(fsys fs.FS, now time.Time) (*Set, diag.List) {
	l := loader{fsys: fsys, now: now, set: &Set{}, cache: cache}
	if cache != nil {
		cache.mu.Lock()
		defer cache.mu.Unlock()
		if !cache.now.Equal(now) || cache.files == nil {
			cache.now, cache.files = now, map[string]cachedCouncil{}
		}
	}
	l.councils()
	l.joints()
	l.pages()
	l.crossCheck()
	l.diags.Sort()
	return l.set, l.diags
}

type loader struct {
	cache *Cache // may be nil
	fsys  fs.FS
	now   time.Time
	set   *Set
	diags diag.List
	pos   map[*offer.Council]positions
	// values give the council files' values their text while they are read.
	values *interner
	bodies atomic.Int64 // the bytes of the bodies kept (keepBody)
	// members are the joint offers' member councils, where they are named;
	// Msg holds the gss code until the cross-check fills it in.
	members []diag.Diagnostic
}

// positions remembers where cross-file checks point.
type positions struct {
	gss, parent diag.Diagnostic
	keys        map[string]diag.Diagnostic // name, tier and region, for the reference-list check
	councils    []diag.Diagnostic          // answers naming another council; Msg holds its gss
}

func (l *loader) fileError(file, msg string) {
	l.diags = append(l.diags, diag.Diagnostic{File: file, Line: 1, Col: 1, Msg: msg})
}

// markdown lists the .md files directly inside dir.
func (l *loader) markdown(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if dir == Dir {
			l.diags = append(l.diags, diag.Diagnostic{File: dir, Msg: "cannot read the content folder: " + err.Error()})
		}
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".md") {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out
}

// read loads a file and splits its frontmatter; ok is false after a
// problem. Problems go into the returned list, so files can be read at once.
func read(fsys fs.FS, file string, now time.Time) (root *yaml.Node, body []byte, d *decoder, slug string, problems diag.List, ok bool) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, nil, nil, "", diag.List{{File: file, Line: 1, Col: 1, Msg: "cannot read: " + err.Error()}}, false
	}
	return parse(file, src, now, nil)
}

// parse splits a file's frontmatter from its body, with its nodes from rd,
// which may be nil.
func parse(file string, src []byte, now time.Time, rd *reading) (root *yaml.Node, body []byte, d *decoder, slug string, problems diag.List, ok bool) {
	root, body, off, problem := split(file, src, rd)
	if problem != nil {
		return nil, nil, nil, "", diag.List{*problem}, false
	}
	slug = strings.ToLower(strings.TrimSuffix(path.Base(file), ".md"))
	if !idPattern.MatchString(slug) {
		problems = append(problems, diag.Diagnostic{File: file, Line: 1, Col: 1,
			Msg: fmt.Sprintf("file name: want lower-case letters, digits and dashes, like hertsmere.md, got %q", path.Base(file))})
	}
	first := bytes.Count(src[:len(src)-len(body)], []byte("\n")) + 1
	problems = append(problems, bodyPrivacy(file, body, first)...)
	return root, body, &decoder{file: file, lineOff: off, now: now}, slug, problems, true
}

// read reads one file for the loader, keeping its problems.
func (l *loader) read(file string) (*yaml.Node, []byte, *decoder, string, bool) {
	root, body, d, slug, problems, ok := read(l.fsys, file, l.now)
	l.diags = append(l.diags, problems...)
	return root, body, d, slug, ok
}

// CouncilBody reads c's Markdown body from fsys, where Load found c; or
// gives the body c keeps.
func CouncilBody(fsys fs.FS, c *offer.Council) ([]byte, error) {
	if c.Body != nil || c.File == "" {
		return c.Body, nil
	}
	src, err := fs.ReadFile(fsys, c.File)
	if err != nil {
		return nil, err
	}
	if c.BodyAt > len(src) {
		return nil, fmt.Errorf("%s changed while the site was built", c.File)
	}
	return src[c.BodyAt:], nil
}

// councilFile is what reading one council file gives.
type councilFile struct {
	src      []byte // the file's bytes, when they go in the cache
	c        *offer.Council
	pos      positions
	problems diag.List
}

// DecodeCouncil decodes one council file's bytes as Load does, without
// checking it against the other files: for reading the versions of a file
// in its history. It returns nil when the file cannot be read at all.
func DecodeCouncil(file string, src []byte, now time.Time) *offer.Council {
	return readCouncil(file, src, now, nil).c
}

// readCouncil reads and decodes one council file, with its nodes from rd,
// which may be nil and has them back when it returns; c is nil if it could
// not be read at all.
func readCouncil(file string, src []byte, now time.Time, rd *reading) councilFile {
	defer rd.done() // nothing decoded keeps a node
	root, body, d, slug, problems, ok := parse(file, src, now, rd)
	if !ok {
		return councilFile{problems: problems}
	}
	c := &offer.Council{File: file, Slug: slug, BodyAt: len(src) - len(body)}
	c.ToRead, c.ToReadLine = toRead(src[:len(src)-len(body)])
	d.council(root, c)
	pos := positions{gss: d.at(root, "gss"), parent: d.at(root, "parent"), keys: map[string]diag.Diagnostic{}}
	for _, k := range []string{"name", "tier", "region"} {
		pos.keys[k] = d.at(root, k)
	}
	pos.keys["parent"] = pos.parent
	for _, r := range d.councils {
		pos.councils = append(pos.councils, d.refAt(r))
	}
	return councilFile{c: c, pos: pos, problems: append(problems, d.diags...)}
}

// readCouncil reads a council file, or takes it from the cache when its
// bytes have not changed: decoding is most of the time loading takes. The cache is locked by Load; each file has its own
// entry, and the map is only written after every file is read.
func (l *loader) readCouncil(file string, rd *reading) councilFile {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		return councilFile{problems: diag.List{{File: file, Line: 1, Col: 1, Msg: "cannot read: " + err.Error()}}}
	}
	if l.cache == nil {
		cf := readCouncil(file, src, l.now, rd)
		l.keepBody(cf.c, src)
		return cf
	}
	if old, ok := l.cache.files[file]; ok && bytes.Equal(old.src, src) {
		return old.read
	}
	cf := readCouncil(file, src, l.now, rd)
	if cf.c != nil {
		cf.src = src
		l.keepBody(cf.c, src)
	}
	return cf
}

// bodyBudget is how much of the council files' Markdown a load keeps, so
// that their pages need not read the files again: all of a directory of a
// few thousand councils, and no more than this of a larger one, whose other
// pages read their files when they are made (CouncilBody).
var bodyBudget int64 = 16 << 20 // a variable for tests

// keepBody keeps c's body, from its file's bytes src, while the load's
// bodies fit in bodyBudget.
func (l *loader) keepBody(c *offer.Council, src []byte) {
	if c == nil || c.BodyAt > len(src) {
		return
	}
	body := src[c.BodyAt:]
	if l.bodies.Add(int64(len(body))) <= bodyBudget {
		c.Body = bytes.Clone(body)
	}
}

// councils reads the council files on all processors: parsing YAML is most
// of the time a large directory takes to load.
func (l *loader) councils() {
	files := l.markdown(CouncilsDir)
	l.values = new(interner)
	defer func() { l.values = nil }()
	read := make([]councilFile, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			rd := &reading{values: l.values}
			for i := int(next.Add(1)) - 1; i < len(files); i = int(next.Add(1)) - 1 {
				read[i] = l.readCouncil(files[i], rd)
			}
		})
	}
	wg.Wait()
	if l.cache != nil {
		kept := make(map[string]cachedCouncil, len(files))
		for i, f := range read {
			if f.src != nil {
				kept[files[i]] = cachedCouncil{f.src, f}
			}
		}
		l.cache.files = kept
	}
	l.pos = make(map[*offer.Council]positions, len(files))
	for _, f := range read {
		l.diags = append(l.diags, f.problems...)
		if f.c == nil {
			continue
		}
		l.pos[f.c] = f.pos
		l.set.Councils = append(l.set.Councils, f.c)
	}
	// Two files can share a slug (Leicester.md, leicester.md); the file name
	// breaks the tie, so the same content always reports the same way.
	slices.SortFunc(l.set.Councils, func(a, b *offer.Council) int {
		return cmp.Or(strings.Compare(a.Slug, b.Slug), strings.Compare(a.File, b.File))
	})
}

// refAt is where a reference to another council is, with its gss code as
// the message until a cross-check writes the real one.
func (d *decoder) refAt(r sourceRef) diag.Diagnostic {
	return diag.Diagnostic{File: d.file, Line: d.lineOff + r.n.Line, Col: r.n.Column, Key: r.key, Msg: r.id}
}

func (l *loader) joints() {
	for _, file := range l.markdown(JointDir) {
		root, body, d, slug, ok := l.read(file)
		if !ok {
			continue
		}
		j := &offer.Joint{File: file, Slug: slug, Body: bytes.Clone(body)}
		d.joint(root, j)
		l.diags = append(l.diags, d.diags...)
		for _, r := range d.members {
			l.members = append(l.members, d.refAt(r))
		}
		l.set.Joints = append(l.set.Joints, j)
	}
}

// at returns where a top-level key's value is, for later messages.
func (d *decoder) at(root *yaml.Node, key string) diag.Diagnostic {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			v := root.Content[i+1]
			return diag.Diagnostic{File: d.file, Line: d.lineOff + v.Line, Col: v.Column, Key: key}
		}
	}
	return diag.Diagnostic{File: d.file, Line: d.lineOff + root.Line, Col: root.Column, Key: key}
}

var pageKeys = []string{"title", "description"}

func (l *loader) pages() {
	for _, file := range l.markdown(Dir) {
		root, body, d, slug, ok := l.read(file)
		if !ok {
			continue
		}
		p := &offer.Page{File: file, Slug: slug, Body: bytes.Clone(body)}
		hasTitle := false
		for _, pr := range d.pairs(root, "") {
			switch pr.name {
			case "title":
				hasTitle = true
				p.Title = d.text(pr.v, pr.name)
			case "description":
				p.Intro = d.text(pr.v, pr.name)
			default:
				d.unknownKey(pr, "", pageKeys)
			}
		}
		if !hasTitle {
			d.errorf(root, "", "missing required key %q", "title")
		}
		if slices.Contains(Reserved, slug) {
			d.diags = append(d.diags, diag.Diagnostic{File: file, Line: 1, Col: 1, Msg: fmt.Sprintf("file name: %q is used by the site itself; choose another name", slug)})
		}
		l.diags = append(l.diags, d.diags...)
		l.set.Pages = append(l.set.Pages, p)
	}
}

// crossCheck finds problems between files: the same slug or gss code twice,
// and districts whose county is missing or is not a county.
func (l *loader) crossCheck() {
	slugs := map[string]*offer.Council{}
	codes := map[string]*offer.Council{}
	for _, c := range l.set.Councils {
		if first, dup := slugs[c.Slug]; dup {
			l.fileError(c.File, fmt.Sprintf("slug %q is also used by %s", c.Slug, first.File))
		} else {
			slugs[c.Slug] = c
		}
		if c.GSS == "" {
			continue
		}
		if first, dup := codes[c.GSS]; dup {
			p := l.pos[c].gss
			p.Msg = fmt.Sprintf("gss %s is also used by %s", c.GSS, first.File)
			l.diags = append(l.diags, p)
		} else {
			codes[c.GSS] = c
		}
	}
	for _, c := range l.set.Councils {
		if c.Parent == "" || c.Tier != "district" {
			continue
		}
		p := l.pos[c].parent
		switch parent := codes[c.Parent]; {
		case parent == nil:
			p.Msg = fmt.Sprintf("no council file has gss %s: add the county's file first", c.Parent)
		case parent.Tier != "county":
			p.Msg = fmt.Sprintf("%s is %s, a %s: want a county", c.Parent, parent.Name, strings.ReplaceAll(parent.Tier, "_", " "))
		default:
			continue
		}
		l.diags = append(l.diags, p)
	}
	for _, c := range l.set.Councils {
		for _, p := range l.pos[c].councils {
			gss := p.Msg
			switch other := codes[gss]; {
			case other == nil:
				p.Msg = fmt.Sprintf("no council file has gss %s", gss)
			case other.Tier == "district":
				p.Msg = fmt.Sprintf("%s is %s, a district: want a council that looks after children", gss, other.Name)
			default:
				continue
			}
			l.diags = append(l.diags, p)
		}
	}
	for _, p := range l.members {
		if codes[p.Msg] == nil {
			p.Msg = fmt.Sprintf("no council file has gss %s", p.Msg)
			l.diags = append(l.diags, p)
		}
	}
	l.checkRegistry(codes)
}

// checkRegistry compares each council's identity with the reference list of
// England's councils, and warns of a county's districts that have no file.
func (l *loader) checkRegistry(codes map[string]*offer.Council) {
	for _, c := range l.set.Councils {
		if c.GSS == "" {
			continue
		}
		p := l.pos[c].gss
		ref, ok := registry.ByGSS(c.GSS)
		if !ok {
			p.Severity = diag.Warning
			p.Msg = fmt.Sprintf("%s is not in the reference list of England's councils: check the code, or add the council to internal/registry", c.GSS)
			l.diags = append(l.diags, p)
			continue
		}
		for _, f := range []struct{ key, got, want string }{
			{"name", c.Name, ref.Name}, {"tier", c.Tier, ref.Tier}, {"region", c.Region, ref.Region}, {"parent", c.Parent, ref.Parent},
		} {
			if f.got != "" && f.want != "" && f.got != f.want {
				at := l.pos[c].keys[f.key]
				at.Msg = fmt.Sprintf("want %q, as the reference list gives for %s, got %q", f.want, c.GSS, f.got)
				l.diags = append(l.diags, at)
			}
		}
		if c.Tier != "county" {
			continue
		}
		var missing []string
		for _, d := range registry.All() {
			if d.Parent == c.GSS && codes[d.GSS] == nil {
				missing = append(missing, d.Name+" ("+d.GSS+")")
			}
		}
		if len(missing) > 0 {
			p.Severity = diag.Warning
			p.Msg = fmt.Sprintf("%d of the county's districts have no file, so their pages are missing: %s; add each with localoffer new", len(missing), strings.Join(missing, ", "))
			l.diags = append(l.diags, p)
		}
	}
}

// toRead counts the comments an imported FOI reply leaves for a person to
// read, and gives the line of the first.
func toRead(front []byte) (n, line int) {
	if !bytes.Contains(front, []byte("# not understood, line ")) && !bytes.Contains(front, []byte("# to confirm, line ")) {
		return 0, 0 // most files: no need to split them into lines
	}
	for i, l := range bytes.Split(front, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte("# not understood, line ")) || bytes.HasPrefix(t, []byte("# to confirm, line ")) {
			if n == 0 {
				line = i + 1
			}
			n++
		}
	}
	return n, line
}
