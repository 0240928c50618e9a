// Package site builds the model the pages are rendered from: councils by
// slug, region and county, each council's offer composed for someone living
// there (a district with its county), and counts for the home page. Every
// derived view is computed once per build, here.
package site

import (
	"slices"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/history"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
)

// Site is the whole model of one build.
type Site struct {
	Config   Config
	Now      time.Time
	Councils []*Council // A to Z by name
	BySlug   map[string]*Council
	ByGSS    map[string]*Council
	Regions  []*Region // A to Z
	Joints   []*Joint  // A to Z
	Pages    []*offer.Page
	Home     *offer.Page // content/index.md, if any
	Known    int         // councils with at least one answer
	Letters  []Letter    // the A to Z, grouped by first letter
	Stats    []Stat      // for each answer question, how many councils have answered, nationally and by region
	Coverage Coverage    // how far research has got in England
	ByTier   []Coverage  // and for each kind of council, in TierOrder
	Law      []LawArea   // for each of the law's areas, how many councils' offers we have read of it in
}

// Region is one of England's nine regions and its councils.
type Region struct {
	Name     string
	Slug     string
	Councils []*Council // A to Z by name
	Known    int
	Coverage Coverage   // how far research has got in the region
	ByTier   []Coverage // and for each kind of council in it, in TierOrder
}

// Letter is one letter of the A to Z.
type Letter struct {
	Letter   string
	Councils []*Council
}

// Council is a council with its place in the model and its composed offer.
type Council struct {
	*offer.Council
	Area      *Region    // the council's region
	County    *Council   // for districts
	Districts []*Council // for counties, A to Z
	Successor *Council
	Joints    []*Joint // joint offers the council is named as a member of
	WDTK      string   // the council's id on WhatDoTheyKnow, from the reference list
	site      *Site
	known     int     // questions with an answer for someone living in the area
	checks    []Check // the law's checklist, for a council that looks after children
	// Changes are the changes to the council's answers in the content's
	// history, newest first; none where the build has no history.
	Changes []history.Entry
}

// Unknown reports whether nothing at all is known about what someone living
// in the council's area gets: no answers from it, its county or a joint offer.
func (c *Council) Unknown() bool { return c.KnownAnswers() == 0 }

// KnownAnswers counts the questions someone living in c's area has an
// answer to, from any council or joint offer.
func (c *Council) KnownAnswers() int { return c.known }

// ExtraKeys are the names that find this council besides its full name and
// places, which the search page shows anyway: its short name, when that is
// not just the start of its name, and other names people use, joined by "|".
func (c *Council) ExtraKeys() string {
	var keys []string
	if !strings.HasPrefix(c.Name, c.ShortName) {
		keys = append(keys, c.ShortName)
	}
	return strings.Join(append(keys, c.AKA...), "|")
}

// TierNoun is the kind of council as it reads in a sentence: "a district
// council", "a London borough council".
func (c *Council) TierNoun() string { return tierNouns[c.Tier] }

var tierNouns = map[string]string{
	"county": "county council", "district": "district council", "unitary": "unitary council",
	"metropolitan_borough": "metropolitan borough council", "london_borough": "London borough council",
	"city_corporation": "city corporation",
}

// TierName is the council's tier in words.
func (c *Council) TierName() string { return offer.TierNames[c.Tier] }

// IsDistrict reports whether the council shares its area with a county.
func (c *Council) IsDistrict() bool { return c.Tier == "district" }

// Path is the council page's folder within the site.
func (c *Council) Path() string { return "councils/" + c.Slug + "/" }

// Section is one section of a council's page.
type Section struct {
	offer.Section
	Rows []Row
	Gaps []Gap // questions nobody has found out about yet, by council
}

// Row is one answer shown on a page, with who provides it.
type Row struct {
	Question *offer.Question
	Answer   *offer.Answer
	By       *Council // the council whose answer this is, or the member it applies through
	Joint    *Joint   // the joint offer the answer comes from, if it does
	Source   *offer.Source
	AsOf     offer.Date
	Stale    bool // the answer is dated more than offer.StaleAfter months ago
	Undated  bool // neither the answer nor its source gives a date
	// Older is set on the older of two answers to one question, a
	// council's own and its joint offer's: the newer is shown first.
	Older bool
	// Also is set on an answer from another source that says something
	// different from the council's own, which is shown first.
	Also bool
}

// Joint is a joint offer with its member councils and its answers.
type Joint struct {
	*offer.Joint
	Members  []*Council // the members the sources name, A to Z
	Sections []Section  // the joint offer's own answers, by section
}

