package render

import (
	"html/template"
	"math"
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
	// Twin is the map's facts as a list or table, where a phone user
	// picks their council more easily than by tapping a hexagon.
	Twin Evidence
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
			half := float64(len(r.Name)) * labelSize * 0.3
			cx := min(max(x/n, half), m.Width-half)
			out.Regions = append(out.Regions, RegionLabel{Name: r.Name, X: float64(int(cx*10)) / 10, Y: float64(int(y/n*10)) / 10})
		}
	}
	apart(out.Regions, m.Width, m.Height)
	for _, l := range states {
		if l.Count = counts[l.State]; l.Count > 0 {
			out.Legend = append(out.Legend, l)
		}
	}
	return out
}

// labelSize is the region labels' font size in the map's units (maps.css).
const labelSize = 18

// apart moves region labels until none overlaps another, each taken as a
// box about as wide as its letters and a line high, and keeps them inside
// the map. Labels sit at their regions' middles, and neighbouring regions'
// middles can be close: Yorkshire and The Humber's and the North West's
// are. Each label, in turn, takes the nearest place to its middle that
// clears those placed before it.
func apart(labels []RegionLabel, width, height float64) {
	const line = labelSize * 1.25
	wide := func(l RegionLabel) float64 { return float64(len(l.Name)) * labelSize * 0.62 }
	clear := func(i int, x, y float64) bool {
		for j := range i {
			if math.Abs(x-labels[j].X) < (wide(labels[i])+wide(labels[j]))/2 && math.Abs(y-labels[j].Y) < line {
				return false
			}
		}
		return true
	}
	for i := range labels {
		l := &labels[i]
		if clear(i, l.X, l.Y) {
			continue
		}
		half := wide(*l) / 2
		best, bx, by := math.Inf(1), l.X, l.Y
		for dy := -4 * line; dy <= 4*line; dy += line / 4 {
			for dx := -80.0; dx <= 80; dx += 10 {
				x, y := l.X+dx, l.Y+dy
				if x < half || x > width-half || y < line || y > height-labelSize/2 {
					continue
				}
				if d := dx*dx + dy*dy; d < best && clear(i, x, y) {
					best, bx, by = d, x, y
				}
			}
		}
		l.X, l.Y = float64(int(bx*10))/10, float64(int(by*10))/10
	}
}

// QuestionMap is the map of what someone living in each area gets for q,
// composed as the council pages are: a district's hexagon shows its
// county's answer for leaving-care support and its own for council tax,
// with its joint offer's where it has one.
func (p *Page) QuestionMap(key string) HexMap {
	q := offer.Lookup(key)
	twin := Evidence{Label: "Find your council in the table instead", Href: p.Link("compare/" + TopicOf(q).Key + "/")}
	switch {
	case p.Table != nil && p.Table.Region == nil:
		twin = Evidence{Label: "Find your council in a region's table instead", Href: "#regions"}
	case p.Kind == "picture":
		// The map changes its question in place: its twin is every table.
		twin = Evidence{Label: "Find your council in the comparison tables instead", Href: p.Link("compare/")}
	}
	m := p.hexes("map-"+strings.ReplaceAll(key, ".", "-"), q.Label, mapStates, func(c *site.Council) (string, string) {
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
	m.Twin = twin
	return m
}

// CoverageMap is the map of how much is known about what someone living in
// each area gets: something, looked for with nothing found, or not looked
// for yet.
func (p *Page) CoverageMap() HexMap {
	m := p.hexes("map-coverage", "How much is known, by area", coverageStates, func(c *site.Council) (string, string) {
		switch {
		case c.KnownAnswers() > 0:
			return "good", "something known for residents"
		case !c.Checked.IsZero():
			return "maybe", "looked for in " + c.Checked.Words() + ", nothing found yet"
		}
		return "none", "not looked for yet"
	})
	m.Twin = Evidence{Label: "Find your council in the A to Z list instead", Href: p.Link("councils/")}
	return m
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
	case "home", "picture", "map", "lawarea":
		return true
	case "table":
		return p.Table.Region == nil && len(p.TopicMaps()) > 0
	}
	return false
}

// maxTopicMaps is how many maps a national table shows; the others are
// linked, so that the page stays light on a phone.
const maxTopicMaps = 3

// TopicMaps are the maps a national table shows: its first headline
// questions'.
func (p *Page) TopicMaps() []*offer.Question {
	all := p.allTopicMaps()
	return all[:min(len(all), maxTopicMaps)]
}

// MoreTopicMaps are its other headline questions, whose maps it links.
func (p *Page) MoreTopicMaps() []*offer.Question {
	all := p.allTopicMaps()
	return all[min(len(all), maxTopicMaps):]
}

func (p *Page) allTopicMaps() []*offer.Question {
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
