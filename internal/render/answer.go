package render

import (
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/wording"
)

// Verdict is how an answer's status is shown: a symbol and a word, never
// colour alone; Class lets the style sheet add colour on top.
type Verdict struct {
	Symbol string
	Word   string
	Class  string // good, bad, maybe, unknown or neutral
}

// verdict says what a status means for a care leaver, taking account of
// questions where "yes" is bad news.
func verdict(q *offer.Question, a *offer.Answer) Verdict {
	good, bad := "good", "bad"
	if q.Polarity == offer.YesIsBad {
		good, bad = bad, good
	}
	if q.Polarity == offer.Neutral {
		good, bad = "neutral", "neutral"
	}
	switch a.Status {
	case offer.Yes:
		if q.Polarity == offer.YesIsBad {
			// A barrier: a warning sign, never a cross beside "Yes".
			return Verdict{"!", "Yes", "bad"}
		}
		return Verdict{symbolFor(good), "Yes", good}
	case offer.No:
		return Verdict{symbolFor(bad), "No", bad}
	case offer.Considering:
		return Verdict{"…", "Being considered", "maybe"}
	}
	return Verdict{"?", "The council did not say", "unknown"}
}

func symbolFor(class string) string {
	switch class {
	case "good":
		return "✓"
	case "bad":
		return "✗"
	}
	return "•"
}

// facts lists an answer's figures in words: ages, money, counts, a
// percentage, a name or a band. Its conditions are Conditions'.
func facts(a *offer.Answer) []string {
	var out []string
	about := a.Qualifier()
	if ages := wording.Ages(int(a.FromAge), int(a.ToAge)); ages != "" {
		out = append(out, ages)
	}
	if a.GBP != nil {
		out = append(out, about+wording.Amount(a)+per(a.Per))
	}
	if a.Count != nil {
		out = append(out, about+count(*a.Count)+per(a.Per))
	}
	if a.Pct != nil {
		out = append(out, about+strconv.Itoa(*a.Pct)+"%")
	}
	if a.Name() != "" {
		out = append(out, "called "+a.Name())
	}
	if a.Band() != "" {
		out = append(out, "band: "+a.Band())
	}
	for _, g := range a.Groups() {
		out = append(out, group(g))
	}
	return out
}

func group(g offer.Group) string {
	s := g.Name
	var parts []string
	if g.Ages != "" {
		parts = append(parts, "ages "+strings.ReplaceAll(g.Ages, "-", " to "))
	}
	if g.Attendees != "" {
		parts = append(parts, strings.ReplaceAll(g.Attendees, "-", " to ")+" regular members")
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

func count(r offer.Range) string {
	if r.Min == r.Max {
		return Number(r.Min)
	}
	return Number(r.Min) + " to " + Number(r.Max)
}

func per(p offer.Per) string {
	switch p {
	case offer.PerOnce:
		return ", once"
	case 0:
		return ""
	}
	return " a " + p.String()
}

// Money writes whole pounds as £2,000.
func Money(gbp int) string { return wording.Money(gbp) }

// Number writes a whole number with thousands separators: 12,345.
func Number(n int) string { return wording.Number(n) }

// sourceType names a kind of source for people.
func sourceType(t string) string {
	switch t {
	case "foi":
		return "Freedom of Information reply"
	case "offer_page":
		return "the council's offer web page"
	case "offer_pdf":
		return "the council's offer document"
	case "committee_report":
		return "council committee report"
	case "council_confirmed":
		return "confirmed by the council"
	case "council_page":
		return "council web page"
	case "news":
		return "council news release"
	case "press":
		return "news report"
	case "campaign_page":
		return "campaign web page"
	case "contributor":
		return "contributor"
	}
	return t
}
