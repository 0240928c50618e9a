package site

import (
	"slices"

	"github.com/localoffer/localoffer/internal/offer"
)

// Check is what we have read about one of the law's areas in the offer of
// a council that looks after children: never a verdict on the council, only
// what its answers show.
type Check struct {
	Area *offer.Area
	// Evidence are the questions the council answers yes to that speak of
	// the area, in the area's order: Help managing money for financial
	// literacy.
	Evidence []*offer.Question
	// Direct is the council's answer to whether its offer sets the area
	// out, where it has given one.
	Direct *offer.Answer
}

// Found reports whether anything we have read shows the offer speaks of
// the area.
func (k *Check) Found() bool {
	return len(k.Evidence) > 0 || k.Direct != nil && k.Direct.Status == offer.Yes
}

// State is the area's value in councils.csv: found, says_no (the council
// says its offer does not set it out, and nothing else shows it does) or
// not_found.
func (k *Check) State() string {
	switch {
	case k.Found():
		return "found"
	case k.Direct != nil && k.Direct.Status == offer.No:
		return "says_no"
	}
	return "not_found"
}

// RunsLeavingCare reports whether the council looks after children and so
// publishes an offer the law's checklist applies to: every council but a
// district.
func (c *Council) RunsLeavingCare() bool { return !c.IsDistrict() }

// Checklist is the law's checklist for the offer that covers care leavers
// from c's area: c's own, or its county's for a district. owner is the
// council whose offer it is, nil for a district whose county has no file.
func (c *Council) Checklist() (owner *Council, checks []Check) {
	owner = c
	if !c.RunsLeavingCare() {
		owner = c.County
	}
	if owner == nil {
		return nil, nil
	}
	return owner, owner.checks
}

// checklist works out c's checks from its answers and its joint offers'.
func (c *Council) checklist() []Check {
	out := make([]Check, len(offer.Areas))
	for i := range offer.Areas {
		a := &offer.Areas[i]
		k := Check{Area: a}
		for _, key := range a.Evidence {
			q := offer.Lookup(key)
			if q.Polarity != offer.YesIsBad && q.ProvidedBy(c.Tier) && c.says(key, offer.Yes) {
				k.Evidence = append(k.Evidence, q)
			}
		}
		if a.Direct != "" {
			k.Direct = c.answer(a.Direct)
		}
		out[i] = k
	}
	return out
}

// answers are c's answer to the question with key and its joint offers',
// those there are, its own first.
func (c *Council) answers(key string) []*offer.Answer {
	var out []*offer.Answer
	if a := c.Answers.Get(key); a != nil {
		out = append(out, a)
	}
	for _, j := range c.Joints {
		if a := j.Answers.Get(key); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// answer is c's answer to the question with key, or its joint offer's.
func (c *Council) answer(key string) *offer.Answer {
	if as := c.answers(key); len(as) > 0 {
		return as[0]
	}
	return nil
}

// says reports whether c's answer to key, or a joint offer's, has status st.
func (c *Council) says(key string, st offer.Status) bool {
	return slices.ContainsFunc(c.answers(key), func(a *offer.Answer) bool { return a.Status == st })
}

// LawArea counts, for one of the law's areas, the councils that look after
// children and how many of their offers we have read something about it in.
type LawArea struct {
	Area     *offer.Area
	Councils int // councils that look after children
	Found    int
	SaysNo   int
}

// lawAreas counts each area over the councils that look after children.
func (s *Site) lawAreas() {
	s.Law = make([]LawArea, len(offer.Areas))
	for i := range offer.Areas {
		s.Law[i].Area = &offer.Areas[i]
	}
	for _, c := range s.Councils {
		if !c.RunsLeavingCare() {
			continue
		}
		for i := range c.checks {
			s.Law[i].Councils++
			switch c.checks[i].State() {
			case "found":
				s.Law[i].Found++
			case "says_no":
				s.Law[i].SaysNo++
			}
		}
	}
}