// Path is the joint offer page's folder within the site.
func (j *Joint) Path() string { return "joint/" + j.Slug + "/" }

// Gap is the questions in a section that one council has no answer to yet.
type Gap struct {
	By        *Council
	Questions []*offer.Question
}

// New builds the model from loaded content. now decides which answers are
// old enough to be marked as possibly out of date.
func New(set *content.Set, cfg Config, now time.Time) *Site {
	s := &Site{Config: cfg, Now: now, BySlug: map[string]*Council{}, ByGSS: map[string]*Council{}}
	for _, p := range set.Pages {
		if p.Slug == "index" {
			s.Home = p
			continue
		}
		s.Pages = append(s.Pages, p)
	}
	regions := map[string]*Region{}
	for _, oc := range set.Councils {
		c := &Council{Council: oc, site: s}
		if ref, ok := registry.ByGSS(c.GSS); ok {
			c.WDTK = ref.WDTK
		}
		s.Councils = append(s.Councils, c)
		s.BySlug[c.Slug] = c
		s.ByGSS[c.GSS] = c
		r := regions[c.Region]
		if r == nil {
			r = &Region{Name: c.Region, Slug: registry.Slugify(c.Region)}
			regions[c.Region] = r
			s.Regions = append(s.Regions, r)
		}
		c.Area = r
		r.Councils = append(r.Councils, c)
	}
	byName := func(a, b *Council) int { return strings.Compare(sortName(a.Name), sortName(b.Name)) }
	slices.SortFunc(s.Councils, byName)
	slices.SortFunc(s.Regions, func(a, b *Region) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range s.Regions {
		slices.SortFunc(r.Councils, byName)
	}
	for _, c := range s.Councils {
		if c.IsDistrict() {
			c.County = s.ByGSS[c.Parent]
			if c.County != nil {
				c.County.Districts = append(c.County.Districts, c)
			}
		}
		c.Successor = s.ByGSS[c.Council.Successor]
	}
	for _, oj := range set.Joints {
		j := &Joint{Joint: oj}
		for _, gss := range oj.Members {
			if m := s.ByGSS[gss]; m != nil {
				j.Members = append(j.Members, m)
				m.Joints = append(m.Joints, j)
			}
		}
		slices.SortFunc(j.Members, byName)
		s.jointSections(j)
		s.Joints = append(s.Joints, j)
	}
	slices.SortFunc(s.Joints, func(a, b *Joint) int { return strings.Compare(a.Name, b.Name) })
	for _, c := range s.Councils {
		for i := range offer.Catalogue {
			if c.answered(&offer.Catalogue[i]) {
				c.known++
			}
		}
		if c.RunsLeavingCare() {
			c.checks = c.checklist()
		}
		if c.known > 0 {
			s.Known++
			c.Area.Known++
		}
		l := strings.ToUpper(sortName(c.Name)[:1])
		if n := len(s.Letters); n == 0 || s.Letters[n-1].Letter != l {
			s.Letters = append(s.Letters, Letter{Letter: l})
		}
		s.Letters[len(s.Letters)-1].Councils = append(s.Letters[len(s.Letters)-1].Councils, c)
	}
	s.stats()
	s.coverage()
	s.lawAreas()
	return s
}

// SetHistory gives each council the changes to its answers that the
// content's history holds.
func (s *Site) SetHistory(l *history.Log) {
	for _, c := range s.Councils {
		c.Changes = l.Of(c.File)
	}
}

// LastChanged is when the council's answers last changed, from the
// content's history, or the day its file says it was last checked against
// its sources; zero when neither is known.
func (c *Council) LastChanged() time.Time {
	if len(c.Changes) > 0 {
		return c.Changes[0].Date
	}
	if c.Updated.IsZero() {
		return time.Time{}
	}
	return c.Updated.FirstDay()
}

// sortName drops a leading "The" so "The Royal Borough of ..." sorts under R.
func sortName(name string) string { return strings.TrimPrefix(name, "The ") }

// Sections works out, section by section, what someone living in c's area
// gets and from which council: a district's own answers for what districts
// provide, its county's for what the council that looked after you provides,
// and both for what each council does for itself.
//
// Where a provider is a member of a joint offer that answers the question,
// both answers are shown, the newer first; a council's own answer counts as
// newer when the dates cannot tell.
//
// The sections are worked out each time they are asked for, not kept: a
// large directory's composed pages would not fit in memory, and each page
// needs them only while it is made.
func (c *Council) Sections() []Section {
	out := make([]Section, 0, len(offer.Sections))
	for _, sec := range offer.Sections {
		view := Section{Section: sec}
		for _, q := range offer.InSection(sec.Key) {
			if !c.IsDistrict() && !q.ProvidedBy(c.Tier) {
				continue // a county's residents get council tax and housing from their district
			}
			var seen []*Joint
			for _, by := range providers(c, q) {
				rows := c.site.rows(q, by, &seen)
				if len(rows) == 0 && (by == c || q.Provider == offer.CareCouncil) && !(q.Key == "offer.joint_offer" && len(by.Joints) > 0) && !offer.IsLawQuestion(q) {
					// A member of a joint offer has its answer: the page names
					// the offer. Whether an offer sets out each of the law's
					// areas is the checklist's to say, not a gap.
					view.gap(by, q)
				}
				view.Rows = append(view.Rows, rows...)
			}
		}
		out = append(out, view)
	}
	return out
}

// rows returns by's answers to q: its own and its joint offers' (those not
// in seen, which it adds to), the newer first.
func (s *Site) rows(q *offer.Question, by *Council, seen *[]*Joint) []Row {
	var rows, also []Row
	if a := by.Answers.Get(q.Key); a != nil {
		rows = append(rows, s.row(q, a, by, nil))
		also = s.also(q, a, by, nil)
	}
	for _, j := range by.Joints {
		if a := j.Answers.Get(q.Key); a != nil && !slices.Contains(*seen, j) {
			*seen = append(*seen, j)
			rows = append(rows, s.row(q, a, by, j))
			also = append(also, s.also(q, a, by, j)...)
		}
	}
	if len(rows) > 1 {
		newerFirst(rows)
	}
	return append(rows, also...)
}

func (s *Section) gap(by *Council, q *offer.Question) {
	for i := range s.Gaps {
		if s.Gaps[i].By == by {
			s.Gaps[i].Questions = append(s.Gaps[i].Questions, q)
			return
		}
	}
	s.Gaps = append(s.Gaps, Gap{By: by, Questions: []*offer.Question{q}})
}

// Known reports whether the section has any answer.
func (s *Section) Known() bool { return len(s.Rows) > 0 }

// providers lists the councils whose answers to q apply to someone living in c.
func providers(c *Council, q *offer.Question) []*Council {
	if !c.IsDistrict() || c.County == nil {
		return []*Council{c}
	}
	switch q.Provider {
	case offer.CareCouncil:
		return []*Council{c.County}
	case offer.HomeCouncil:
		return []*Council{c}
	}
	return []*Council{c, c.County}
}

func (s *Site) row(q *offer.Question, a *offer.Answer, by *Council, j *Joint) Row {
	var src *offer.Sourced
	if j != nil {
		src = &j.Sourced
	} else {
		src = &by.Sourced
	}
	r := Row{Question: q, Answer: a, By: by, Joint: j, Source: src.SourceOf(a), AsOf: src.AsOf(a)}
	r.Stale, r.Undated = r.AsOf.Stale(s.Now), r.AsOf.IsZero()
	return r
}

// also are the rows of other sources' answers to q that disagree with a.
func (s *Site) also(q *offer.Question, a *offer.Answer, by *Council, j *Joint) []Row {
	var out []Row
	for _, o := range a.Also() {
		r := s.row(q, o, by, j)
		r.Also = true
		out = append(out, r)
	}
	return out
}

// newerFirst orders a council's own answer and its joint offers' answers to
// one question, newest first, and marks the rest as older. The council's own
// answer comes first unless a joint answer is known to be newer.
func newerFirst(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		switch {
		case a.AsOf.IsZero() || b.AsOf.IsZero():
			return 0
		case a.AsOf.Time().After(b.AsOf.Time()):
			return -1
		case b.AsOf.Time().After(a.AsOf.Time()):
			return 1
		}
		return 0
	})
	for i := 1; i < len(rows); i++ {
		rows[i].Older = true
	}
}

// jointSections lays out a joint offer's own answers by section.
func (s *Site) jointSections(j *Joint) {
	for _, sec := range offer.Sections {
		view := Section{Section: sec}
		for _, q := range offer.InSection(sec.Key) {
			if a := j.Answers.Get(q.Key); a != nil {
				view.Rows = append(view.Rows, s.row(q, a, nil, j))
				view.Rows = append(view.Rows, s.also(q, a, nil, j)...)
			}
		}
		j.Sections = append(j.Sections, view)
	}
}
