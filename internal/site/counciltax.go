package site

import (
	"slices"

	"github.com/localoffer/localoffer/internal/offer"
)

// Council tax help can come from two councils: the one that looked after a
// young person, which may pay their council tax wherever they live, and the
// one where they live now, whose exemption may cover only its own care
// leavers, only its county's, or anyone living there.

// Applies says whether one council's help covers a particular young person.
type Applies int

const (
	// Covered: the source says the help covers them.
	Covered Applies = iota
	// MaybeCovered: the help exists, but the source does not say whether
	// it covers care leavers from another council.
	MaybeCovered
	// NotCovered: the help is only for other councils' care leavers.
	NotCovered
)

// TaxHelp is one council's answer about council tax, and whether it covers
// the young person.
type TaxHelp struct {
	From    *Council // the council giving the help
	Joint   *Joint   // the joint offer the answer comes from, if it does
	Answer  *offer.Answer
	Key     string // the question: council_tax.care_council_pays or council_tax.exempt
	Applies Applies
	Why     string // in words: why it does or does not cover them
}

// CouncilTax is what someone looked after by Care and living in Home gets
// towards their council tax, from both councils.
type CouncilTax struct {
	Care, Home *Council
	Help       []TaxHelp // every answer about it from either council, those that cover them first
}

// Paid says whether any answer covers them: Covered if one does, MaybeCovered
// if one might, NotCovered if none does or nothing is known.
func (t CouncilTax) Paid() Applies {
	best := NotCovered
	for _, h := range t.Help {
		if h.Answer.Status == offer.Yes && h.Applies < best {
			best = h.Applies
		}
	}
	return best
}

// ToAge is the oldest age up to which a covering answer says it pays, or 0.
func (t CouncilTax) ToAge() int {
	age := 0
	for _, h := range t.Help {
		if h.Answer.Status == offer.Yes && h.Applies == Covered && int(h.Answer.ToAge) > age {
			age = int(h.Answer.ToAge)
		}
	}
	return age
}

// CouncilTaxFor works out the council tax help for someone looked after by
// care and living in home, from both councils' answers (and a joint offer's,
// where home is a member of one). care is the council that looked after them:
// a county, unitary, metropolitan or London borough council.
func CouncilTaxFor(care, home *Council) CouncilTax {
	t := CouncilTax{Care: care, Home: home}
	if a := care.Answers.Get("council_tax.care_council_pays"); a != nil {
		h := TaxHelp{From: care, Answer: a, Key: "council_tax.care_council_pays", Applies: Covered}
		switch {
		case home == care || home.County == care:
			h.Why = care.ShortName + " pays the council tax of care leavers it looked after who live in its area"
		case a.Anywhere:
			h.Why = care.ShortName + " pays the council tax of care leavers it looked after, also outside its area"
		default:
			h.Applies = MaybeCovered
			h.Why = "the source does not say whether " + care.ShortName + " pays when you live outside its area"
		}
		t.Help = append(t.Help, h)
	}
	for _, r := range home.exemptions() {
		h := TaxHelp{From: home, Joint: r.joint, Answer: r.answer, Key: "council_tax.exempt"}
		h.Applies, h.Why = covers(r.answer, care, home)
		t.Help = append(t.Help, h)
	}
	if fund := care.Answers.Get("council_tax.funds_districts"); fund != nil && fund.Status == offer.Yes && home.County == care {
		for i := range t.Help {
			if t.Help[i].From == home && t.Help[i].Applies == MaybeCovered {
				t.Help[i].Applies = Covered
				t.Help[i].Why = care.ShortName + " pays " + home.ShortName + " for its care leavers' exemption"
			}
		}
	}
	// Help that covers them first, then help that might, then the rest.
	slices.SortStableFunc(t.Help, func(a, b TaxHelp) int { return int(a.Applies) - int(b.Applies) })
	return t
}

type exemption struct {
	answer *offer.Answer
	joint  *Joint
}

// exemptions are the council's own council tax exemption and its joint
// offers', where it has them.
func (c *Council) exemptions() []exemption {
	var out []exemption
	if a := c.Answers.Get("council_tax.exempt"); a != nil {
		out = append(out, exemption{answer: a})
	}
	for _, j := range c.Joints {
		if a := j.Answers.Get("council_tax.exempt"); a != nil {
			out = append(out, exemption{answer: a, joint: j})
		}
	}
	return out
}

// covers says whether home's exemption a covers a care leaver looked after
// by care, from the answer's scope and whether it covers other councils'.
func covers(a *offer.Answer, care, home *Council) (Applies, string) {
	own := care == home
	county := home.County != nil && home.County == care
	switch {
	case a.Scope == offer.ScopeAll:
		return Covered, home.ShortName + "'s help is for any care leaver living there"
	case a.Scope == offer.ScopeOwn && own, a.Scope == offer.ScopeCounty && (county || own):
		return Covered, home.ShortName + "'s help covers care leavers " + care.ShortName + " looked after"
	case a.Scope == offer.ScopeOwn:
		return NotCovered, home.ShortName + "'s help is only for care leavers it looked after"
	case a.Scope == offer.ScopeCounty:
		who := "its county council"
		if home.County != nil {
			who = home.County.ShortName
		}
		return NotCovered, home.ShortName + "'s help is only for care leavers " + who + " looked after"
	}
	if r := home.Answers.Get("council_tax.reciprocal"); r != nil && !own {
		switch r.Status {
		case offer.Yes:
			return Covered, home.ShortName + "'s help covers care leavers from other councils"
		case offer.No:
			return NotCovered, home.ShortName + "'s help does not cover care leavers from other councils"
		}
	}
	if own {
		return Covered, home.ShortName + "'s help covers care leavers it looked after"
	}
	return MaybeCovered, "the source does not say whether " + home.ShortName + "'s help covers care leavers from " + care.ShortName
}
