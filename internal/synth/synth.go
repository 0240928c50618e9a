// Package synth writes synthetic projects for benchmarks: any number of
// councils in the real content format, with answers across the catalogue and
// Markdown bodies of 300 to 600 words. The same seed and size always give the
// same files, so builds of them can be compared run after run and with other
// generators.
//
// Synthetic councils come in blocks of sixteen, shaped like England's
// councils: a county with eight districts, three unitary councils, two
// metropolitan boroughs and two London boroughs. Their codes start at
// E0x100000, beyond any real council's, so they never clash with the
// reference list.
package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
)

// block is the tiers of each run of sixteen councils, in order.
var block = []string{
	"county", "district", "district", "district", "district", "district", "district", "district", "district",
	"unitary", "unitary", "unitary", "metropolitan_borough", "metropolitan_borough", "london_borough", "london_borough",
}

var prefixes = map[string]string{
	"county": "E10", "district": "E07", "unitary": "E06", "metropolitan_borough": "E08", "london_borough": "E09",
}

// firstCode is added to a council's number to make its code, so synthetic
// codes are all above real ones.
const firstCode = 100000

// Council is one synthetic council's identity.
type Council struct {
	Index  int
	GSS    string
	Slug   string
	Town   string
	Name   string
	Tier   string
	Parent string // the county's code, for districts
	Region string
}

// Identity returns council i of a synthetic project.
func Identity(i int) Council {
	tier := block[i%len(block)]
	c := Council{Index: i, Tier: tier, Town: town(i)}
	c.GSS = fmt.Sprintf("%s%06d", prefixes[tier], firstCode+i)
	c.Slug = registry.Slugify(c.Town) + fmt.Sprintf("-%d", i)
	switch tier {
	case "county":
		c.Name = c.Town + "shire County Council"
		c.Town += "shire"
	case "district":
		c.Name = c.Town + " District Council"
		c.Parent = fmt.Sprintf("%s%06d", prefixes["county"], firstCode+i-i%len(block))
	case "unitary":
		c.Name = c.Town + " Council"
	case "metropolitan_borough":
		c.Name = c.Town + " Metropolitan Borough Council"
	case "london_borough":
		c.Name = "London Borough of " + c.Town
	}
	if tier == "london_borough" {
		c.Region = "London"
	} else {
		regions := []string{}
		for _, r := range offer.Regions {
			if r != "London" {
				regions = append(regions, r)
			}
		}
		c.Region = regions[(i/len(block))%len(regions)]
	}
	return c
}

var (
	starts = []string{"Ash", "Brad", "Chel", "Dun", "Elm", "Fen", "Grim", "Hal", "Ing", "Kel", "Lang", "Mar",
		"Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Ux", "Wal", "Whit", "York", "Bar", "Cran", "Dal", "Har"}
	middles = []string{"", "ing", "ley", "er", "an", "ow", "en", "wick"}
	ends    = []string{"ford", "ham", "ton", "bury", "field", "wood", "by", "minster", "port", "mouth", "well", "stead"}
)

// town makes a place name that is the same for the same number.
func town(i int) string {
	n := i
	s := starts[n%len(starts)]
	n /= len(starts)
	m := middles[n%len(middles)]
	n /= len(middles)
	e := ends[n%len(ends)]
	return s + m + e
}

