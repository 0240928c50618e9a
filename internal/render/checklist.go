package render

import (
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// Checklist is the law's checklist as a council page shows it: each area
// the law says an offer must cover, with what we have read of it.
type Checklist struct {
	Owner  *site.Council // the council whose offer it is: a district's county
	Own    bool          // the page's council is the owner
	Groups []CheckGroup
	Found  int // areas with something found
	Total  int
}

// CheckGroup is the areas one Act set.
type CheckGroup struct {
	Law   *offer.Law
	Items []CheckItem
}

// CheckItem is one area of the checklist.
type CheckItem struct {
	Area     *offer.Area
	Found    bool
	Evidence []Evidence // the rows that show it, linked
	Direct   string     // the council's own answer, where it gave one
}

// Evidence is a link to a row that speaks of an area.
type Evidence struct{ Label, Href string }

// Checklist is the checklist for the council page's council: its own, or
// its county's on a district's page; nil where there is none.
func (p *Page) Checklist() *Checklist {
	owner, checks := p.Council.Checklist()
	if owner == nil || len(checks) == 0 {
		return nil
	}
	out := &Checklist{Owner: owner, Own: owner == p.Council, Total: len(checks)}
	for i := range checks {
		k := &checks[i]
		if len(out.Groups) == 0 || out.Groups[len(out.Groups)-1].Law != k.Area.Law {
			out.Groups = append(out.Groups, CheckGroup{Law: k.Area.Law})
		}
		it := CheckItem{Area: k.Area, Found: k.Found()}
		for _, q := range k.Evidence {
			it.Evidence = append(it.Evidence, Evidence{Label: q.Label, Href: "#" + rowID(q.Key)})
		}
		if k.Direct != nil {
			it.Direct = owner.ShortName + " says its offer " + map[offer.Status]string{
				offer.Yes: "sets this out", offer.No: "does not set this out",
				offer.Considering: "will set this out", offer.Unknown: "may set this out: it did not say",
			}[k.Direct.Status]
			if k.Direct.Status == offer.Yes {
				it.Evidence = append(it.Evidence, Evidence{Label: offer.Lookup(k.Area.Direct).Label, Href: "#" + rowID(k.Area.Direct)})
			}
		}
		if it.Found {
			out.Found++
		}
		g := &out.Groups[len(out.Groups)-1]
		g.Items = append(g.Items, it)
	}
	return out
}
