package render

import (
	"cmp"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// Answer is one row of a council page, worked out in Go once so the
// template only prints it.
type Answer struct {
	Label   string
	Kind    string // answer, link, list, council or text
	Verdict Verdict
	Facts   string // ages, money, counts and conditions, joined
	Value   string
	Values  []string
	Href    string // for links and councils
	Details string
	Apply   string
	From    string // the council that gives it, on a district's page or when it is another council
	FromRef string // a link to that council's page, when it is another council
	ID      string // the row's anchor, on the first row of its question
	SrcN    int    // the source's number in the page's list of sources
	SrcRef  string // a link to the source in that list
	AsOf    string // the date in words, where the answer's own date differs from its source's
	Stale   bool   // dated more than 18 months ago
	Undated bool   // no date at all
	Note    string // a caution: not yet confirmed by each council, or replaced by a newer answer
	Quote   string // the source's own words behind the answer, shown on demand
	// Reported names who reported it, for a source that is not the council's own.
	Reported  string
	Overtaken string // a national change since the answer that it may not reflect
}

// SectionView is a section of a page as the "sections" template prints it.
type SectionView struct {
	Key, Title string
	Rows       []Answer
	Gaps       []GapView
}

// GapView is one council's questions in a section that nobody has found
// its answer to yet.
type GapView struct {
	By     string // the council's short name, on a district's page
	Labels string
}

// AnswerSections are the page's sections that have answers, worked out in
// Go once so the template only prints them.
//
// The rows go in the page's scratch list when it has one (pages made by
// Site, one after another on each processor), since they are only read
// while the page is printed; they are worked out once for the page.
func (p *Page) AnswerSections() []SectionView {
	if p.views != nil {
		return p.views
	}
	sections := p.KnownSections()
	out := make([]SectionView, 0, len(sections))
	seen := map[string]bool{}
	total := 0
	for _, sec := range sections {
		total += len(sec.Rows)
	}
	var rows []Answer
	if p.scratch != nil && cap(*p.scratch) >= total {
		rows = (*p.scratch)[:0]
	} else {
		rows = make([]Answer, 0, total)
		if p.scratch != nil {
			*p.scratch = rows
		}
	}
	for _, sec := range sections {
		start := len(rows)
		for _, r := range sec.Rows {
			a := p.answer(r)
			if !seen[r.Question.Key] {
				seen[r.Question.Key] = true
				a.ID = rowID(r.Question.Key)
			}
			rows = append(rows, a)
		}
		v := SectionView{Key: sec.Key, Title: sec.Title, Rows: rows[start:len(rows):len(rows)]}
		uniqueLabels(v.Rows, sec.Rows)
		for _, g := range sec.Gaps {
			gv := GapView{Labels: sectionLabels(g.Questions)}
			if p.District() {
				gv.By = g.By.ShortName
			}
			v.Gaps = append(v.Gaps, gv)
		}
		out = append(out, v)
	}
	p.views = out
	return out
}

// uniqueLabels gives every row of a section a label of its own, so no
// term repeats within a list: where two councils answer one question (a
// district and its county) each row names its council, and an older or
// another source's answer says so.
func uniqueLabels(rows []Answer, from []site.Row) {
	if !repeats(rows) {
		return
	}
	count := map[string]int{}
	givers := map[string]map[string]bool{}
	for i, a := range rows {
		count[a.Label]++
		if givers[a.Label] == nil {
			givers[a.Label] = map[string]bool{}
		}
		givers[a.Label][giver(&from[i])] = true
	}
	seen := map[string]bool{}
	for i := range rows {
		a, r := &rows[i], from[i]
		if count[a.Label] < 2 {
			continue
		}
		many := len(givers[a.Label]) > 1
		switch {
		case r.Older:
			a.Label += " (older answer)"
		case r.Also:
			a.Label += " (another source)"
		case !many:
		case r.Joint != nil:
			a.Label += ": " + r.Joint.Name
		default:
			a.Label += ": " + r.By.ShortName
		}
		for seen[a.Label] {
			a.Label += " (another answer)"
		}
		seen[a.Label] = true
	}
}

func (p *Page) answer(r site.Row) Answer {
	q, a := r.Question, r.Answer
	v := Answer{Label: q.Label, Details: a.Details, Apply: a.Apply(), Stale: r.Stale, Undated: r.Undated}
	var fs []string
	if q.Kind.IsAnswer() {
		fs = append(facts(a), wording.Conditions(&r, p.Council)...)
	}
	switch {
	case q.Kind.IsAnswer() && q.Polarity == offer.Neutral && a.Status == offer.Yes && len(fs) > 0:
		// A figure, such as how many people the council employs, needs no "Yes".
		v.Kind, v.Value = "text", strings.Join(fs, "; ")
	case q.Kind.IsAnswer():
		v.Kind, v.Verdict = "answer", verdict(q, a)
		v.Facts = strings.Join(fs, "; ")
	case q.Kind == offer.KindURL:
		v.Kind, v.Value, v.Href = "link", a.Value, a.Value
	case q.Kind == offer.KindList:
		v.Kind, v.Values = "list", a.Values()
	case q.Kind == offer.KindGSS:
		v.Kind, v.Value = "text", a.Value
		if c := p.Site.ByGSS[a.Value]; c != nil {
			v.Kind, v.Value, v.Href = "council", c.Name, p.Link(c.Path())
		}
	default:
		v.Kind, v.Value = "text", strings.ReplaceAll(a.Value, "_", " ")
	}
	// Who gives it.
	switch {
	case r.Joint != nil:
		if r.Joint != p.Joint {
			v.From, v.FromRef = r.Joint.Name, p.Link(r.Joint.Path())
		}
		if !r.Joint.Confirmed {
			v.Note = "Reported for the joint offer as a whole; not yet confirmed by each council."
		}
	case r.By != p.Council:
		v.From, v.FromRef = r.By.Name, p.Link(r.By.Path())
	default:
		if r.By.IsDistrict() {
			v.From = r.By.Name
		}
	}
	if r.Older {
		v.Note = strings.TrimSpace("An older answer: the newer one is shown above. " + v.Note)
	}
	if r.Also {
		v.Note = strings.TrimSpace("Another source says something different; the answer above comes first. " + v.Note)
	}
	if r.Source != nil {
		n, anchor := p.sourceNum(r.Source)
		v.SrcN, v.SrcRef = n, "#"+anchor
		if !a.AsOf.IsZero() && a.AsOf != r.Source.Date() {
			v.AsOf = a.AsOf.Words()
		}
		if r.Source.Secondary() {
			v.Reported = cmp.Or(r.Source.Publisher, sourceType(r.Source.Type))
		}
	}
	v.Quote = a.Quote
	v.Overtaken = wording.Overtaken(&r)
	return v
}

// Sections returns the page's sections, with or without answers: the
// council's, composed for its residents, or the joint offer's. A council's
// are worked out once per page.
func (p *Page) Sections() []site.Section {
	switch {
	case p.sections != nil:
	case p.Council != nil:
		p.sections = p.Council.Sections()
	case p.Joint != nil:
		p.sections = p.Joint.Sections
	}
	return p.sections
}

// KnownSections returns the page's sections that have answers.
func (p *Page) KnownSections() []site.Section {
	var out []site.Section
	for _, s := range p.Sections() {
		if s.Known() {
			out = append(out, s)
		}
	}
	return out
}

// District reports whether the page is a district council's, whose answers
// come from more than one council.
func (p *Page) District() bool { return p.Council != nil && p.Council.IsDistrict() }

// repeats reports whether two rows have one label: rarely, and a section
// has a few rows, so each is compared with those after it.
func repeats(rows []Answer) bool {
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			if rows[i].Label == rows[j].Label {
				return true
			}
		}
	}
	return false
}