// Write writes a synthetic project of n councils into dir: content/councils,
// the plain pages of content/, and layouts/, static/ and site.yaml copied
// from the project in src. dir must not exist yet or be empty.
func Write(dir string, src fs.FS, n int, seed uint64) error {
	if err := copyProject(dir, src); err != nil {
		return err
	}
	councils := filepath.Join(dir, "content", "councils")
	if err := os.MkdirAll(councils, 0o755); err != nil {
		return err
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	workers := 8
	for w := range workers {
		wg.Go(func() {
			var buf strings.Builder
			for i := w; i < n; i += workers {
				buf.Reset()
				c := Identity(i)
				File(&buf, c, seed)
				err := os.WriteFile(filepath.Join(councils, c.Slug+".md"), []byte(buf.String()), 0o644)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// FS returns a synthetic project of n councils in memory, with the
// layouts, static files, settings and plain pages of the project in src.
func FS(src fs.FS, n int, seed uint64) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	err := walkProject(src, func(p string, data []byte) error {
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i := range n {
		b.Reset()
		c := Identity(i)
		File(&b, c, seed)
		fsys["content/councils/"+c.Slug+".md"] = &fstest.MapFile{Data: []byte(b.String()), Mode: 0o644}
	}
	return fsys, nil
}

// copyProject copies everything a build needs besides the councils.
func copyProject(dir string, src fs.FS) error {
	return walkProject(src, func(p string, data []byte) error {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// walkProject calls copy with each file a build needs besides the
// councils: layouts, static files, settings and the plain pages.
func walkProject(src fs.FS, copy func(path string, data []byte) error) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		top, _, _ := strings.Cut(p, "/")
		keep := p == "." || top == "layouts" || top == "static" || p == "site.yaml" ||
			p == "content" || (path.Dir(p) == "content" && strings.HasSuffix(p, ".md"))
		switch {
		case !keep && d.IsDir():
			return fs.SkipDir
		case !keep || d.IsDir():
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return copy(p, data)
	})
}

// File writes council c's file to w. The council's answers and text depend
// only on seed and c.Index.
func File(w *strings.Builder, c Council, seed uint64) {
	g := gen{r: rand.New(rand.NewPCG(seed, uint64(c.Index))), w: w, c: c}
	g.file()
}

type gen struct {
	indent string // of the fields of the answer being written
	r      *rand.Rand
	w      *strings.Builder
	c      Council
	page   bool // the council has a web page source, which some answers cite with a quote
}

func (g *gen) f(format string, args ...any) { fmt.Fprintf(g.w, format, args...) }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// date returns a day from January 2025 to June 2026, as a contributor would
// write it.
func (g *gen) date() string {
	m := g.r.IntN(18)
	return fmt.Sprintf("%d-%02d-%02d", 2025+m/12, 1+m%12, 1+g.r.IntN(28))
}

func (g *gen) file() {
	c := g.c
	g.f("---\nschema: 1\ngss: %s\nname: %s\nshort_name: %s\ntier: %s\n", c.GSS, c.Name, c.Town, c.Tier)
	if c.Parent != "" {
		g.f("parent: %s\n", c.Parent)
	}
	g.f("region: %s\n", c.Region)
	g.f("places: [%s, %s Green, Upper %s]\n", c.Town, town(c.Index+7), town(c.Index+13))
	g.f("website: https://www.%s.example\n", c.Slug)
	g.f("updated: %s\n", g.date())
	// About one council in ten has not answered anything yet, as in the
	// real content.
	empty := g.chance(0.1)
	if !empty {
		g.sources()
	}
	g.f("contacts:\n  - role: foi\n    title: Information governance team\n    url: https://www.%s.example/foi\n", c.Slug)
	if !empty {
		fill := 0.25 + g.r.Float64()*0.7
		var open []string // the mappings the last answer was written in
		for _, q := range offer.ForTier(c.Tier) {
			if q.Kind == offer.KindGSS && c.Parent == "" || !g.chance(fill) {
				continue
			}
			parts := strings.Split(q.Key, ".")
			same := 0
			for same < len(open) && same < len(parts)-1 && open[same] == parts[same] {
				same++
			}
			for d := same; d < len(parts)-1; d++ {
				g.f("%s%s:\n", strings.Repeat("  ", d), parts[d])
			}
			open = parts[:len(parts)-1]
			g.indent = strings.Repeat("  ", len(parts))
			g.f("%s%s:", g.indent[2:], q.Field())
			g.answer(q)
		}
	}
	g.f("---\n")
	g.body()
}

func (g *gen) sources() {
	g.f("default_src: foi-2025\nsources:\n")
	g.f("  - id: foi-2025\n    type: foi\n    title: Care leavers local offer\n    ref: FOI-%d\n    received: %s\n    responded: %s\n",
		100000+g.r.IntN(900000), "2025-01-14", fmt.Sprintf("2025-%02d-%02d", 2+g.r.IntN(10), 1+g.r.IntN(28)))
	g.f("    note: >-\n      The council's reply to a request about its local offer for care leavers, sent to every\n      council in England.\n")
	g.page = g.chance(0.6)
	if g.page {
		g.f("  - id: offer-page\n    type: offer_page\n    title: Local offer for care leavers\n    publisher: %s\n    url: https://www.%s.example/care-leavers\n    retrieved: %s\n",
			g.c.Name, g.c.Slug, g.date())
	}
}

var (
	statuses = []string{"yes", "yes", "yes", "no", "no", "unknown", "considering"}
	details  = []string{
		"Your personal adviser can tell you how to apply.",
		"Only for care leavers living in the area.",
		"Available until you turn 25 if you are in education or training.",
		"The council reviews this each year with its care leavers forum.",
		"Paid in instalments when you move into your first home.",
		"Ask the leaving care team; they will complete the form with you.",
	}
	words = strings.Fields(`support council care leavers young people personal adviser help housing money
		education training work apprenticeship college university health wellbeing travel bus pass leisure
		centre gym swimming council tax exemption home allowance furniture deposit rent guarantor tenancy
		advice benefits budget bank account documents passport driving lessons mentoring records forum
		participation corporate parent offer local services team age twenty-one twenty-five you your`)
)

func (g *gen) answer(q *offer.Question) {
	switch q.Kind {
	case offer.KindText:
		g.f(" %s\n", g.sentence(6+g.r.IntN(10)))
	case offer.KindURL:
		g.f(" https://www.%s.example/care-leavers/%s\n", g.c.Slug, strings.ReplaceAll(q.Field(), "_", "-"))
	case offer.KindDate:
		g.f(" %s\n", g.date())
	case offer.KindList:
		g.f(" [%s, %s, %s]\n", g.pick(words), g.pick(words), g.pick(words))
	case offer.KindGSS:
		g.f(" %s\n", g.c.Parent)
	case offer.KindChoice:
		g.f(" %s\n", g.pick(q.Choices))
	case offer.KindMoney:
		g.figure(fmt.Sprintf("gbp: %d", 50*(1+g.r.IntN(60))), fmt.Sprint(50*(1+g.r.IntN(60))))
	case offer.KindCount:
		lo := g.r.IntN(40)
		g.figure(fmt.Sprintf("count: {min: %d, max: %d}", lo, lo+1+g.r.IntN(10)), fmt.Sprint(lo))
	case offer.KindPercent:
		g.figure(fmt.Sprintf("pct: %d", g.r.IntN(101)), fmt.Sprint(g.r.IntN(101)))
	default:
		if g.chance(0.4) {
			g.f(" %s\n", g.pick(statuses))
			return
		}
		g.f("\n%sstatus: %s\n", g.indent, g.pick(statuses))
		g.extras(q)
	}
}

// figure writes a money, count or percent answer: a bare number or a
// mapping with the figure and some of the other fields.
func (g *gen) figure(field, bare string) {
	if g.chance(0.4) {
		g.f(" %s\n", bare)
		return
	}
	g.f("\n%[1]sstatus: yes\n%[1]s%[2]s\n", g.indent, field)
	if g.chance(0.3) {
		g.f("%sper: %s\n", g.indent, g.pick(offer.Pers))
	}
	g.extras(nil)
}

// extras adds the optional fields of an answer.
func (g *gen) extras(q *offer.Question) {
	if g.chance(0.4) {
		g.f("%sto_age: %d\n", g.indent, 18+g.r.IntN(8))
	}
	if g.chance(0.3) {
		g.f("%sbasis: %s\n", g.indent, g.pick(offer.Bases))
	}
	if g.chance(0.6) {
		g.f("%sdetails: %s\n", g.indent, g.pick(details))
	}
	if g.chance(0.4) {
		g.f("%sapply: %s\n", g.indent, g.pick(details))
	}
	if g.chance(0.1) {
		g.f("%sas_of: %s\n", g.indent, g.date())
	}
	if g.page && g.chance(0.3) {
		g.f("%ssrc: offer-page\n%squote: %q\n", g.indent, g.indent, g.sentence(8+g.r.IntN(20)))
	}
	if q == nil {
		return
	}
	for _, x := range q.Extra {
		switch x {
		case "band":
			g.f("%sband: %s\n", g.indent, g.pick([]string{"Priority", "Band A", "Band 1", "Gold"}))
		case "name":
			g.f("%sname: %s Care Leavers Service\n", g.indent, g.c.Town)
		case "groups":
			g.f("%[1]sgroups:\n%[1]s  - name: %[2]s Voices\n%[1]s    ages: 16-25\n%[1]s    regular_attendees: %[3]d\n", g.indent, g.c.Town, 3+g.r.IntN(20))
		}
	}
}

func (g *gen) sentence(n int) string {
	var b strings.Builder
	for i := range n {
		w := g.pick(words)
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// body writes 300 to 600 words of Markdown: paragraphs under headings, a
// list, a link and some emphasis.
func (g *gen) body() {
	target := 300 + g.r.IntN(301)
	written := 0
	// sentence writes one sentence of n words unless that would pass the
	// target, and reports whether it did.
	sentence := func(format string, n int) bool {
		if written+n > target {
			return false
		}
		g.f(format, g.sentence(n))
		written += n
		return true
	}
	g.f("%s is a %s in %s.", g.c.Name, strings.ReplaceAll(g.c.Tier, "_", " "), g.c.Region)
	written += len(strings.Fields(g.c.Name)) + 4
	headings := []string{"What you can get", "Money and housing", "Education and work", "Health and wellbeing", "How to ask"}
	for h := 0; written < target-12; h++ {
		for range 2 + g.r.IntN(3) {
			format := " %s"
			if g.chance(0.2) {
				format = " **%s**"
			}
			if !sentence(format, 8+g.r.IntN(14)) {
				break
			}
		}
		g.f("\n\n")
		if h%2 == 1 {
			for range 3 {
				sentence("- %s\n", 4+g.r.IntN(6))
			}
			g.f("\n")
		}
		if h == 1 {
			g.f("Read [the council's page about leaving care](https://www.%s.example/care-leavers) for more.\n\n", g.c.Slug)
			written += 9
		}
		g.f("## %s\n\n", headings[h%len(headings)])
		written += 3
	}
	for written < target {
		if !sentence(" %s", min(target-written, 12)) {
			break
		}
	}
	g.f("\n")
}
