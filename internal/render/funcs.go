package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"verdict":         verdict,
	"facts":           facts,
	"sourceType":      sourceType,
	"money":           Money,
	"number":          Number,
	"join":            strings.Join,
	"words":           func(d offer.Date) string { return d.Words() },
	"stale":           func(d offer.Date, now time.Time) bool { return d.Stale(now) },
	"lookup":          offer.Lookup,
	"provider":        func(q *offer.Question) string { return q.Provider.String() },
	"choice":          func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"isKind":          isKind,
	"staleMonths":     func() int { return offer.StaleAfter },
	"first":           func(s []string) string { return s[0] },
	"label":           sectionLabels,
	"rowPage":         rowPage,
	"unknownSections": unknownSections,
	"sourceCouncils":  sourceCouncils,
	"role":            role,
}

// isKind reports whether q takes values of the named kind, so templates can
// show links as links and lists as lists.
func isKind(q *offer.Question, name string) bool {
	switch name {
	case "answer":
		return q.Kind.IsAnswer()
	case "url":
		return q.Kind == offer.KindURL
	case "list":
		return q.Kind == offer.KindList
	case "date":
		return q.Kind == offer.KindDate
	case "gss":
		return q.Kind == offer.KindGSS
	}
	return false
}

// sectionLabels lists the labels of questions, for one sentence.
func sectionLabels(qs []*offer.Question) string {
	labels := make([]string, len(qs))
	for i, q := range qs {
		labels[i] = q.Label
		if len(q.Label) > 1 && q.Label[1] >= 'a' && q.Label[1] <= 'z' {
			labels[i] = strings.ToLower(q.Label[:1]) + q.Label[1:]
		}
	}
	return strings.Join(labels, ", ")
}

// rowView is what the "row" template sees: one answer on one page.
type rowView struct {
	Page *Page
	Row  site.Row
}

// Own reports whether the answer is the page's own council's.
func (v rowView) Own() bool { return v.Row.By == v.Page.Council }

// Council finds a council by gss code, for answers that name another council.
func (v rowView) Council(gss string) *site.Council { return v.Page.Site.ByGSS[gss] }

func rowPage(p *Page, r site.Row) rowView { return rowView{p, r} }

// unknownSections returns the sections with no answer at all.
func unknownSections(secs []site.Section) []site.Section {
	var out []site.Section
	for _, s := range secs {
		if !s.Known() {
			out = append(out, s)
		}
	}
	return out
}

// sourceCouncils lists the councils whose sources a council page cites: the
// council, and its county for a district.
func sourceCouncils(c *site.Council) []*site.Council {
	if c.County != nil {
		return []*site.Council{c, c.County}
	}
	return []*site.Council{c}
}

var roles = map[string]string{
	"officer_lead":      "Officer in charge of the offer",
	"member_lead":       "Councillor responsible",
	"leaving_care_team": "Leaving care team",
	"participation":     "Participation",
	"council_tax":       "Council tax",
	"housing":           "Housing",
	"leisure":           "Leisure",
	"foi":               "Freedom of Information requests",
}

func role(r string) string { return roles[r] }
