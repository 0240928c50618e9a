package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/localoffer/localoffer/internal/jsonstr"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// TableCell is one council's answer to one question in a comparison table.
type TableCell struct {
	Verdict Verdict
	Figure  string // its age, money, count or percentage, if any
	From    string // who gives it, when that is not the council itself (a district's county)
	// Terms are its conditions, who reported it if not the council, and
	// its year or "undated", as a page's headline gives them.
	Terms string
	Sort  string // the value sorting uses: a number, higher is more
	// Filter is what the table's answer filter matches: yes (for
	// everyone), cond (yes for some, or case by case), no, other, or none
	// where nothing is known.
	Filter string
}

// statusRank orders answers for sorting when they have no figure.
var statusRank = map[offer.Status]int{offer.Yes: 3, offer.Considering: 2, offer.No: 1, offer.Unknown: 0}

// cell works out what someone living in c's area gets for q.
func cell(c *site.Council, q *offer.Question) TableCell {
	if !c.IsDistrict() && !q.ProvidedBy(c.Tier) {
		return TableCell{Verdict: Verdict{"", "District councils give this", "none"}, Sort: "-2"}
	}
	r := c.Cell(q)
	if r == nil {
		tc := TableCell{Verdict: Verdict{"", "Not known", "none"}, Sort: "-1"}
		if by := c.Provider(q); by != c {
			tc.From = by.ShortName
		}
		return tc
	}
	tc := TableCell{Verdict: verdict(q, r.Answer), Figure: figure(q, r.Answer)}
	if q.Polarity == offer.Neutral && r.Answer.Status == offer.Yes && tc.Figure != "" {
		tc.Verdict = Verdict{Class: "neutral"} // a figure needs no "Yes"
	}
	tc.Terms = strings.Join(terms(r, c), "; ")
	switch {
	case r.Joint != nil:
		tc.From = "joint offer"
	case r.By != c:
		tc.From = r.By.ShortName
	}
	rank := 2 * statusRank[r.Answer.Status]
	if r.Answer.Status == offer.Yes && !wording.Conditional(r.Answer) {
		rank++ // a yes for everyone sorts above a yes case by case
	}
	tc.Sort = strconv.Itoa(rank)
	if n, ok := amount(r.Answer); ok && r.Answer.Status == offer.Yes {
		tc.Sort = strconv.Itoa(10 + n) // any amount sorts above a bare yes
	}
	switch {
	case r.Answer.Status == offer.Yes && wording.Conditional(r.Answer):
		tc.Filter = "cond"
	case r.Answer.Status == offer.Yes || r.Answer.Status == offer.No:
		tc.Filter = r.Answer.Status.String()
	default:
		tc.Filter = "other"
	}
	return tc
}

// figure is an answer's headline number, short enough for a table cell.
func figure(q *offer.Question, a *offer.Answer) string {
	about := a.Qualifier()
	switch {
	case a.GBP != nil:
		return about + wording.Amount(a) + per(a.Per)
	case a.Count != nil:
		return about + count(*a.Count) + per(a.Per)
	case a.Pct != nil:
		return about + strconv.Itoa(*a.Pct) + "%"
	case a.ToAge > 0 || a.FromAge > 0:
		return wording.Ages(int(a.FromAge), int(a.ToAge))
	}
	return ""
}

// amount is the number an answer's figure shows, for sorting.
func amount(a *offer.Answer) (int, bool) {
	switch {
	case a.GBP != nil:
		return *a.GBP, true
	case a.Count != nil:
		return a.Count.Max, true
	case a.Pct != nil:
		return *a.Pct, true
	case a.ToAge > 0:
		return int(a.ToAge), true
	}
	return 0, false
}

// Table is a comparison table: a topic's questions for a set of councils.
type Table struct {
	Topic    offer.Topic
	Columns  []*offer.Question
	Region   *site.Region // nil for the national table
	councils []*site.Council
}

