package render

import (
	"cmp"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
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

// Answers returns the page's sections that have answers, as HTML: for each,
// a heading, its rows (a <div> of <dt> and <dd> for each answer) and its
// gaps. They are written in Go rather than through the template engine
// because a large directory has hundreds of thousands of answers, and the
// engine's reflection costs a microsecond or more for every value it prints.
// Every text is escaped, and every link is checked as html/template would.
func (p *Page) Answers() template.HTML {
	sections := p.KnownSections()
	n := 0
	for _, sec := range sections {
		n += 150 + 350*len(sec.Rows)
	}
	var b strings.Builder
	b.Grow(n)
	seen := map[string]bool{}
	for _, sec := range sections {
		key := escAttr(sec.Key)
		write(&b, `<section aria-labelledby="s-`, key, `"><h2 id="s-`, key, `">`, escText(sec.Title), `</h2><dl class="answers">`)
		for _, r := range sec.Rows {
			v := p.answer(r)
			if !seen[r.Question.Key] {
				seen[r.Question.Key] = true
				v.ID = rowID(r.Question.Key)
			}
			writeRow(&b, v)
		}
		b.WriteString("</dl>")
		p.writeGaps(&b, sec)
		b.WriteString("</section>")
	}
	return p.fragment(b.String())
}

// writeGaps writes the "not known yet" notes of a section, one for each
// council that has not answered some of its questions.
func (p *Page) writeGaps(b *strings.Builder, sec site.Section) {
	for _, g := range sec.Gaps {
		b.WriteString(`<p class="gaps">Not known yet`)
		if p.District() {
			write(b, " from ", escText(g.By.ShortName))
		}
		write(b, ": ", escText(sectionLabels(g.Questions)), ".</p>")
	}
}

// writeRow writes one answer as the page shows it.
func writeRow(b *strings.Builder, v Answer) {
	esc := escText
	if v.ID != "" {
		write(b, `<div id="`, escAttr(v.ID), `"><dt>`, esc(v.Label), "</dt><dd>")
	} else {
		write(b, "<div><dt>", esc(v.Label), "</dt><dd>")
	}
	switch {
	case v.Kind == "answer":
		write(b, `<span class="v `, escAttr(v.Verdict.Class), `"><span aria-hidden="true">`, esc(v.Verdict.Symbol), "</span> ", esc(v.Verdict.Word), "</span>")
		if v.Facts != "" {
			write(b, ": ", esc(v.Facts))
		}
	case v.Kind == "list":
		b.WriteString("<ul>")
		for _, x := range v.Values {
			write(b, "<li>", esc(x), "</li>")
		}
		b.WriteString("</ul>")
	case v.Href != "":
		write(b, `<a href="`, href(v.Href), `">`, esc(v.Value), "</a>")
	default:
		b.WriteString(esc(v.Value))
	}
	if v.Details != "" {
		write(b, "<p>", esc(v.Details), "</p>")
	}
	if v.Apply != "" {
		write(b, "<p><strong>How to get it:</strong> ", esc(v.Apply), "</p>")
	}
	if v.Overtaken != "" {
		write(b, `<p class="changed">`, esc(v.Overtaken), "</p>")
	}
	if v.Quote != "" {
		write(b, `<details class="quote"><summary>What the source says</summary><blockquote><p>“`, esc(v.Quote), "”</p></blockquote></details>")
	}
	b.WriteString(`<p class="src">`)
	if v.Reported != "" {
		write(b, "Reported by ", esc(v.Reported), ", not confirmed by the council. ")
	}
	if v.From != "" {
		b.WriteString("From ")
		if v.FromRef != "" {
			write(b, `<a href="`, href(v.FromRef), `">`, esc(v.From), "</a>")
		} else {
			b.WriteString(esc(v.From))
		}
		b.WriteString(". ")
	}
	if v.SrcN > 0 {
		write(b, `Source <a href="`, href(v.SrcRef), `">`, strconv.Itoa(v.SrcN), "</a>")
		if v.AsOf != "" {
			write(b, ", ", esc(v.AsOf))
		}
		b.WriteString(".")
	}
	switch {
	case v.Stale:
		b.WriteString(` <span class="mark">old</span>`)
	case v.Undated:
		b.WriteString(` <span class="mark">undated</span>`)
	}
	if v.Note != "" {
		write(b, " ", esc(v.Note))
	}
	b.WriteString("</p></dd></div>")
}

// href makes a link safe for an href attribute, as html/template does: a
// link with a scheme other than http, https, mailto or tel becomes
// "#ZgotmplZ", bytes outside URLs are percent-encoded, and the rest is
// escaped for the attribute.
func href(s string) string {
	if i := strings.IndexAny(s, ":/?#"); i > 0 && s[i] == ':' {
		switch strings.ToLower(s[:i]) {
		case "http", "https", "mailto", "tel":
		default:
			return "#ZgotmplZ"
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~:/?#[]@!$()*+,;=%", c) >= 0:
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		case c == '\'':
			b.WriteString("&#39;")
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func (p *Page) answer(r site.Row) Answer {
	q, a := r.Question, r.Answer
	v := Answer{Label: q.Label, Details: a.Details, Apply: a.Apply, Stale: r.Stale, Undated: r.Undated}
	var fs []string
	if q.Kind.IsAnswer() {
		fs = facts(q, a)
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
		v.Kind, v.Values = "list", a.Values
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
	if q.Overtaken.Overtook(a, r.AsOf) {
		v.Overtaken = q.Overtaken.Note
	}
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
