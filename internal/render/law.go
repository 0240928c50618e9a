package render

import (
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// LawPath is the folder of the national page of the law's checklist.
const LawPath = "law/"

// LawAreaPath is the folder of one area's map and table.
func LawAreaPath(a *offer.Area) string { return LawPath + strings.ReplaceAll(a.Key, "_", "-") + "/" }

// lawStates are the states of a law area's map, in legend order.
var lawStates = []LegendItem{
	{State: "good", Word: "Found in what we have read of the offer"},
	{State: "bad", Word: "The council says its offer does not set this out"},
	{State: "none", Word: "Not found in what we have read"},
}

// lawWords are the states' words for one area, as a hexagon or a table cell says them.
var lawWords = map[string]string{"found": "found", "says_no": "the council says its offer does not set this out", "not_found": "not found in what we have read"}

// LawMap is the map of one area: each hexagon shows what we have read of
// the offer that covers its care leavers, a district's its county's.
func (p *Page) LawMap(a *offer.Area) HexMap {
	m := p.hexes("law-"+a.Key, a.Title+": what we found in offers", lawStates, func(c *site.Council) (string, string) {
		owner, checks := c.Checklist()
		if owner == nil {
			return "none", "no county council file"
		}
		k := check(checks, a)
		words := lawWords[k.State()]
		if owner != c {
			words += " in " + owner.ShortName + "'s offer"
		}
		return map[string]string{"found": "good", "says_no": "bad", "not_found": "none"}[k.State()], words
	})
	m.Twin = Evidence{Label: "Find your council in the table instead", Href: "#law-table"}
	return m
}

// check is the check of area a among checks.
func check(checks []site.Check, a *offer.Area) *site.Check {
	for i := range checks {
		if checks[i].Area == a {
			return &checks[i]
		}
	}
	return nil
}

// LawRow is one council's line in an area's table: the map's twin.
type LawRow struct {
	Council  *site.Council
	State    string // found, says_no or not_found
	Words    string
	Evidence []Evidence // links to the rows on its page that show it
}

// LawRows are the councils that look after children, A to Z, with what we
// have read of area a in each one's offer.
func (p *Page) LawRows(a *offer.Area) []LawRow {
	var out []LawRow
	for _, c := range p.Site.Councils {
		if !c.RunsLeavingCare() {
			continue
		}
		_, checks := c.Checklist()
		k := check(checks, a)
		r := LawRow{Council: c, State: k.State(), Words: lawWords[k.State()]}
		for _, q := range k.Evidence {
			r.Evidence = append(r.Evidence, Evidence{Label: q.Label, Href: p.Link(c.Path()) + "#" + rowID(q.Key)})
		}
		out = append(out, r)
	}
	return out
}

// lawAreas are the law's areas, in order.
func lawAreas() []*offer.Area {
	out := make([]*offer.Area, len(offer.Areas))
	for i := range offer.Areas {
		out[i] = &offer.Areas[i]
	}
	return out
}

// LawCounts are the national counts of the areas one Act set, by its key.
func (p *Page) LawCounts(law string) []site.LawArea {
	var out []site.LawArea
	for _, l := range p.Site.Law {
		if l.Area.Law.Key == law {
			out = append(out, l)
		}
	}
	return out
}
