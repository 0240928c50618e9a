// Package wording says an answer in plain words, one way everywhere: its
// ages, its conditions, who reported it and its year. A council page's
// headline and row, a comparison table's cell, the side-by-side page, a
// map's caption and the open data all use it, so an age or a condition
// reads the same wherever the answer goes and a headline never says more
// than its row.
package wording

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/history"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// Ages writes an answer's ages one way everywhere: "until your 25th
// birthday" for to_age 25, "from 18 until your 21st birthday", "from 16".
func Ages(from, to int) string {
	switch {
	case from > 0 && to > 0:
		return "from " + strconv.Itoa(from) + " until your " + Ordinal(to) + " birthday"
	case to > 0:
		return "until your " + Ordinal(to) + " birthday"
	case from > 0:
		return "from " + strconv.Itoa(from)
	}
	return ""
}

// Ordinal writes 21 as 21st, 22 as 22nd, 25 as 25th.
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Conditions lists what limits an answer, in plain words: whom it is for,
// whether it is decided case by case, means-tested, or has a condition of
// its own. on is the council whose page, table row or map area shows it:
// leaving-care help shown there from another council (a district's
// county) is only for care leavers that council looked after.
func Conditions(r *site.Row, on *site.Council) []string {
	a := r.Answer
	var out []string
	switch a.Scope {
	case offer.ScopeOwn:
		who := "the council"
		if r.By != nil {
			who = r.By.ShortName
		}
		out = append(out, "if "+who+" looked after you")
	case offer.ScopeCounty:
		who := "your county council"
		if r.By != nil && r.By.County != nil {
			who = r.By.County.ShortName
		}
		out = append(out, "if "+who+" looked after you")
	case offer.ScopeAll:
		out = append(out, "whoever looked after you")
	default:
		if r.Question.Provider == offer.CareCouncil && r.Joint == nil && on != nil && r.By != on {
			out = append(out, "if "+r.By.ShortName+" looked after you")
		}
	}
	if a.Anywhere {
		out = append(out, "wherever you live")
	}
	if a.Condition() != "" {
		out = append(out, a.Condition())
	}
	switch a.Basis {
	case offer.BasisInPrinciple:
		out = append(out, "in principle, decided case by case")
	case offer.BasisConditional:
		out = append(out, "only in some cases")
	}
	if a.MeansTest {
		out = append(out, "depending on your income or savings")
	}
	return out
}

// Conditional reports whether an answer holds only for some care leavers
// or is decided case by case: sorting puts such a yes below a yes for
// everyone, and the tables mark it.
func Conditional(a *offer.Answer) bool {
	return a.Basis == offer.BasisInPrinciple || a.Basis == offer.BasisConditional || a.MeansTest || a.Condition() != ""
}

// Reported names who reported an answer whose source is not the council's
// own, or is empty.
func Reported(r *site.Row) string {
	if r.Source == nil || !r.Source.Secondary() {
		return ""
	}
	return "reported by " + cmp.Or(r.Source.Publisher, "others") + ", not confirmed by the council"
}

// When is the year an answer dates from, or "undated".
func When(r *site.Row) string {
	if r.AsOf.IsZero() {
		return "undated"
	}
	return strconv.Itoa(int(r.AsOf.Year))
}

// Overtaken is the plain-words warning for an answer that a national change
// since it, such as the £3,000 setting-up-home minimum, may have overtaken.
func Overtaken(r *site.Row) string {
	if q := r.Question; q.Overtaken.Overtook(r.Answer, r.AsOf) {
		return q.Overtaken.Note
	}
	return ""
}

// Value says an answer in a few words, for a list of changes: "Yes, £2,000,
// until your 25th birthday", "No", "12 places", or the value of a text or
// date question; "not recorded" for none.
func Value(q *offer.Question, a *offer.Answer) string {
	if a == nil {
		return "not recorded"
	}
	if !q.Kind.IsAnswer() {
		if len(a.Values()) > 0 {
			return strings.Join(a.Values(), "; ")
		}
		return a.Value
	}
	words := map[offer.Status]string{offer.Yes: "Yes", offer.No: "No", offer.Considering: "Being considered", offer.Unknown: "The council did not say"}[a.Status]
	parts := []string{words}
	if a.GBP != nil {
		amount := Amount(a)
		if a.Per != 0 && a.Per != offer.PerOnce {
			amount += " a " + a.Per.String()
		}
		parts = append(parts, a.Qualifier()+amount)
	}
	if a.Count != nil {
		n := strconv.Itoa(a.Count.Min)
		if a.Count.Max != a.Count.Min {
			n += " to " + strconv.Itoa(a.Count.Max)
		}
		parts = append(parts, a.Qualifier()+n)
	}
	if a.Pct != nil {
		parts = append(parts, strconv.Itoa(*a.Pct)+"%")
	}
	if ages := Ages(int(a.FromAge), int(a.ToAge)); ages != "" {
		parts = append(parts, ages)
	}
	switch {
	case a.Basis == offer.BasisInPrinciple || a.Basis == offer.BasisConditional:
		parts = append(parts, "case by case")
	case a.MeansTest:
		parts = append(parts, "depending on your income or savings")
	}
	if a.Condition() != "" {
		parts = append(parts, a.Condition())
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ", ")
}

// Amount writes an answer's amount as £2,000 or £57.90; it has one.
func Amount(a *offer.Answer) string {
	if a.Pence != 0 {
		return Money(*a.GBP) + fmt.Sprintf(".%02d", a.Pence)
	}
	return Money(*a.GBP)
}

// Money writes whole pounds as £2,000.
func Money(gbp int) string { return "£" + Number(gbp) }

// Number writes a whole number with thousands separators: 12,345.
func Number(n int) string {
	if n < 0 {
		return "-" + Number(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ChangeLines says an entry's changes, a line each: "Setting-up-home
// allowance: £2,000 → £3,000", or for a file's first version "Setting-up-
// home allowance: £2,000".
func ChangeLines(e history.Entry) []string {
	out := make([]string, 0, len(e.Changes))
	for _, ch := range e.Changes {
		line := ch.Question.Label + ": "
		if !e.First {
			line += Value(ch.Question, ch.Old) + " → "
		}
		out = append(out, line+Value(ch.Question, ch.New))
	}
	return out
}

// ChangeTitle is an entry's title: its one change, or how many.
func ChangeTitle(e history.Entry) string {
	switch {
	case e.First:
		return fmt.Sprintf("First recorded: %d answers", len(e.Changes))
	case len(e.Changes) == 1:
		return ChangeLines(e)[0]
	}
	return fmt.Sprintf("%d answers changed", len(e.Changes))
}