// Rows works out the table's rows, one for each of its councils. Each
// council's row of a topic is printed once, in its region's table (the
// national page puts the regions' tables together in the browser), so rows
// are worked out as their table is made and let go with it.
func (t *Table) Rows() []TableRow {
	out := make([]TableRow, len(t.councils))
	for i, c := range t.councils {
		out[i] = tableRow(c, t.Columns)
	}
	return out
}

// Size is how many councils the table is for.
func (t *Table) Size() int { return len(t.councils) }

// TableRow is one council's row of a table.
type TableRow struct {
	Council *site.Council
	Known   int // how many of the row's questions have an answer
	Cells   []TableCell
}

// Blank reports whether the cell has no answer: not known, or given by the
// other tier of council.
func (x TableCell) Blank() bool { return x.Sort == "-1" || x.Sort == "-2" }

// tableRow works out c's row for a table's columns.
func tableRow(c *site.Council, cols []*offer.Question) TableRow {
	r := TableRow{Council: c, Cells: make([]TableCell, 0, len(cols))}
	for _, q := range cols {
		tc := cell(c, q)
		if !tc.Blank() {
			r.Known++
		}
		r.Cells = append(r.Cells, tc)
	}
	return r
}

// compareData is what the compare page's script needs to put any councils
// side by side: every council, every question, and every known answer as it
// would show in a table. It is JSON inside the page, so the page works
// opened from disk and makes no request. It is written straight out, a
// council at a time, because for a large directory it is the biggest thing
// the build makes; like the other fragments it skips the minifier.
//
// The JSON is {"q": [{"k": key, "l": label, "s": section title}],
// "c": [{"s": slug, "n": name, "a": about, "h": link, "c": {key: [class,
// symbol, word, figure, from]}}]}, with <, > and & escaped so it cannot end
// its script element.
func compareData(p *Page) template.JS {
	var b strings.Builder
	b.WriteString(`{"q":[`)
	for i, q := range compareQuestions() {
		if i > 0 {
			b.WriteByte(',')
		}
		write(&b, `{"k":`, jsonString(q.Key), `,"l":`, jsonString(q.Label), `,"s":`, jsonString(offer.SectionByKey(q.Section).Title), `}`)
	}
	b.WriteString(`]}`)
	return template.JS(p.fragment(b.String())) //nolint:gosec // JSON with <, > and & escaped
}

// compareQuestions are the questions the side-by-side page compares: every
// answer question, in page order. Each council's data script lists its
// cells for them, so they are worked out once.
var compareQuestions = sync.OnceValue(func() []*offer.Question {
	var qs []*offer.Question
	for _, s := range offer.Sections {
		for _, q := range offer.InSection(s.Key) {
			if q.Kind.IsAnswer() {
				qs = append(qs, q)
			}
		}
	}
	return qs
})

// compareCells writes a council's cells for the side-by-side page, as
// "c":{key: [class, symbol, word, figure and terms, from]}, for the
// questions with an answer for someone living there.
func compareCells(b *strings.Builder, c *site.Council) {
	cells := 0
	for _, q := range compareQuestions() {
		if c.Cell(q) == nil {
			continue
		}
		tc := cell(c, q)
		if cells == 0 {
			b.WriteString(`,"c":{`)
		} else {
			b.WriteByte(',')
		}
		cells++
		jsonstr.WriteScript(b, q.Key)
		b.WriteString(`:[`)
		for i, v := range [...]string{tc.Verdict.Class, tc.Verdict.Symbol, tc.Verdict.Word, join("; ", tc.Figure, tc.Terms), tc.From} {
			if i > 0 {
				b.WriteByte(',')
			}
			jsonstr.WriteScript(b, v)
		}
		b.WriteByte(']')
	}
	if cells > 0 {
		b.WriteByte('}')
	}
}

// jsonString is s as a JSON string that is safe inside a script element.
func jsonString(s string) string {
	var b strings.Builder
	jsonstr.WriteScript(&b, s)
	return b.String()
}
