package site

import "github.com/localoffer/localoffer/internal/offer"

// Cell returns the answer someone living in c's area gets to q: the first
// (newest) row shown on c's page, or nil when nobody has found out yet. What
// each council does for itself (publishing an offer, its own jobs) is the
// council's own answer: a district's cell never shows its county's.
func (c *Council) Cell(q *offer.Question) *Row {
	if !c.IsDistrict() && !q.ProvidedBy(c.Tier) {
		return nil
	}
	var seen []*Joint
	for _, by := range providers(c, q) {
		rows := c.site.rows(q, by, &seen)
		if q.Provider == offer.EachCouncil && by != c {
			continue
		}
		if len(rows) > 0 {
			return &rows[0]
		}
	}
	return nil
}

// answered reports whether c has a cell for q, without working it out.
func (c *Council) answered(q *offer.Question) bool {
	if !c.IsDistrict() && !q.ProvidedBy(c.Tier) {
		return false
	}
	for _, by := range providers(c, q) {
		if q.Provider == offer.EachCouncil && by != c {
			continue
		}
		if by.Answers.Get(q.Key) != nil {
			return true
		}
		for _, j := range by.Joints {
			if j.Answers.Get(q.Key) != nil {
				return true
			}
		}
	}
	return false
}

// Provider returns the council that gives what q asks about to someone
// living in c's area (for a district, its county for leaving-care support).
func (c *Council) Provider(q *offer.Question) *Council { return providers(c, q)[0] }

// Stat counts, for one question, the councils that provide what it asks
// about, how many of them have a known answer, and how many say yes.
type Stat struct {
	Question  *offer.Question
	Providers int
	Known     int
	Yes       int
	ByRegion  []RegionStat // in the order of Site.Regions
}

// RegionStat is a Stat for one region.
type RegionStat struct {
	Region                *Region
	Providers, Known, Yes int
}

// stats counts every answer question across the councils, by region. A
// council's answer is its own, or its joint offer's where it has none.
func (s *Site) stats() {
	for i := range offer.Catalogue {
		q := &offer.Catalogue[i]
		if !q.Kind.IsAnswer() {
			continue
		}
		st := Stat{Question: q}
		regions := map[*Region]*RegionStat{}
		for _, r := range s.Regions {
			st.ByRegion = append(st.ByRegion, RegionStat{Region: r})
		}
		for j := range st.ByRegion {
			regions[st.ByRegion[j].Region] = &st.ByRegion[j]
		}
		for _, c := range s.Councils {
			if !q.ProvidedBy(c.Tier) {
				continue
			}
			rs := regions[c.Area]
			st.Providers++
			rs.Providers++
			a := ownAnswer(c, q)
			if a == nil || a.Status == offer.Unknown {
				continue
			}
			st.Known++
			rs.Known++
			if a.Status == offer.Yes {
				st.Yes++
				rs.Yes++
			}
		}
		s.Stats = append(s.Stats, st)
	}
}

// ownAnswer is c's own answer to q, or its joint offer's.
func ownAnswer(c *Council, q *offer.Question) *offer.Answer {
	if a := c.Answers.Get(q.Key); a != nil {
		return a
	}
	for _, j := range c.Joints {
		if a := j.Answers.Get(q.Key); a != nil {
			return a
		}
	}
	return nil
}

// Stat returns the counts for a question key, or nil.
func (s *Site) Stat(key string) *Stat {
	for i := range s.Stats {
		if s.Stats[i].Question.Key == key {
			return &s.Stats[i]
		}
	}
	return nil
}
