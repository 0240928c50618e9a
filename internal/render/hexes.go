package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/hexmap"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// HexMap is a map of England's lower-tier council areas, each hexagon
// showing what someone living there gets, as the "hexmap" template prints
// it.
type HexMap struct {
	ID, Title     string
	Width, Height float64
	Hexes         []HexView
	Legend        []LegendItem
	Regions       []RegionLabel
}

// RegionLabel names a region at the middle of its hexagons.
type RegionLabel struct {
	Name string
	X, Y float64
}

// HexView is one council area on a map.
type HexView struct {
	Href, Label, State string
	X, Y               float64
}

// LegendItem is one state a map's hexagons can be in, with how many are.
type LegendItem struct {
	State, Word string
	Count       int
}

// mapStates are the states of a question's map, in legend order, with the
// words that say them; each has a colour and a pattern in the style sheet.
var mapStates = []LegendItem{
	{State: "good", Word: "Yes"}, {State: "bad", Word: "No"}, {State: "maybe", Word: "Being considered"},
	{State: "unknown", Word: "The council did not say"}, {State: "neutral", Word: "A figure is known"}, {State: "none", Word: "Not known yet"},
}

// coverageStates are the states of the coverage map.
var coverageStates = []LegendItem{
	{State: "good", Word: "Something known for residents (from the council, its county or a joint offer)"}, {State: "maybe", Word: "Looked for, nothing found yet"}, {State: "none", Word: "Not looked for yet"},
}

// hexes lays out a map: for each area in the cartogram, its council's
// state, label and link, from state; areas with no council file are left out.
func (p *Page) hexes(id, title string, states []LegendItem, state func(c *site.Council) (string, string)) HexMap {
	m := hexmap.England()
	out := HexMap{ID: id, Title: title, Width: m.Width, Height: m.Height}
	counts := map[string]int{}
	byRegion := map[*site.Region][]HexView{}
	for _, h := range m.Hexes {
		c := p.Site.ByGSS[h.GSS]
		if c == nil {
			continue
		}
		st, words := state(c)
		counts[st]++
		byRegion[c.Area] = append(byRegion[c.Area], HexView{Href: p.Link(c.Path()), Label: c.ShortName + ": " + words, State: st, X: h.X, Y: h.Y})
	}
	// Links in a sensible order for the keyboard: by region, then by name.
	for _, r := range p.Site.Regions {
		hs := byRegion[r]
		slices.SortStableFunc(hs, func(a, b HexView) int { return strings.Compare(a.Label, b.Label) })
		out.Hexes = append(out.Hexes, hs...)
		if len(hs) > 0 {
			var x, y float64
			for _, h := range hs {
				x, y = x+h.X, y+h.Y
			}
			n := float64(len(hs))
			// Keep the label inside the map: its half width is about a
			// third of the font size (maps.css: 18px) for each letter.
			half := float64(len(r.Name)) * 18 * 0.3
			cx := min(max(x/n, half), m.Width-half)
			out.Regions = append(out.Regions, RegionLabel{Name: r.Name, X: float64(int(cx*10)) / 10, Y: float64(int(y/n*10)) / 10})
		}
	}
	for _, l := range states {
		if l.Count = counts[l.State]; l.Count > 0 {
			out.Legend = append(out.Legend, l)
		}
	}
	return out
}

// QuestionMap is the map of what someone living in each area gets for q,
// composed as the council pages are: a district's hexagon shows its
// county's answer for leaving-care support and its own for council tax,
// with its joint offer's where it has one.
func (p *Page) QuestionMap(key string) HexMap {
	q := offer.Lookup(key)
	return p.hexes("map-"+strings.ReplaceAll(key, ".", "-"), q.Label, mapStates, func(c *site.Council) (string, string) {
		x := cell(c, q)
		if x.Blank() {
			words := "not known yet"
			if x.From != "" {
				words += " (" + x.From + ")"
			}
			return "none", words
		}
		words := strings.TrimSpace(x.Verdict.Word + " " + x.Figure)
		if x.From != "" {
			words += " (" + x.From + ")"
		}
		words = join("; ", words, x.Terms)
		return x.Verdict.Class, words
	})
}

// CoverageMap is the map of how much is known about what someone living in
// each area gets: something, looked for with nothing found, or not looked
// for yet.
func (p *Page) CoverageMap() HexMap {
	return p.hexes("map-coverage", "How much is known, by area", coverageStates, func(c *site.Council) (string, string) {
		switch {
		case c.KnownAnswers() > 0:
			return "good", "something known for residents"
		case !c.Checked.IsZero():
			return "maybe", "looked for in " + c.Checked.Words() + ", nothing found yet"
		}
		return "none", "not looked for yet"
	})
}

// MapQuestions are the headline questions that have maps, for the
// national picture and its links.
func MapQuestions() []*offer.Question {
	var out []*offer.Question
	for _, q := range offer.Headlines {
		if q.Good != "" {
			out = append(out, q)
		}
	}
	return out
}

// MapPath is the folder of a question's map page.
func MapPath(q *offer.Question) string {
	return "maps/" + strings.NewReplacer(".", "-", "_", "-").Replace(q.Key) + "/"
}

// TopicOf is the comparison table that has q's answers: its map's table twin.
func TopicOf(q *offer.Question) offer.Topic {
	for _, t := range offer.Topics {
		for _, s := range t.Sections {
			if s == q.Section {
				return t
			}
		}
	}
	return offer.Topics[0]
}

// HasMaps reports whether the page shows maps, and so needs their style sheet.
func (p *Page) HasMaps() bool {
	switch p.Kind {
	case "home", "picture", "map":
		return true
	case "table":
		return p.Table.Region == nil && len(p.TopicMaps()) > 0
	}
	return false
}

// TopicMaps are the maps of a national table's headline questions.
func (p *Page) TopicMaps() []*offer.Question {
	if p.Table == nil || p.Table.Region != nil {
		return nil
	}
	var out []*offer.Question
	for _, q := range MapQuestions() {
		for _, s := range p.Table.Topic.Sections {
			if q.Section == s {
				out = append(out, q)
			}
		}
	}
	return out
}

// mapData is what the national picture's script needs to change its map's
// question in place: for each headline question, every hexagon's state and
// words, in the map's order.
func mapData(p *Page) template.JS {
	var b strings.Builder
	b.WriteString(`{"q":[`)
	for i, q := range MapQuestions() {
		if i > 0 {
			b.WriteByte(',')
		}
		m := p.QuestionMap(q.Key)
		write(&b, `{"k":`, jsonString(q.Key), `,"l":`, jsonString(q.Label), `,"h":[`)
		for j, h := range m.Hexes {
			if j > 0 {
				b.WriteByte(',')
			}
			write(&b, `[`, jsonString(h.State), `,`, jsonString(h.Label), `]`)
		}
		b.WriteString(`],"g":[`)
		for j, l := range m.Legend {
			if j > 0 {
				b.WriteByte(',')
			}
			write(&b, `[`, jsonString(l.State), `,`, jsonString(l.Word), `,`, strconv.Itoa(l.Count), `]`)
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	return template.JS(p.fragment(b.String())) //nolint:gosec // JSON with <, > and & escaped
}
