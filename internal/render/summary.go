package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
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
	When string // the year of its source, or "undated"
	ID   string // the anchor of its row
	From string // who gives it, on a district's page
	Note string // a warning that a national change may have overtaken it
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
		item := SummaryItem{Text: goodNews(h, r, p.Council), When: wording.When(r), ID: rowID(h.Key), Note: wording.Overtaken(r)}
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

// goodNews writes a headline answer in plain words, saying no more than
// its row: the catalogue's phrase, the amount, the ages, every condition,
// who reported it if not the council; its year or "undated" (When) follows
// it wherever it goes. on is the council whose page or offer it shows on.
func goodNews(q *offer.Question, r *site.Row, on *site.Council) string {
	a := r.Answer
	text := strings.ReplaceAll(q.Good, "{by}", r.By.ShortName)
	if a.GBP != nil {
		text += ": " + a.Qualifier() + wording.Amount(a) + per(a.Per)
	} else if a.Pct != nil {
		text += ": " + a.Qualifier() + strconv.Itoa(*a.Pct) + "%"
	}
	from := int(a.FromAge)
	if strings.Contains(q.Good, "after "+strconv.Itoa(from)) {
		from = 0 // "Support after 21", not "after 21 from 21"
	}
	if ages := wording.Ages(from, int(a.ToAge)); ages != "" {
		text += " " + ages
	}
	// The warning that a national change may have overtaken it follows
	// the headline in full, so it is not repeated here.
	conds := wording.Conditions(r, on)
	if w := wording.Reported(r); w != "" {
		conds = append(conds, w)
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
	Teams        []Contact // its leaving-care team, or its general contact where that is all there is
	Back         string    // the ages it supports care leavers after 21, where its sources say so
	Offers       []OfferLink
}

// Contact is a route to a council, with the number of its source in the
// page's list.
type Contact struct {
	offer.Contact
	SrcN   int
	SrcRef string
}

// routes are the roles a care leaver can use alone, with no adviser.
var routes = []string{"leaving_care_team", "general_contact"}

// OtherContacts are the council's contacts that "Who to ask" does not
// already give.
func (p *Page) OtherContacts() []offer.Contact {
	var out []offer.Contact
	for _, ct := range p.Council.Contacts {
		if !slices.Contains(routes, ct.Role) {
			out = append(out, ct)
		}
	}
	return out
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
	if a := w.Care.Answers.Get("offer.first_contact"); a != nil {
		w.FirstContact = a.Value
	}
	for _, role := range routes {
		for _, ct := range w.Care.Contacts {
			if ct.Role == role && ct.Status != offer.Unknown {
				v := Contact{Contact: ct}
				if src := w.Care.SourceByID(ct.Src); src != nil {
					n, anchor := p.sourceNum(src)
					v.SrcN, v.SrcRef = n, "#"+anchor
				}
				w.Teams = append(w.Teams, v)
			}
		}
		if len(w.Teams) > 0 {
			break // the general contact only where there is no team's
		}
	}
	if a := w.Care.Answers.Get("services.over_21_service"); a != nil && a.Status == offer.Yes && a.ToAge >= 25 {
		w.Back = wording.Ages(0, int(a.ToAge))
	}
	for _, by := range []*site.Council{w.Care, c} {
		if a := by.Answers.Get("offer.url"); a != nil && a.Value != "" && (len(w.Offers) == 0 || w.Offers[0].URL != a.Value) {
			w.Offers = append(w.Offers, OfferLink{By: by.Name, URL: a.Value})
		}
		if by == c {
			break
		}
	}
	return w
}
