package site

import (
	"github.com/localoffer/localoffer/internal/offer"
)

// Coverage says how far the directory has got with a group of councils: how
// many have answers in their own files, how many someone looked for in
// public sources and found nothing, and how many nobody has looked for yet.
type Coverage struct {
	Label        string // the region, the kind of council, or England
	Councils     int
	Found        int // councils with at least one answer of their own or from a joint offer
	NothingFound int // councils looked for (checked) with no answers
	NotYet       int // councils nobody has looked for yet
	// Earliest and Latest are the first and last months someone looked for
	// one of the councils; zero when nobody has.
	Earliest, Latest offer.Date
}

// How far research has got with one council, as councils.csv says it.
const (
	Found        = "found"         // its file, or a joint offer it is in, answers something
	NothingFound = "nothing_found" // someone looked (checked) and found no answers
	NotYet       = "not_yet"       // nobody has looked yet
)

// Researched says how far research has got with the council: Found,
// NothingFound or NotYet.
func (c *Council) Researched() string {
	switch {
	case c.HasOwnAnswers():
		return Found
	case !c.Checked.IsZero():
		return NothingFound
	}
	return NotYet
}

// add counts one council.
func (cv *Coverage) add(c *Council) {
	cv.Councils++
	switch c.Researched() {
	case Found:
		cv.Found++
	case NothingFound:
		cv.NothingFound++
	default:
		cv.NotYet++
	}
	if d := c.Checked; !d.IsZero() {
		if cv.Latest.IsZero() || d.Time().After(cv.Latest.Time()) {
			cv.Latest = d
		}
		if cv.Earliest.IsZero() || d.Time().Before(cv.Earliest.Time()) {
			cv.Earliest = d
		}
	}
}

// Looked is how many of the councils someone has looked for.
func (cv Coverage) Looked() int { return cv.Found + cv.NothingFound }

// HasOwnAnswers reports whether the council's file, or a joint offer it is a
// member of, answers any question.
func (c *Council) HasOwnAnswers() bool {
	if c.Answers.Len() > 0 {
		return true
	}
	for _, j := range c.Joints {
		if j.Answers.Len() > 0 {
			return true
		}
	}
	return false
}

// coverage counts the site's councils: for England, each region and each
// kind of council, and each region's kinds of council.
func (s *Site) coverage() {
	s.Coverage = Coverage{Label: "England"}
	for _, c := range s.Councils {
		s.Coverage.add(c)
		c.Area.Coverage.add(c)
	}
	s.ByTier = byTier(s.Councils)
	for _, r := range s.Regions {
		r.Coverage.Label = r.Name
		r.ByTier = byTier(r.Councils)
	}
}

// byTier counts councils by their kind, in offer.TierOrder.
func byTier(councils []*Council) []Coverage {
	tiers := map[string]*Coverage{}
	for _, c := range councils {
		if tiers[c.Tier] == nil {
			tiers[c.Tier] = &Coverage{Label: offer.TierNames[c.Tier]}
		}
		tiers[c.Tier].add(c)
	}
	var out []Coverage
	for _, t := range offer.TierOrder {
		if cv := tiers[t]; cv != nil {
			out = append(out, *cv)
		}
	}
	return out
}

// ByRegion is the coverage of each region, A to Z.
func (s *Site) ByRegion() []Coverage {
	out := make([]Coverage, len(s.Regions))
	for i, r := range s.Regions {
		out[i] = r.Coverage
	}
	return out
}
