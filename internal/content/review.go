package content

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/offer"
)

// Review finds what is worth a contributor's second look but does not stop
// a build: answers older than offer.StaleAfter months or with no date, and
// councils with no answers at all. The warnings come back sorted.
func Review(set *Set, now time.Time) diag.List {
	var out diag.List
	warn := func(file string, line, col int, key, msg string) {
		out = append(out, diag.Diagnostic{File: file, Line: line, Col: col, Key: key, Msg: msg, Severity: diag.Warning})
	}
	review := func(file string, s *offer.Sourced) {
		keys := make([]string, 0, s.Answers.Len())
		for k := range s.Answers.All() {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			a := s.Answers.Get(k)
			if !offer.Lookup(k).Kind.IsAnswer() {
				continue
			}
			for _, x := range append([]*offer.Answer{a}, a.Also()...) {
				if other := offer.OffTopic(offer.Lookup(k), x.Quote); other != "" {
					warn(file, int(x.Line), int(x.Col), k, fmt.Sprintf("its quote speaks of %s, not of this question: is it filed under the right question?", strings.ToLower(offer.SectionByKey(other).Title)))
				}
			}
			switch d := s.AsOf(a); {
			case d.IsZero():
				warn(file, int(a.Line), int(a.Col), k, "no date: neither the answer (as_of) nor its source says when it was true")
			case d.Stale(now):
				warn(file, int(a.Line), int(a.Col), k, fmt.Sprintf("from %s, more than %d months ago: check it is still true", d.Words(), offer.StaleAfter))
			}
		}
	}
	for _, c := range set.Councils {
		switch {
		case c.Answers.Len() == 0 && c.Checked.IsZero():
			warn(c.File, 1, 1, "", "not looked for yet: nobody has recorded what this council offers, or added checked: when they looked")
		case c.Answers.Len() == 0:
			warn(c.File, 1, 1, "", "no answers yet: looked for in "+c.Checked.Words()+" and nothing found in public sources")
		}
		review(c.File, &c.Sourced)
		if c.ToRead > 0 {
			warn(c.File, c.ToReadLine, 1, "", fmt.Sprintf("%d lines of an imported FOI reply are still here for a person to read (\"not understood\" or \"to confirm\"): read each against the reply, record what it says, then delete the comments", c.ToRead))
		}
		for k, a := range c.Answers.All() {
			if q := offer.Lookup(k); !q.ProvidedBy(c.Tier) {
				warn(c.File, int(a.Line), int(a.Col), k, fmt.Sprintf("a %s does not provide this (%s does), so residents' pages show the other tier's answer instead", c.Tier, q.Provider))
			}
		}
	}
	for _, j := range set.Joints {
		review(j.File, &j.Sourced)
	}
	out.Sort()
	return out
}
