package render

import (
	"html"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/foi"
	"github.com/localoffer/localoffer/internal/hexmap"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"sourceType":      sourceType,
	"number":          Number,
	"words":           func(d offer.Date) string { return d.Words() },
	"past":            func(d offer.Date, now time.Time) bool { return !d.Time().After(now) },
	"staleMonths":     func() int { return offer.StaleAfter },
	"label":           sectionLabels,
	"unknownSections": unknownSections,
	"role":            role,
	"foiRequest":      foiRequest,
	"foiTitle":        func() string { return foi.Title },
	"wdtk":            foi.WhatDoTheyKnow,
	"charts":          charts,
	"compareData":     compareData,
	"yourOfferData":   yourOfferData,
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	},
	"sectionTitle": sectionTitle,
	"topics":       func() []offer.Topic { return offer.Topics },
	"tiers":        tierList,
	"join":         strings.Join,
	"host":         func(u string) string { return strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://") },
	"coverage":     coverageOf,
	"hexOutline":   func() string { return hexmap.Outline },
	"mapQuestions": MapQuestions,
	"mapPath":      MapPath,
	"lawAreas":     lawAreas,
	"themeColour":  func() string { return publish.ThemeColour },
	"lawLaws":      func() []*offer.Law { return offer.Laws },
	"lawAreaPath":  LawAreaPath,
	"lawPath":      func() string { return LawPath },
	"topicOf":      TopicOf,
	"mapData":      mapData,
	"metaPolicy":   publish.MetaPolicy,
	"slice1":       func(c site.Coverage) []site.Coverage { return []site.Coverage{c} },
}

// coverageTable is what the "coverage" template prints: a table of how far
// research has got, one row for each group of councils.
type coverageTable struct {
	ID, Caption, First string
	Rows               []site.Coverage
}

func coverageOf(id, caption, first string, rows ...[]site.Coverage) coverageTable {
	t := coverageTable{ID: id, Caption: caption, First: first}
	for _, r := range rows {
		t.Rows = append(t.Rows, r...)
	}
	return t
}

// sectionLabels lists questions nobody has found the answer to, each as a
// question ("Exempt from council tax?"), so that a list of what is not
// known never reads like a list of answers.
func sectionLabels(qs []*offer.Question) string {
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(q.Label)
		b.WriteByte('?')
	}
	return b.String()
}

// unknownSections returns the sections with no answer at all and at least
// one question a council has not answered: a county's page has no leisure
// questions, so no empty "Leisure" line.
func unknownSections(secs []site.Section) []site.Section {
	var out []site.Section
	for _, s := range secs {
		if !s.Known() && slices.ContainsFunc(s.Gaps, func(g site.Gap) bool { return len(g.Questions) > 0 }) {
			out = append(out, s)
		}
	}
	return out
}

// sourceCouncils lists the councils whose sources a council page cites:
// for a district, its county first, so the county's sources have the same
// numbers on all its districts' pages as on its own, then the district.
func sourceCouncils(c *site.Council) []*site.Council {
	if c.County != nil {
		return []*site.Council{c.County, c}
	}
	return []*site.Council{c}
}

var roles = map[string]string{
	"officer_lead":      "Officer in charge of the offer",
	"member_lead":       "Councillor responsible",
	"leaving_care_team": "Leaving care team",
	"general_contact":   "The council's general contact",
	"participation":     "Participation",
	"council_tax":       "Council tax",
	"housing":           "Housing",
	"leisure":           "Leisure",
	"foi":               "Freedom of Information requests",
	"report_officer":    "Officer contact for a report",
	"report_member":     "Councillor contact for a report",
}

func role(r string) string { return roles[r] }

// tierOption is a kind of council, for filters.
type tierOption struct{ Key, Name string }

func tierList() []tierOption {
	var out []tierOption
	for _, k := range offer.TierOrder {
		out = append(out, tierOption{k, offer.TierNames[k]})
	}
	return out
}

func sectionTitle(key string) string { return offer.SectionByKey(key).Title }

// foiRequest is the request to a council, escaped once per tier rather than
// once per page: its body is the same for every council of a tier.
func foiRequest(name, tier string) template.HTML {
	foiOnce.Do(func() {
		foiBodies = map[string]template.HTML{}
		for _, t := range offer.TierOrder {
			foiBodies[t] = template.HTML(html.EscapeString(foi.Body(t))) //nolint:gosec // escaped
		}
	})
	return template.HTML(html.EscapeString("Dear "+name+",\n\n")) + foiBodies[tier] //nolint:gosec // escaped
}

var (
	foiOnce   sync.Once
	foiBodies map[string]template.HTML
)

// FOIRequest is the request to the page's council: every question its tier
// answers when nothing is known, otherwise only the questions it provides
// that nobody has found its answer to yet. It is empty when there are none.
func (p *Page) FOIRequest() template.HTML {
	if p.foi == nil { // the page asks whether there is one, then prints it
		r := p.foiRequest()
		p.foi = &r
	}
	return *p.foi
}

func (p *Page) foiRequest() template.HTML {
	c := p.Council
	if c.Unknown() {
		return foiRequest(c.Name, c.Tier)
	}
	var qs []*offer.Question
	var confirm []string
	for _, sec := range p.Sections() {
		for _, g := range sec.Gaps {
			if g.By == c {
				qs = append(qs, g.Questions...)
			}
		}
		for i := range sec.Rows {
			if r := &sec.Rows[i]; r.By == c && r.Joint == nil && !r.Older && !r.Also && wording.Overtaken(r) != "" {
				recorded := "yes, with no amount"
				if r.Answer.GBP != nil {
					recorded = r.Answer.Qualifier() + wording.Amount(r.Answer) + per(r.Answer.Per)
				}
				confirm = append(confirm, foi.Confirm(r.Question, recorded, wording.When(r)))
			}
		}
	}
	var areas []*offer.Area
	if owner, checks := c.Checklist(); owner == c {
		for i := range checks {
			if checks[i].State() == "not_found" {
				areas = append(areas, checks[i].Area)
			}
		}
	}
	if len(qs) == 0 && len(confirm) == 0 && len(areas) == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(8 << 10)
	e := escaper{&b}
	e.WriteString("Dear " + c.Name + ",\n\n")
	foi.WriteBodyAbout(e, qs, areas, confirm)
	return template.HTML(b.String()) //nolint:gosec // escaped as it is written
}

// escaper writes text escaped as html.EscapeString escapes it, as it is
// written: a request runs to several thousand characters on each page.
type escaper struct{ b *strings.Builder }

// escapes are html.EscapeString's replacements.
var escapes = [...]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;"}

func (e escaper) WriteString(s string) (int, error) {
	replace(e.b, s, escapes[:])
	return len(s), nil
}

func (e escaper) WriteByte(c byte) error {
	if int(c) < len(escapes) && escapes[c] != "" {
		_, err := e.b.WriteString(escapes[c])
		return err
	}
	return e.b.WriteByte(c)
}
