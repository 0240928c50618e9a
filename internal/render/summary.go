package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// PageSource is one source in a page's numbered list of sources.
type PageSource struct {
	N      int
	Anchor string // its id on the page
	Owner  string // the council or joint offer whose file names it, for the list's headings
	First  bool   // the first of its owner's sources, where a heading goes
	*offer.Source
	Stale   bool // dated more than offer.StaleAfter months ago
	Undated bool
}

// Sources lists every source the page's answers can cite, numbered once:
// the council's own, its county's, then its joint offers'; or a joint
// offer's own.
func (p *Page) Sources() []PageSource {
	if p.pageSources != nil || (p.Council == nil && p.Joint == nil) {
		return p.pageSources
	}
	p.sourceNums = map[*offer.Source]int{}
	add := func(slug, owner string, s *offer.Sourced) {
		for i := range s.Sources {
			src := &s.Sources[i]
			d := src.Date()
			p.pageSources = append(p.pageSources, PageSource{N: len(p.pageSources) + 1, Anchor: "src-" + slug + "-" + src.ID, Owner: owner,
				First: i == 0, Source: src, Stale: d.Stale(p.Site.Now), Undated: d.IsZero()})
			p.sourceNums[src] = len(p.pageSources)
		}
	}
	if j := p.Joint; j != nil {
		add(j.Slug, j.Name, &j.Sourced)
		return p.pageSources
	}
	c := p.Council
	var joints []*site.Joint
	for _, by := range sourceCouncils(c) {
		add(by.Slug, by.Name, &by.Sourced)
		for _, j := range by.Joints {
			if !slices.Contains(joints, j) {
				joints = append(joints, j)
			}
		}
	}
	for _, j := range joints {
		add(j.Slug, j.Name, &j.Sourced)
	}
	return p.pageSources
}

// SourceGroup is one council's or joint offer's sources in a page's list.
type SourceGroup struct {
	Owner string
	Own   bool // the page's own council or joint offer, which needs no heading
	Start int  // the number of its first source
	Items []PageSource
}

// SourceGroups are the page's sources, by the file that names them.
func (p *Page) SourceGroups() []SourceGroup {
	var out []SourceGroup
	for _, s := range p.Sources() {
		if s.First {
			// The page's own council's sources need no heading when they come first.
			own := len(out) == 0 && ((p.Council != nil && s.Owner == p.Council.Name) || (p.Joint != nil && s.Owner == p.Joint.Name))
			out = append(out, SourceGroup{Owner: s.Owner, Own: own, Start: s.N})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, s)
	}
	return out
}

// sourceNum is a source's number in the page's list, and its anchor.
func (p *Page) sourceNum(s *offer.Source) (int, string) {
	p.Sources()
	n := p.sourceNums[s]
	if n == 0 {
		return 0, ""
	}
	return n, p.pageSources[n-1].Anchor
}

// SummaryItem is one piece of good news at the top of a council page.
type SummaryItem struct {
	Text string // in plain words, with its amount, age and conditions
	ID   string // the anchor of its row
	From string // who gives it, on a district's page
}

// Summary lists the headline answers that are good news for someone living
// in the council's area, in the catalogue's order.
func (p *Page) Summary() []SummaryItem {
	if p.Council == nil {
		return nil
	}
	rows := map[string]*site.Row{}
	for _, sec := range p.Sections() {
		for i := range sec.Rows {
			r := &sec.Rows[i]
			if rows[r.Question.Key] == nil && !r.Older && !r.Also {
				rows[r.Question.Key] = r
			}
		}
	}
	var out []SummaryItem
	for _, h := range offer.Headlines {
		r := rows[h.Key]
		if r == nil || h.Good == "" || r.Answer.Status != offer.Yes || h.Polarity != offer.YesIsGood {
			continue
		}
		item := SummaryItem{Text: goodNews(h, r), ID: rowID(h.Key)}
		if p.District() {
			item.From = giver(r)
		}
		out = append(out, item)
	}
	return out
}

// giver names who gives a row's answer: a council, or a joint offer.
func giver(r *site.Row) string {
	if r.Joint != nil {
		if !r.Joint.Confirmed {
			return r.Joint.Name + ", not yet confirmed by each council"
		}
		return r.Joint.Name
	}
	return r.By.Name
}

// goodNews writes a headline answer in plain words: the catalogue's phrase
// with the amount, the age it lasts until, and who it is for.
func goodNews(q *offer.Question, r *site.Row) string {
	a := r.Answer
	text := q.Good
	amount := ""
	if a.GBP != nil {
		amount = a.Qualifier() + amountOf(a) + per(a.Per)
	}
	if strings.Contains(text, "{gbp}") {
		text = strings.ReplaceAll(text, "{gbp}", amount)
	} else if amount != "" {
		text += ": " + amount
	}
	text = strings.ReplaceAll(text, "{by}", r.By.ShortName)
	var conds []string
	if a.ToAge > 0 {
		conds = append(conds, "until "+strconv.Itoa(int(a.ToAge)))
	}
	switch a.Scope {
	case "own":
		conds = append(conds, "if "+r.By.ShortName+" looked after you")
	case "county":
		who := "the county council"
		if r.By.County != nil {
			who = r.By.County.ShortName
		}
		conds = append(conds, "if "+who+" looked after you")
	case "all":
		conds = append(conds, "whoever looked after you")
	}
	if a.Anywhere {
		conds = append(conds, "wherever you live")
	}
	switch a.Basis {
	case "in_principle":
		conds = append(conds, "case by case")
	case "conditional":
		conds = append(conds, "in some cases")
	}
	if a.MeansTest {
		conds = append(conds, "depending on your income")
	}
	if len(conds) == 0 {
		return text
	}
	first := conds[0]
	if strings.HasPrefix(first, "until") {
		text += " " + first
		conds = conds[1:]
	}
	if len(conds) > 0 {
		text += ", " + strings.Join(conds, ", ")
	}
	return text
}

// rowID is the anchor of a question's first row on a page.
func rowID(key string) string { return "q-" + strings.ReplaceAll(key, ".", "-") }

// WhoToAsk is who a care leaver living in the council's area can ask about
// their offer, as the data gives it: the council that provides leaving-care
// support (a district's county), its first contact and leaving-care team,
// and the offer pages.
type WhoToAsk struct {
	Care         *site.Council // the council whose leaving-care support applies
	FirstContact string
	Teams        []offer.Contact
	Offers       []OfferLink
}

// OfferLink is a council's published offer page.
type OfferLink struct{ By, URL string }

// Ask works out who to ask for the page's council.
func (p *Page) Ask() WhoToAsk {
	c := p.Council
	if c == nil {
		return WhoToAsk{}
	}
	w := WhoToAsk{Care: c}
	if c.IsDistrict() && c.County != nil {
		w.Care = c.County
	}
	if a := w.Care.Answers["offer.first_contact"]; a != nil {
		w.FirstContact = a.Value
	}
	for _, ct := range w.Care.Contacts {
		if ct.Role == "leaving_care_team" && ct.Status != offer.Unknown {
			w.Teams = append(w.Teams, ct)
		}
	}
	for _, by := range []*site.Council{w.Care, c} {
		if a := by.Answers["offer.url"]; a != nil && a.Value != "" && (len(w.Offers) == 0 || w.Offers[0].URL != a.Value) {
			w.Offers = append(w.Offers, OfferLink{By: by.Name, URL: a.Value})
		}
		if by == c {
			break
		}
	}
	return w
}
